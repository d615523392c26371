package dev.fireworks4j.routers.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StickyTest {

  private static final int KEYS = 100_000;
  private static final Map<String, Integer> REPLICAS = Map.of("a", 1, "b", 2, "c", 3, "d", 4);

  @Test
  void aKeyKeepsItsDeploymentAcrossPicksAndPickers() {
    ReplicaPicker first = ReplicaPicker.create();
    first.update(REPLICAS);
    ReplicaPicker second = ReplicaPicker.create();
    second.update(new HashMap<>(REPLICAS));

    for (String key : randomKeys(1000, 1)) {
      String deployment = first.pickFor(key).orElseThrow();
      assertThat(first.pickFor(key)).contains(deployment);
      assertThat(second.pickFor(key)).contains(deployment);
      try (Lease lease = first.acquireFor(key).orElseThrow()) {
        assertThat(lease.key()).isEqualTo(deployment);
      }
    }
  }

  @Test
  void keysSpreadInProportionToReplicas() {
    ReplicaPicker picker = ReplicaPicker.create();
    picker.update(REPLICAS);

    Map<String, String> mapping = mapping(picker, randomKeys(KEYS, 2));

    long[] counts = counts(mapping, List.of("a", "b", "c", "d"));
    assertThat(ChiSquared.statistic(counts, ChiSquared.expected(KEYS, 1, 2, 3, 4)))
        .isLessThan(ChiSquared.critical(3));
  }

  @Test
  void similarKeysSpreadToo() {
    ReplicaPicker picker = ReplicaPicker.create();
    picker.update(REPLICAS);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < KEYS; i++) {
      keys.add("user-" + i);
    }

    long[] counts = counts(mapping(picker, keys), List.of("a", "b", "c", "d"));

    assertThat(ChiSquared.statistic(counts, ChiSquared.expected(KEYS, 1, 2, 3, 4)))
        .isLessThan(ChiSquared.critical(3));
  }

  @Test
  void raisingOneDeploymentsReplicasMovesKeysOnlyToIt() {
    ReplicaPicker picker = ReplicaPicker.create();
    picker.update(REPLICAS);
    List<String> keys = randomKeys(KEYS, 3);
    Map<String, String> before = mapping(picker, keys);

    picker.update(Map.of("a", 3, "b", 2, "c", 3, "d", 4));
    Map<String, String> after = mapping(picker, keys);

    long moved = 0;
    for (String key : keys) {
      if (!before.get(key).equals(after.get(key))) {
        assertThat(after.get(key)).isEqualTo("a");
        moved++;
      }
    }
    // a's share goes from 1/10 to 3/12: the minimum that must move is 15% of the keys
    assertThat((double) moved / KEYS).isBetween(0.14, 0.16);
  }

  @Test
  void addingADeploymentMovesKeysOnlyToItAndRemovingItMovesThemBack() {
    ReplicaPicker picker = ReplicaPicker.create();
    picker.update(REPLICAS);
    List<String> keys = randomKeys(KEYS, 4);
    Map<String, String> before = mapping(picker, keys);

    Map<String, Integer> grown = new HashMap<>(REPLICAS);
    grown.put("e", 10);
    picker.update(grown);
    Map<String, String> after = mapping(picker, keys);
    long moved = keys.stream().filter(k -> !before.get(k).equals(after.get(k))).count();
    assertThat(keys).allSatisfy(k -> assertThat(after.get(k)).isIn(before.get(k), "e"));
    assertThat((double) moved / KEYS).isBetween(0.49, 0.51);

    picker.update(REPLICAS);
    assertThat(mapping(picker, keys)).isEqualTo(before);
  }

  @Test
  void aKeyGoesToItsNextChoiceWhenItsDeploymentIsExcludedOrEjected() {
    FakeClock clock = new FakeClock();
    ReplicaPicker picker = ReplicaPicker.create(PickerOptions.builder().nanoClock(clock).build());
    picker.update(REPLICAS);
    List<String> keys = randomKeys(10_000, 5);
    Map<String, String> before = mapping(picker, keys);

    for (String key : keys.subList(0, 200)) {
      String usual = before.get(key);
      String next = picker.acquireFor(key, Set.of(usual)).orElseThrow().key();
      assertThat(next).isNotEqualTo(usual);
      assertThat(picker.acquireFor(key, Set.of(usual)).orElseThrow().key()).isEqualTo(next);
    }
    assertThat(picker.acquireFor("k", Set.of("a", "b", "c", "d"))).isEmpty();

    fail(picker, "c", 5);
    assertThat(picker.stats().get("c").ejected()).isTrue();
    Map<String, String> during = mapping(picker, keys);
    for (String key : keys) {
      if (before.get(key).equals("c")) {
        assertThat(during.get(key)).isNotEqualTo("c");
      } else {
        assertThat(during.get(key)).isEqualTo(before.get(key));
      }
    }

    clock.advance(PickerOptions.defaults().baseEjectionTime());
    assertThat(mapping(picker, keys)).isEqualTo(before);
  }

  @Test
  void hashesAreWellSpread() {
    // neighbouring keys and targets must give unrelated variates: their mean is 1, like Exp(1)
    double sum = 0;
    for (int i = 0; i < KEYS; i++) {
      sum += Rendezvous.exponential(Rendezvous.hash("user-" + i), Rendezvous.hash("deployment-" + (i % 3)));
    }
    assertThat(sum / KEYS).isBetween(0.98, 1.02);
    assertThat(Rendezvous.hash("abcd")).isNotEqualTo(Rendezvous.hash("abce"));
    assertThat(Rendezvous.hash("")).isNotEqualTo(Rendezvous.hash("\0"));
  }

  @Test
  void logarithmBoundsNeverChangeTheWinner() {
    SplittableRandom random = new SplittableRandom(6);
    Map<String, Integer> replicas = new HashMap<>();
    for (int i = 0; i < 16; i++) {
      replicas.put("deployment-" + i, 1 + random.nextInt(8));
    }
    ReplicaPicker picker = ReplicaPicker.create();
    picker.update(replicas);

    for (String key : randomKeys(20_000, 7)) {
      // the plain definition: the highest replicas / -ln(u) over all deployments
      String expected = null;
      double bestScore = -1;
      for (Map.Entry<String, Integer> e : replicas.entrySet()) {
        double score = e.getValue()
            / Rendezvous.exponential(Rendezvous.hash(key), Rendezvous.hash(e.getKey()));
        if (score > bestScore) {
          bestScore = score;
          expected = e.getKey();
        }
      }
      assertThat(picker.pickFor(key)).contains(expected);
    }
  }

  static void fail(ReplicaPicker picker, String key, int times) {
    for (int i = 0; i < times; i++) {
      Set<String> others = new HashSet<>(picker.stats().keySet());
      others.remove(key);
      try (Lease lease = picker.acquire(PickStrategy.WEIGHTED_RANDOM, others).orElseThrow()) {
        assertThat(lease.key()).isEqualTo(key);
        lease.release(Outcome.FAILURE);
      }
    }
  }

  private static Map<String, String> mapping(ReplicaPicker picker, List<String> keys) {
    Map<String, String> mapping = new HashMap<>();
    for (String key : keys) {
      mapping.put(key, picker.pickFor(key).orElseThrow());
    }
    return mapping;
  }

  private static long[] counts(Map<String, String> mapping, List<String> deployments) {
    long[] counts = new long[deployments.size()];
    for (String deployment : mapping.values()) {
      counts[deployments.indexOf(deployment)]++;
    }
    return counts;
  }

  private static List<String> randomKeys(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> keys = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      keys.add(Long.toHexString(random.nextLong()));
    }
    return keys;
  }
}
