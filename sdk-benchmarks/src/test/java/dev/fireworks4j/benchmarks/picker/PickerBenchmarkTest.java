package dev.fireworks4j.benchmarks.picker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs each benchmark body once, without JMH, so that the benchmarks cannot rot. */
class PickerBenchmarkTest {

  @Test
  void everyBenchmarkPicksADeployment() {
    for (int deployments : new int[] {4, 16}) {
      PickerBenchmark benchmark = new PickerBenchmark();
      benchmark.deployments = deployments;
      benchmark.setUp();
      PickerBenchmark.AffinityKeys keys = new PickerBenchmark.AffinityKeys();

      assertThat(benchmark.weightedRandom()).isPresent();
      assertThat(benchmark.sticky(keys)).isPresent();
      assertThat(benchmark.evenLoad().isReleased()).isTrue();
    }
  }
}
