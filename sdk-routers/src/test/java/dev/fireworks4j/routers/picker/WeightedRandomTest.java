package dev.fireworks4j.routers.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightedRandomTest {

  private static final int PICKS = 1_000_000;

  @Test
  void picksFitTheReplicaCountsAndNeverTheZeroWeightDeployment() {
    ReplicaPicker picker = seeded(1);
    picker.update(Map.of("a", 1, "b", 2, "c", 3, "d", 4, "e", 10, "idle", 0));

    long[] counts = histogram(picker, List.of("a", "b", "c", "d", "e", "idle"), PICKS);

    assertThat(counts[5]).isZero();
    long[] weighted = {counts[0], counts[1], counts[2], counts[3], counts[4]};
    double chi2 = ChiSquared.statistic(weighted, ChiSquared.expected(PICKS, 1, 2, 3, 4, 10));
    assertThat(chi2).isLessThan(ChiSquared.critical(4));
  }

  @Test
  void consecutivePicksAreIndependent() {
    ReplicaPicker picker = seeded(2);
    picker.update(Map.of("a", 1, "b", 2, "c", 5));
    List<String> keys = List.of("a", "b", "c");
    int[] weights = {1, 2, 5};

    long[] pairs = new long[9];
    int previous = keys.indexOf(picker.pick().orElseThrow());
    for (int i = 0; i < PICKS; i++) {
      int next = keys.indexOf(picker.pick().orElseThrow());
      pairs[previous * 3 + next]++;
      previous = next;
    }

    // each (previous, next) cell against p(previous) * p(next)
    double[] expected = new double[9];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        expected[i * 3 + j] = PICKS * (weights[i] / 8.0) * (weights[j] / 8.0);
      }
    }
    assertThat(ChiSquared.statistic(pairs, expected)).isLessThan(ChiSquared.critical(8));
  }

  @Test
  void aSkewedSplitStillReachesTheSmallDeployment() {
    ReplicaPicker picker = seeded(3);
    picker.update(Map.of("small", 1, "large", 1000));

    long[] counts = histogram(picker, List.of("small", "large"), PICKS);

    assertThat(counts[0]).isPositive();
    double chi2 = ChiSquared.statistic(counts, ChiSquared.expected(PICKS, 1, 1000));
    assertThat(chi2).isLessThan(ChiSquared.critical(1));
  }

  @Test
  void manyDeploymentsUseTheBinarySearchAndStillFit() {
    ReplicaPicker picker = seeded(4);
    Map<String, Integer> replicas = new LinkedHashMap<>();
    int[] weights = new int[40];
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 1 + i % 7;
      String key = String.format("d%02d", i);
      keys.add(key);
      replicas.put(key, weights[i]);
    }
    picker.update(replicas);

    long[] counts = histogram(picker, keys, PICKS);

    double chi2 = ChiSquared.statistic(counts, ChiSquared.expected(PICKS, weights));
    assertThat(chi2).isLessThan(ChiSquared.critical(weights.length - 1));
  }

  @Test
  void aSingleDeploymentTakesEveryPick() {
    ReplicaPicker picker = seeded(5);
    picker.update(Map.of("only", 3));

    for (int i = 0; i < 1000; i++) {
      assertThat(picker.pick()).contains("only");
      assertThat(picker.acquire(PickStrategy.WEIGHTED_RANDOM).orElseThrow().key()).isEqualTo("only");
    }
  }

  @Test
  void noCapacityIsAnEmptyResultNotAnException() {
    ReplicaPicker picker = seeded(6);
    assertThat(picker.pick()).isEmpty();
    assertThat(picker.acquire(PickStrategy.WEIGHTED_RANDOM)).isEmpty();

    picker.update(Map.of("a", 0, "b", 0));

    assertThat(picker.pick()).isEmpty();
    assertThat(picker.pickFor("user-1")).isEmpty();
    assertThat(picker.acquire(PickStrategy.WEIGHTED_RANDOM)).isEmpty();
    assertThat(picker.acquire(PickStrategy.EVEN_LOAD)).isEmpty();
    assertThat(picker.acquireFor("user-1")).isEmpty();
    assertThat(picker.stats().values()).allSatisfy(s -> assertThat(s.requests()).isZero());
  }

  @Test
  void theSameSeedAndReplicasGiveTheSamePicksWhateverTheMapOrder() {
    Map<String, Integer> forward = new LinkedHashMap<>();
    forward.put("a", 1);
    forward.put("b", 2);
    forward.put("c", 3);
    Map<String, Integer> backward = new LinkedHashMap<>();
    backward.put("c", 3);
    backward.put("b", 2);
    backward.put("a", 1);
    ReplicaPicker first = seeded(7);
    first.update(forward);
    ReplicaPicker second = seeded(7);
    second.update(backward);

    for (int i = 0; i < 1000; i++) {
      assertThat(first.pick()).isEqualTo(second.pick());
    }
  }

  @Test
  void acquiredLeasesFollowTheSameSplit() {
    ReplicaPicker picker = seeded(8);
    picker.update(Map.of("a", 1, "b", 3));
    int n = 100_000;

    long[] counts = new long[2];
    for (int i = 0; i < n; i++) {
      try (Lease lease = picker.acquire(PickStrategy.WEIGHTED_RANDOM).orElseThrow()) {
        counts[lease.key().equals("a") ? 0 : 1]++;
      }
    }

    assertThat(ChiSquared.statistic(counts, ChiSquared.expected(n, 1, 3))).isLessThan(ChiSquared.critical(1));
    assertThat(picker.stats().get("a").requests()).isEqualTo(counts[0]);
    assertThat(picker.stats().get("b").requests()).isEqualTo(counts[1]);
  }

  static ReplicaPicker seeded(long seed) {
    return ReplicaPicker.create(PickerOptions.builder().random(RandomSource.seeded(seed)).build());
  }

  private static long[] histogram(ReplicaPicker picker, List<String> keys, int picks) {
    long[] counts = new long[keys.size()];
    for (int i = 0; i < picks; i++) {
      counts[keys.indexOf(picker.pick().orElseThrow())]++;
    }
    return counts;
  }
}
