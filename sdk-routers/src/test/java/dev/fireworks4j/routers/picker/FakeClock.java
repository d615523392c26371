package dev.fireworks4j.routers.picker;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A nanosecond clock that moves only when told, starting far from zero to catch overflow mistakes. */
final class FakeClock implements LongSupplier {

  private volatile long nanos = Long.MAX_VALUE - Duration.ofDays(1).toNanos();

  @Override
  public long getAsLong() {
    return nanos;
  }

  void advance(Duration d) {
    nanos += d.toNanos();
  }
}
