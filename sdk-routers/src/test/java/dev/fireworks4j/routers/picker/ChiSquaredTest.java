package dev.fireworks4j.routers.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChiSquaredTest {

  @Test
  void criticalValuesMatchTablesAtPOneInAThousand() {
    // exact upper 0.001 quantiles of the chi-squared distribution
    assertThat(ChiSquared.critical(1)).isBetween(10.828, 10.828 * 1.035);
    assertThat(ChiSquared.critical(3)).isBetween(16.266, 16.266 * 1.02);
    assertThat(ChiSquared.critical(9)).isBetween(27.877, 27.877 * 1.01);
    assertThat(ChiSquared.critical(24)).isBetween(51.179, 51.179 * 1.005);
  }

  @Test
  void statisticIsZeroForAPerfectFitAndGrowsWithTheMisfit() {
    double[] expected = ChiSquared.expected(100, 1, 3);
    assertThat(ChiSquared.statistic(new long[] {25, 75}, expected)).isZero();
    assertThat(ChiSquared.statistic(new long[] {35, 65}, expected)).isCloseTo(100 / 25.0 + 100 / 75.0, within(1e-9));
  }
}
