package dev.fireworks4j.benchmarks.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the picker's JMH table in smoke mode, so that the command PERFORMANCE.md gives cannot rot. */
class PickerCostSmokeTest {

  @Test
  void measuresEveryBenchmarkAtBothThreadCounts() throws Exception {
    List<PickerCost.Row> rows = PickerCost.measure(true);

    assertThat(rows).extracting(row -> row.benchmark() + "/" + row.deployments()).containsExactlyInAnyOrder(
        "evenLoad/4", "evenLoad/16", "sticky/4", "sticky/16", "weightedRandom/4", "weightedRandom/16");
    assertThat(rows).allSatisfy(row -> {
      assertThat(row.ns1()).isPositive().isLessThan(1e6);
      assertThat(row.ns2()).isPositive().isLessThan(1e6);
      assertThat(row.bytes()).isNotNaN().isNotNegative();
    });
  }
}
