package dev.fireworks4j.routers.picker;

/** Pearson's chi-squared statistic and its critical value at p = 0.001, for goodness-of-fit tests. */
final class ChiSquared {

  /** The standard normal quantile at 0.999. */
  private static final double Z_999 = 3.090232306167813;

  private ChiSquared() {}

  /** Returns the sum of (observed - expected)^2 / expected over all cells. */
  static double statistic(long[] observed, double[] expected) {
    double sum = 0;
    for (int i = 0; i < observed.length; i++) {
      double d = observed[i] - expected[i];
      sum += d * d / expected[i];
    }
    return sum;
  }

  /**
   * Returns the value a chi-squared variable with {@code df} degrees of freedom exceeds with probability
   * 0.001, by the Wilson–Hilferty approximation. It errs slightly high (3% at df = 1 to 3, under 1% from
   * df = 9 on), which only makes a test a little more lenient.
   */
  static double critical(int df) {
    double v = 2.0 / (9.0 * df);
    double cube = 1 - v + Z_999 * Math.sqrt(v);
    return df * cube * cube * cube;
  }

  /** Returns the expected cell counts for {@code n} draws with the given weights. */
  static double[] expected(long n, int... weights) {
    long total = 0;
    for (int w : weights) {
      total += w;
    }
    double[] expected = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      expected[i] = (double) n * weights[i] / total;
    }
    return expected;
  }
}
