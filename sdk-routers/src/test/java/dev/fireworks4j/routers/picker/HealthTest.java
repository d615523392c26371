package dev.fireworks4j.routers.picker;

import static dev.fireworks4j.routers.picker.StickyTest.fail;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthTest {

  private static final Duration BASE = Duration.ofSeconds(30);

  private final FakeClock clock = new FakeClock();
  private final ReplicaPicker picker = ReplicaPicker.create(
      PickerOptions.builder().random(RandomSource.seeded(7)).nanoClock(clock).build());

  @Test
  void fiveConsecutiveFailuresEjectAndASuccessResetsTheRun() {
    picker.update(Map.of("a", 1, "b", 1));

    fail(picker, "a", 4);
    succeed("a");
    fail(picker, "a", 4);
    assertThat(picker.stats().get("a").ejected()).isFalse();

    fail(picker, "a", 1);
    assertThat(picker.stats().get("a").ejected()).isTrue();
    assertThat(picker.stats().get("a").failures()).isEqualTo(9);
    assertThat(keysPicked(1000)).containsOnly("b");
  }

  @Test
  void anEjectedDeploymentReturnsAfterAnIntervalThatGrowsWithRepeatedEjections() {
    picker.update(Map.of("a", 1, "b", 1));

    fail(picker, "a", 5);
    clock.advance(BASE.minusMillis(1));
    assertThat(keysPicked(200)).containsOnly("b");
    clock.advance(Duration.ofMillis(1));
    assertThat(keysPicked(200)).containsOnly("a", "b");
    assertThat(picker.stats().get("a").ejected()).isFalse();

    // ejected again right away: twice the base time
    fail(picker, "a", 5);
    clock.advance(BASE.multipliedBy(2).minusMillis(1));
    assertThat(keysPicked(200)).containsOnly("b");
    clock.advance(Duration.ofMillis(1));
    assertThat(keysPicked(200)).containsOnly("a", "b");
  }

  @Test
  void ejectionTimeIsCappedAndDecaysWhileHealthy() {
    picker.update(Map.of("a", 1, "b", 1));

    for (int i = 1; i <= 12; i++) {
      fail(picker, "a", 5);
      Duration expected = BASE.multipliedBy(Math.min(i, 10));
      clock.advance(expected.minusMillis(1));
      assertThat(picker.stats().get("a").ejected()).as("ejection %d", i).isTrue();
      clock.advance(Duration.ofMillis(1));
      assertThat(picker.stats().get("a").ejected()).as("ejection %d", i).isFalse();
    }

    // healthy for five base periods: the multiplier drops from 10 to 5, then this ejection makes it 6
    clock.advance(BASE.multipliedBy(5));
    fail(picker, "a", 5);
    clock.advance(BASE.multipliedBy(6).minusMillis(1));
    assertThat(picker.stats().get("a").ejected()).isTrue();
    clock.advance(Duration.ofMillis(1));
    assertThat(picker.stats().get("a").ejected()).isFalse();
  }

  @Test
  void atMostHalfOfTheDeploymentsAreEjected() {
    picker.update(Map.of("a", 1, "b", 1, "c", 1, "d", 1));

    fail(picker, "a", 5);
    fail(picker, "b", 5);
    fail(picker, "c", 10);

    assertThat(picker.stats().get("a").ejected()).isTrue();
    assertThat(picker.stats().get("b").ejected()).isTrue();
    assertThat(picker.stats().get("c").ejected()).isFalse();
    assertThat(keysPicked(1000)).containsOnly("c", "d");

    // once a slot frees up, the next failure of the still-failing deployment ejects it
    clock.advance(BASE);
    fail(picker, "c", 1);
    assertThat(picker.stats().get("c").ejected()).isTrue();
  }

  @Test
  void panicModeIgnoresHealthWhenTooLittleCapacityIsHealthy() {
    picker.update(Map.of("small", 1, "large", 4));

    fail(picker, "large", 5);

    // 1 of 5 replicas healthy is under the 50% threshold: route over everything rather than overload "small"
    assertThat(picker.stats().get("large").ejected()).isTrue();
    assertThat(keysPicked(1000)).containsOnly("small", "large");
  }

  @Test
  void overloadsDoNotEject() {
    picker.update(Map.of("a", 1, "b", 1));

    for (int i = 0; i < 20; i++) {
      try (Lease lease = picker.acquire(PickStrategy.WEIGHTED_RANDOM, Set.of("b")).orElseThrow()) {
        lease.release(Outcome.OVERLOADED);
      }
    }

    assertThat(picker.stats().get("a").ejected()).isFalse();
    assertThat(picker.stats().get("a").overloads()).isEqualTo(20);
    assertThat(picker.stats().get("a").failures()).isZero();
  }

  @Test
  void aRetryAvoidsTheExcludedDeployments() {
    picker.update(Map.of("a", 1, "b", 2, "c", 3));

    for (int i = 0; i < 1000; i++) {
      for (PickStrategy strategy : PickStrategy.values()) {
        try (Lease lease = picker.acquire(strategy, Set.of("c")).orElseThrow()) {
          assertThat(lease.key()).isIn("a", "b");
        }
        try (Lease lease = picker.acquire(strategy, Set.of("a", "c")).orElseThrow()) {
          assertThat(lease.key()).isEqualTo("b");
        }
      }
    }
    assertThat(picker.acquire(PickStrategy.EVEN_LOAD, Set.of("a", "b", "c"))).isEmpty();
    assertThat(picker.acquire(PickStrategy.WEIGHTED_RANDOM, Set.of("a", "b", "c", "unknown"))).isEmpty();
  }

  @Test
  void aRetryFallsBackToAnEjectedDeploymentWhenEveryHealthyOneIsExcluded() {
    picker.update(Map.of("a", 1, "b", 1));
    fail(picker, "a", 5);

    try (Lease lease = picker.acquire(PickStrategy.EVEN_LOAD, Set.of("b")).orElseThrow()) {
      assertThat(lease.key()).isEqualTo("a");
    }
  }

  @Test
  void ejectionCanBeDisabled() {
    ReplicaPicker lenient = ReplicaPicker.create(PickerOptions.builder().maxEjectedFraction(0).build());
    lenient.update(Map.of("a", 1, "b", 1));

    fail(lenient, "a", 50);

    assertThat(lenient.stats().get("a").ejected()).isFalse();
  }

  @Test
  void failuresOfARemovedDeploymentAreHarmless() {
    picker.update(Map.of("a", 1, "b", 1));
    Lease onA = picker.acquire(PickStrategy.WEIGHTED_RANDOM, Set.of("b")).orElseThrow();
    fail(picker, "a", 4);

    picker.update(Map.of("b", 1));
    assertThat(onA.release(Outcome.FAILURE)).isTrue();

    assertThat(picker.stats()).containsOnlyKeys("b");
    assertThat(picker.stats().get("b").ejected()).isFalse();
  }

  private void succeed(String key) {
    Set<String> others = new HashSet<>(picker.stats().keySet());
    others.remove(key);
    try (Lease lease = picker.acquire(PickStrategy.EVEN_LOAD, others).orElseThrow()) {
      lease.release(Outcome.SUCCESS);
    }
  }

  private Set<String> keysPicked(int picks) {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < picks; i++) {
      keys.add(picker.pick().orElseThrow());
      try (Lease lease = picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow()) {
        keys.add(lease.key());
      }
    }
    return keys;
  }
}
