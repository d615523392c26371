package dev.fireworks4j.routers.picker;

/** An immutable value recorded at an instant, read as decayed exponentially since then. */
final class DecayingValue {

  private final double value;
  private final long atNanos;

  DecayingValue(double value, long atNanos) {
    this.value = value;
    this.atNanos = atNanos;
  }

  /**
   * Returns the value decayed to {@code nowNanos}; a reading older than the record (another thread's clock
   * read raced ahead) sees the value undecayed.
   */
  double valueAt(long nowNanos, double decayPerNano) {
    long age = nowNanos - atNanos;
    return age <= 0 ? value : value * Math.exp(-decayPerNano * age);
  }
}
