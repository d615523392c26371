package dev.fireworks4j.routers.picker;

/**
 * Hashing behind weighted rendezvous (highest random weight) hashing: each (affinity key, deployment) pair
 * gets an independent exponential variate {@code E = -ln(u)}, and the deployment with the highest
 * {@code replicas / E} wins. That maximum falls on each deployment with probability proportional to its
 * replicas, and raising one deployment's replicas can only move keys to it.
 */
final class Rendezvous {

  private static final long SEED = 0x2545F4914F6CDD1DL;
  private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

  private Rendezvous() {}

  /** Returns a 64-bit hash of the string's characters, four at a time. */
  static long hash(String s) {
    int n = s.length();
    long h = mix(SEED + n);
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      long block = s.charAt(i)
          | (long) s.charAt(i + 1) << 16
          | (long) s.charAt(i + 2) << 32
          | (long) s.charAt(i + 3) << 48;
      h = Long.rotateLeft((h ^ block) * MULTIPLIER, 29);
    }
    long tail = 0;
    for (; i < n; i++) {
      tail = tail << 16 | s.charAt(i);
    }
    return mix((h ^ tail) * MULTIPLIER);
  }

  /** Returns the pair's uniform variate, strictly inside (0, 1). */
  static double uniform(long keyHash, long targetHash) {
    long bits = mix(keyHash ^ targetHash);
    // 52 bits plus one half: never 0 nor 1, so the logarithm is finite and negative
    return ((bits >>> 12) + 0.5) * 0x1.0p-52;
  }

  /** Returns the pair's exponential variate with mean 1: {@code -ln(u)}. */
  static double exponential(long keyHash, long targetHash) {
    return -Math.log(uniform(keyHash, targetHash));
  }

  /**
   * Returns a lower bound of {@code -ln(u)} without a logarithm: {@code 1 - u}, shrunk by a few ulps so that
   * it stays below the rounded logarithm too.
   */
  static double lowerBound(double u) {
    return (1 - u) * (1 - 0x1.0p-48);
  }

  /**
   * Returns an upper bound of {@code -ln(u)} without a logarithm: {@code (1 - u) / u}, grown by a few ulps so
   * that it stays above the rounded logarithm too.
   */
  static double upperBound(double u) {
    return (1 - u) / u * (1 + 0x1.0p-48);
  }

  /** A bijective 64-bit finaliser (Stafford's variant 13 of MurmurHash3's fmix64): every input bit avalanches. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
