package dev.fireworks4j.routers.picker;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/** Immutable tuning of a {@link ReplicaPicker}; every setting has a default suited to inference traffic. */
public final class PickerOptions {

  /** Longest duration setting: what fits in a {@code long} of nanoseconds. */
  private static final Duration MAX_DURATION = Duration.ofNanos(Long.MAX_VALUE);

  private static final PickerOptions DEFAULTS = builder().build();

  private final RandomSource random;
  private final LongSupplier nanoClock;
  private final int fullScanLimit;
  private final int failuresToEject;
  private final Duration baseEjectionTime;
  private final Duration maxEjectionTime;
  private final double maxEjectedFraction;
  private final double panicThreshold;
  private final double failurePenalty;
  private final Duration failurePenaltyHalfLife;
  private final Duration serverLoadMaxAge;

  private PickerOptions(Builder b) {
    this.random = b.random;
    this.nanoClock = b.nanoClock;
    this.fullScanLimit = b.fullScanLimit;
    this.failuresToEject = b.failuresToEject;
    this.baseEjectionTime = b.baseEjectionTime;
    this.maxEjectionTime = b.maxEjectionTime;
    this.maxEjectedFraction = b.maxEjectedFraction;
    this.panicThreshold = b.panicThreshold;
    this.failurePenalty = b.failurePenalty;
    this.failurePenaltyHalfLife = b.failurePenaltyHalfLife;
    this.serverLoadMaxAge = b.serverLoadMaxAge;
  }

  /**
   * Returns the default options.
   *
   * @return the defaults
   */
  public static PickerOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder initialised with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder initialised with these options.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns the source of every random draw; default {@link RandomSource#threadLocal()}.
   *
   * @return the random source
   */
  public RandomSource random() {
    return random;
  }

  /**
   * Returns the monotonic clock, in nanoseconds, behind ejection times and decaying signals; default
   * {@link System#nanoTime()}.
   *
   * @return the clock
   */
  public LongSupplier nanoClock() {
    return nanoClock;
  }

  /**
   * Returns the largest number of eligible deployments for which an even-load pick compares all of them;
   * above it, it compares two distinct weighted-random candidates. Default 8.
   *
   * @return the full-scan limit
   */
  public int fullScanLimit() {
    return fullScanLimit;
  }

  /**
   * Returns the number of consecutive failures that ejects a deployment; default 5.
   *
   * @return the failure threshold
   */
  public int failuresToEject() {
    return failuresToEject;
  }

  /**
   * Returns the first ejection's length; later ejections last this times the number of recent ejections.
   * Default 30 s.
   *
   * @return the base ejection time
   */
  public Duration baseEjectionTime() {
    return baseEjectionTime;
  }

  /**
   * Returns the longest an ejection can last; default 300 s.
   *
   * @return the maximum ejection time
   */
  public Duration maxEjectionTime() {
    return maxEjectionTime;
  }

  /**
   * Returns the largest fraction of weighted deployments that can be ejected at once (at least one when
   * positive; zero disables ejection). Default 0.5.
   *
   * @return the maximum ejected fraction
   */
  public double maxEjectedFraction() {
    return maxEjectedFraction;
  }

  /**
   * Returns the healthy share of total replicas below which the picker ignores health and picks among all
   * deployments (panic mode). Default 0.5.
   *
   * @return the panic threshold
   */
  public double panicThreshold() {
    return panicThreshold;
  }

  /**
   * Returns the extra load, in requests in flight, that one failure or overload adds to its deployment for
   * even-load picks; zero disables the penalty. Default 1.
   *
   * @return the failure penalty
   */
  public double failurePenalty() {
    return failurePenalty;
  }

  /**
   * Returns the half-life of the failure penalty; default 2 s.
   *
   * @return the penalty half-life
   */
  public Duration failurePenaltyHalfLife() {
    return failurePenaltyHalfLife;
  }

  /**
   * Returns how long a server-reported load is used after it arrives; default 1 s.
   *
   * @return the server load's maximum age
   */
  public Duration serverLoadMaxAge() {
    return serverLoadMaxAge;
  }

  @Override
  public String toString() {
    return "PickerOptions{fullScanLimit=" + fullScanLimit + ", failuresToEject=" + failuresToEject
        + ", baseEjectionTime=" + baseEjectionTime + ", maxEjectionTime=" + maxEjectionTime
        + ", maxEjectedFraction=" + maxEjectedFraction + ", panicThreshold=" + panicThreshold
        + ", failurePenalty=" + failurePenalty + ", failurePenaltyHalfLife=" + failurePenaltyHalfLife
        + ", serverLoadMaxAge=" + serverLoadMaxAge + '}';
  }

  /** Mutable builder of {@link PickerOptions}; each setter validates its argument. */
  public static final class Builder {
    private RandomSource random = RandomSource.threadLocal();
    private LongSupplier nanoClock = System::nanoTime;
    private int fullScanLimit = 8;
    private int failuresToEject = 5;
    private Duration baseEjectionTime = Duration.ofSeconds(30);
    private Duration maxEjectionTime = Duration.ofSeconds(300);
    private double maxEjectedFraction = 0.5;
    private double panicThreshold = 0.5;
    private double failurePenalty = 1.0;
    private Duration failurePenaltyHalfLife = Duration.ofSeconds(2);
    private Duration serverLoadMaxAge = Duration.ofSeconds(1);

    private Builder() {}

    private Builder(PickerOptions o) {
      random = o.random;
      nanoClock = o.nanoClock;
      fullScanLimit = o.fullScanLimit;
      failuresToEject = o.failuresToEject;
      baseEjectionTime = o.baseEjectionTime;
      maxEjectionTime = o.maxEjectionTime;
      maxEjectedFraction = o.maxEjectedFraction;
      panicThreshold = o.panicThreshold;
      failurePenalty = o.failurePenalty;
      failurePenaltyHalfLife = o.failurePenaltyHalfLife;
      serverLoadMaxAge = o.serverLoadMaxAge;
    }

    /**
     * Sets the source of random draws.
     *
     * @param random the source
     * @return this builder
     */
    public Builder random(RandomSource random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Sets the monotonic nanosecond clock.
     *
     * @param nanoClock the clock
     * @return this builder
     */
    public Builder nanoClock(LongSupplier nanoClock) {
      this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
      return this;
    }

    /**
     * Sets the largest number of deployments an even-load pick compares in full.
     *
     * @param fullScanLimit at least 1
     * @return this builder
     */
    public Builder fullScanLimit(int fullScanLimit) {
      this.fullScanLimit = atLeast(1, fullScanLimit, "fullScanLimit");
      return this;
    }

    /**
     * Sets the number of consecutive failures that ejects a deployment.
     *
     * @param failuresToEject at least 1
     * @return this builder
     */
    public Builder failuresToEject(int failuresToEject) {
      this.failuresToEject = atLeast(1, failuresToEject, "failuresToEject");
      return this;
    }

    /**
     * Sets the first ejection's length.
     *
     * @param baseEjectionTime positive
     * @return this builder
     */
    public Builder baseEjectionTime(Duration baseEjectionTime) {
      this.baseEjectionTime = positive(baseEjectionTime, "baseEjectionTime");
      return this;
    }

    /**
     * Sets the longest an ejection can last.
     *
     * @param maxEjectionTime positive
     * @return this builder
     */
    public Builder maxEjectionTime(Duration maxEjectionTime) {
      this.maxEjectionTime = positive(maxEjectionTime, "maxEjectionTime");
      return this;
    }

    /**
     * Sets the largest fraction of weighted deployments that can be ejected at once.
     *
     * @param maxEjectedFraction in {@code [0, 1]}
     * @return this builder
     */
    public Builder maxEjectedFraction(double maxEjectedFraction) {
      this.maxEjectedFraction = fraction(maxEjectedFraction, "maxEjectedFraction");
      return this;
    }

    /**
     * Sets the healthy share of replicas below which health is ignored.
     *
     * @param panicThreshold in {@code [0, 1]}
     * @return this builder
     */
    public Builder panicThreshold(double panicThreshold) {
      this.panicThreshold = fraction(panicThreshold, "panicThreshold");
      return this;
    }

    /**
     * Sets the extra load, in requests in flight, added by one failure or overload.
     *
     * @param failurePenalty finite and at least 0
     * @return this builder
     */
    public Builder failurePenalty(double failurePenalty) {
      if (!(failurePenalty >= 0) || Double.isInfinite(failurePenalty)) {
        throw new IllegalArgumentException("failurePenalty must be finite and >= 0, was " + failurePenalty);
      }
      this.failurePenalty = failurePenalty;
      return this;
    }

    /**
     * Sets the half-life of the failure penalty.
     *
     * @param halfLife positive
     * @return this builder
     */
    public Builder failurePenaltyHalfLife(Duration halfLife) {
      this.failurePenaltyHalfLife = positive(halfLife, "failurePenaltyHalfLife");
      return this;
    }

    /**
     * Sets how long a server-reported load is used after it arrives.
     *
     * @param maxAge positive
     * @return this builder
     */
    public Builder serverLoadMaxAge(Duration maxAge) {
      this.serverLoadMaxAge = positive(maxAge, "serverLoadMaxAge");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException if the maximum ejection time is shorter than the base
     */
    public PickerOptions build() {
      if (maxEjectionTime.compareTo(baseEjectionTime) < 0) {
        throw new IllegalArgumentException("maxEjectionTime " + maxEjectionTime
            + " must not be shorter than baseEjectionTime " + baseEjectionTime);
      }
      return new PickerOptions(this);
    }

    private static int atLeast(int min, int value, String name) {
      if (value < min) {
        throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
      }
      return value;
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero() || value.compareTo(MAX_DURATION) > 0) {
        throw new IllegalArgumentException(name + " must be positive and at most " + MAX_DURATION
            + ", was " + value);
      }
      return value;
    }

    private static double fraction(double value, String name) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
      }
      return value;
    }
  }
}
