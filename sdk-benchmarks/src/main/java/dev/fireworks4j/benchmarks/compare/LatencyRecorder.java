package dev.fireworks4j.benchmarks.compare;

import java.util.Arrays;

/** Latencies of one measurement, recorded without allocation up to a fixed capacity, then sorted for percentiles. */
public final class LatencyRecorder {
  private final long[] nanos;
  private int count;

  /** A recorder for up to {@code capacity} latencies; later ones are dropped. */
  public LatencyRecorder(int capacity) {
    this.nanos = new long[capacity];
  }

  /** Records one latency. */
  public void record(long latencyNanos) {
    if (count < nanos.length) {
      nanos[count++] = latencyNanos;
    }
  }

  /** Every latency of {@code recorders}, sorted. */
  public static long[] merged(LatencyRecorder... recorders) {
    int total = 0;
    for (LatencyRecorder r : recorders) {
      total += r.count;
    }
    long[] all = new long[total];
    int at = 0;
    for (LatencyRecorder r : recorders) {
      System.arraycopy(r.nanos, 0, all, at, r.count);
      at += r.count;
    }
    Arrays.sort(all);
    return all;
  }

  /** The {@code percentile} (0 to 100) of {@code sorted} in microseconds, NaN when it is empty. */
  public static double percentileMicros(long[] sorted, double percentile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1_000.0;
  }
}
