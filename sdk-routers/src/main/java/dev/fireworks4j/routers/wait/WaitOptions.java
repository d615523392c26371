package dev.fireworks4j.routers.wait;

import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.retry.TimeSource;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * How long and how often a {@link Waiter} polls: a timeout, a first interval that grows by a multiplier up
 * to a maximum, and the time source (tests inject one that does not sleep).
 */
@Value.Immutable
public abstract class WaitOptions {
  WaitOptions() {}

  /** How long to wait in total before giving up (default 30 minutes). */
  @Value.Default
  public Duration timeout() {
    return Duration.ofMinutes(30);
  }

  /** The wait before the second poll (default 1 second). */
  @Value.Default
  public Duration initialInterval() {
    return Duration.ofSeconds(1);
  }

  /** The longest wait between two polls (default 15 seconds). */
  @Value.Default
  public Duration maxInterval() {
    return Duration.ofSeconds(15);
  }

  /** The factor each interval grows by (default 1.5; 1 polls at a fixed rate). */
  @Value.Default
  public double multiplier() {
    return 1.5;
  }

  /** The clock and sleeper (default the system's). */
  @Value.Default
  @Value.Auxiliary
  public TimeSource timeSource() {
    return TimeSource.SYSTEM;
  }

  /** The default options. */
  public static WaitOptions defaults() {
    return builder().build();
  }

  /** The default options with this timeout. */
  public static WaitOptions timeout(Duration timeout) {
    return builder().timeout(timeout).build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The interval after {@code interval}: multiplied, then capped at the maximum. */
  Duration next(Duration interval) {
    double nanos = interval.toNanos() * multiplier();
    long max = maxInterval().toNanos();
    return nanos >= max ? maxInterval() : Duration.ofNanos((long) nanos);
  }

  @Value.Check
  void check() {
    positive("timeout", timeout());
    positive("initialInterval", initialInterval());
    positive("maxInterval", maxInterval());
    if (maxInterval().compareTo(initialInterval()) < 0) {
      throw new ValidationException("maxInterval", "must not be shorter than initialInterval (" + initialInterval()
          + "), was " + maxInterval());
    }
    if (!(multiplier() >= 1.0) || Double.isInfinite(multiplier())) {
      throw new ValidationException("multiplier", "must be a finite number of 1 or more, was " + multiplier());
    }
  }

  private static void positive(String field, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new ValidationException(field, "must be a positive duration, was " + value);
    }
  }

  /** Builds {@link WaitOptions}. */
  public static final class Builder extends ImmutableWaitOptions.Builder {}
}
