package dev.fireworks4j.routers.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvenLoadTest {

  private final FakeClock clock = new FakeClock();

  @Test
  void heldLeasesSpreadInProportionToReplicas() {
    ReplicaPicker picker = picker(PickerOptions.builder());
    picker.update(Map.of("a", 3, "b", 1, "c", 2));

    List<Lease> held = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      held.add(picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow());
      // in flight per replica never differs by more than one request between deployments
      Map<String, TargetStats> stats = picker.stats();
      double a = stats.get("a").inFlight() / 3.0;
      double b = stats.get("b").inFlight() / 1.0;
      double c = stats.get("c").inFlight() / 2.0;
      assertThat(Math.max(a, Math.max(b, c)) - Math.min(a, Math.min(b, c))).isLessThanOrEqualTo(1.0);
    }

    assertThat(picker.stats().get("a").inFlight()).isEqualTo(300);
    assertThat(picker.stats().get("b").inFlight()).isEqualTo(100);
    assertThat(picker.stats().get("c").inFlight()).isEqualTo(200);
    held.forEach(Lease::close);
    assertThat(picker.stats().values()).allSatisfy(s -> assertThat(s.inFlight()).isZero());
  }

  @Test
  void idleDeploymentsShareTrafficInProportionToReplicas() {
    ReplicaPicker picker = picker(PickerOptions.builder());
    picker.update(Map.of("a", 4, "b", 2, "c", 1));
    int n = 100_000;

    long[] counts = new long[3];
    for (int i = 0; i < n; i++) {
      try (Lease lease = picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow()) {
        counts[lease.key().charAt(0) - 'a']++;
      }
    }

    // with every count at zero, the weighted draw that breaks ties decides, not the largest deployment
    assertThat(ChiSquared.statistic(counts, ChiSquared.expected(n, 4, 2, 1))).isLessThan(ChiSquared.critical(2));
  }

  @Test
  void twoChoicesAreDistinctSoHeldLeasesAlternate() {
    ReplicaPicker picker = picker(PickerOptions.builder().fullScanLimit(1));
    picker.update(Map.of("a", 1, "b", 1));

    for (int i = 0; i < 1000; i++) {
      picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow();
      long a = picker.stats().get("a").inFlight();
      long b = picker.stats().get("b").inFlight();
      assertThat(Math.abs(a - b)).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void twoChoicesKeepManyDeploymentsBalanced() {
    ReplicaPicker picker = picker(PickerOptions.builder());
    Map<String, Integer> replicas = new HashMap<>();
    for (int i = 0; i < 12; i++) {
      replicas.put("d" + i, 1 + i % 3);
    }
    picker.update(replicas);

    for (int i = 0; i < 2400; i++) {
      picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow();
    }

    // 2400 requests over 24 replicas: 100 per replica, and P2C keeps every deployment close to it
    assertThat(picker.stats().values()).allSatisfy(s ->
        assertThat((double) s.inFlight() / s.replicas()).isBetween(90.0, 110.0));
  }

  @Test
  void aSlowDeploymentGetsFewerRequests() {
    ReplicaPicker picker = picker(PickerOptions.builder());
    picker.update(Map.of("fast", 1, "slow", 1));
    Map<String, Integer> holdSteps = Map.of("fast", 2, "slow", 20);

    Map<String, Long> picks = runHeld(picker, 20_000, 4, holdSteps, Map.of());

    assertThat(picks.get("slow")).isLessThan(picks.get("fast") / 4);
  }

  @Test
  void failuresCountAsLoadSoAFastFailingDeploymentDoesNotLookIdle() {
    PickerOptions.Builder noEjection = PickerOptions.builder().maxEjectedFraction(0);
    Map<String, Integer> holdSteps = Map.of("good", 10, "failing", 0);
    Map<String, Outcome> outcomes = Map.of("failing", Outcome.FAILURE);

    ReplicaPicker penalised = picker(noEjection);
    penalised.update(Map.of("good", 1, "failing", 1));
    Map<String, Long> withPenalty = runHeld(penalised, 20_000, 8, holdSteps, outcomes);
    ReplicaPicker unpenalised = picker(noEjection.failurePenalty(0));
    unpenalised.update(Map.of("good", 1, "failing", 1));
    Map<String, Long> withoutPenalty = runHeld(unpenalised, 20_000, 8, holdSteps, outcomes);

    // without the penalty the failing deployment, never holding a request, looks idle and takes most traffic
    assertThat(withoutPenalty.get("failing")).isGreaterThan(withoutPenalty.get("good"));
    assertThat(withPenalty.get("failing")).isLessThan(withPenalty.get("good") / 4);
    assertThat(penalised.stats().get("failing").failures()).isEqualTo(withPenalty.get("failing"));
  }

  @Test
  void overloadsArePenalisedLikeFailures() {
    ReplicaPicker picker = picker(PickerOptions.builder());
    picker.update(Map.of("a", 1, "b", 1));
    for (int i = 0; i < 3; i++) {
      Lease lease = picker.acquire(PickStrategy.EVEN_LOAD, Set.of("b")).orElseThrow();
      lease.release(Outcome.OVERLOADED);
    }
    Lease onB = picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow();

    // b holds one request, a holds none but carries three recent overloads
    assertThat(onB.key()).isEqualTo("b");
    assertThat(picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow().key()).isEqualTo("b");
    assertThat(picker.stats().get("a").overloads()).isEqualTo(3);
    assertThat(picker.stats().get("a").ejected()).isFalse();

    clock.advance(Duration.ofSeconds(20));
    // ten half-lives later the penalty has faded: a is idle again
    assertThat(picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow().key()).isEqualTo("a");
  }

  @Test
  void serverReportedLoadShiftsPicksUntilItIsTooOld() {
    ReplicaPicker picker = picker(PickerOptions.builder());
    picker.update(Map.of("a", 2, "b", 2));

    // the server sees 6 requests on a's two replicas and none on b's
    picker.reportServerLoad("a", 3);
    picker.reportServerLoad("b", 0);
    assertThat(countIdlePicks(picker, 1000).get("a")).isZero();
    List<Lease> held = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      held.add(picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow());
    }
    // b takes requests until it looks as loaded as a: the requests sent since the report count too
    assertThat(held).allSatisfy(lease -> assertThat(lease.key()).isEqualTo("b"));
    held.forEach(Lease::close);

    clock.advance(PickerOptions.defaults().serverLoadMaxAge());
    assertThat(countIdlePicks(picker, 10_000).get("a")).isBetween(4_500L, 5_500L);
  }

  @Test
  void aDeploymentWithoutAReportCountsAsLoadedAsTheReportedOnes() {
    ReplicaPicker picker = picker(PickerOptions.builder());
    picker.update(Map.of("a", 1, "b", 1));

    picker.reportServerLoad("a", 5);

    // knowing only a's load must not make a look busier than b, whose load is unknown
    assertThat(countIdlePicks(picker, 10_000).get("a")).isBetween(4_500L, 5_500L);
  }

  @Test
  void aServerLoadReportedThroughALeaseCountsToo() {
    ReplicaPicker picker = picker(PickerOptions.builder());
    picker.update(Map.of("a", 1, "b", 1));
    Lease first = picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow();
    Lease second = picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow();
    assertThat(second.key()).isNotEqualTo(first.key());

    first.reportServerLoad(50);
    second.reportServerLoad(0);
    first.release(Outcome.SUCCESS);
    second.release(Outcome.SUCCESS);

    assertThat(countIdlePicks(picker, 100).get(second.key())).isEqualTo(100);
    picker.reportServerLoad("removed", 10);
  }

  @Test
  void twoChoicesUseServerReportsToo() {
    ReplicaPicker picker = picker(PickerOptions.builder().fullScanLimit(1));
    picker.update(Map.of("a", 1, "b", 1));

    picker.reportServerLoad("a", 0);
    picker.reportServerLoad("b", 9);

    assertThat(countIdlePicks(picker, 100).get("a")).isEqualTo(100);
  }

  @Test
  void zeroReplicaDeploymentsAreNeverPicked() {
    ReplicaPicker picker = picker(PickerOptions.builder());
    picker.update(Map.of("a", 1, "drained", 0));

    for (int i = 0; i < 100; i++) {
      assertThat(picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow().key()).isEqualTo("a");
    }
    assertThat(picker.stats().get("drained").requests()).isZero();
  }

  private ReplicaPicker picker(PickerOptions.Builder options) {
    return ReplicaPicker.create(options.random(RandomSource.seeded(42)).nanoClock(clock).build());
  }

  private static Map<String, Long> countIdlePicks(ReplicaPicker picker, int n) {
    Map<String, Long> counts = new HashMap<>();
    for (String key : picker.stats().keySet()) {
      counts.put(key, 0L);
    }
    for (int i = 0; i < n; i++) {
      try (Lease lease = picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow()) {
        counts.merge(lease.key(), 1L, Long::sum);
      }
    }
    return counts;
  }

  /**
   * Runs a closed loop: each step advances the clock by one millisecond, acquires {@code perStep} leases,
   * and releases every lease held for its deployment's number of steps, with the given outcome (success by
   * default). Returns the picks per deployment.
   */
  private Map<String, Long> runHeld(ReplicaPicker picker, int steps, int perStep, Map<String, Integer> holdSteps,
      Map<String, Outcome> outcomes) {
    Map<String, Long> picks = new LinkedHashMap<>();
    Deque<Held> held = new ArrayDeque<>();
    for (int step = 0; step < steps; step++) {
      clock.advance(Duration.ofMillis(1));
      for (int i = 0; i < perStep; i++) {
        Lease lease = picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow();
        picks.merge(lease.key(), 1L, Long::sum);
        held.add(new Held(lease, step + holdSteps.get(lease.key())));
      }
      for (int i = held.size(); i > 0; i--) {
        Held entry = held.poll();
        if (entry.releaseStep() <= step) {
          entry.lease().release(outcomes.getOrDefault(entry.lease().key(), Outcome.SUCCESS));
        } else {
          held.add(entry);
        }
      }
    }
    held.forEach(entry -> entry.lease().close());
    return picks;
  }

  private record Held(Lease lease, int releaseStep) {}
}
