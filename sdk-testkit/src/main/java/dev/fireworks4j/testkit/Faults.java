package dev.fireworks4j.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * Faults a simulated deployment injects into its inference traffic. Each request draws once from the emulator's
 * seeded random source: with probability {@link #errorRate()} it fails with {@link #errorStatus()}, with
 * probability {@link #dropRate()} its connection is dropped (before the response, or for a stream about 20 ms
 * after its {@link #streamFaultAfterChunks()}th chunk; a client may still lose chunks that were in flight), and with probability {@link #stallRate()} a stream goes silent
 * after {@link #streamFaultAfterChunks()} chunks for {@link #stallDuration()} and is then dropped. Every
 * request, failed or not, is delayed by {@link #addedLatency()} first. Immutable.
 */
public final class Faults {
  private static final Faults NONE = builder().build();

  private final double errorRate;
  private final int errorStatus;
  private final Duration addedLatency;
  private final double dropRate;
  private final double stallRate;
  private final int streamFaultAfterChunks;
  private final Duration stallDuration;

  private Faults(Builder b) {
    this.errorRate = b.errorRate;
    this.errorStatus = b.errorStatus;
    this.addedLatency = b.addedLatency;
    this.dropRate = b.dropRate;
    this.stallRate = b.stallRate;
    this.streamFaultAfterChunks = b.streamFaultAfterChunks;
    this.stallDuration = b.stallDuration;
  }

  /** No faults (the default). */
  public static Faults none() {
    return NONE;
  }

  /** A builder with no faults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every request fails with {@code status} (for example 500, 503 or 429). */
  public static Faults failing(int status) {
    return builder().errorRate(1).errorStatus(status).build();
  }

  /** A builder holding these faults. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.errorRate = errorRate;
    b.errorStatus = errorStatus;
    b.addedLatency = addedLatency;
    b.dropRate = dropRate;
    b.stallRate = stallRate;
    b.streamFaultAfterChunks = streamFaultAfterChunks;
    b.stallDuration = stallDuration;
    return b;
  }

  /** The share of requests answered with {@link #errorStatus()}, in {@code [0, 1]}. */
  public double errorRate() {
    return errorRate;
  }

  /** The HTTP status of injected errors, 400 to 599 (default 500). */
  public int errorStatus() {
    return errorStatus;
  }

  /** The delay added before every request is served (default zero). */
  public Duration addedLatency() {
    return addedLatency;
  }

  /** The share of requests whose connection is dropped, in {@code [0, 1]}. */
  public double dropRate() {
    return dropRate;
  }

  /** The share of streaming requests that stall, in {@code [0, 1]}. */
  public double stallRate() {
    return stallRate;
  }

  /** How many chunks a stream sends before it stalls or is dropped (default 1: the role chunk). */
  public int streamFaultAfterChunks() {
    return streamFaultAfterChunks;
  }

  /** How long a stalled stream stays silent before its connection is dropped (default 10 minutes). */
  public Duration stallDuration() {
    return stallDuration;
  }

  /** Whether any fault or added latency is configured. */
  public boolean isActive() {
    return errorRate > 0 || dropRate > 0 || stallRate > 0 || !addedLatency.isZero();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Faults)) {
      return false;
    }
    Faults o = (Faults) other;
    return errorRate == o.errorRate && errorStatus == o.errorStatus && addedLatency.equals(o.addedLatency)
        && dropRate == o.dropRate && stallRate == o.stallRate && streamFaultAfterChunks == o.streamFaultAfterChunks
        && stallDuration.equals(o.stallDuration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(errorRate, errorStatus, addedLatency, dropRate, stallRate, streamFaultAfterChunks,
        stallDuration);
  }

  @Override
  public String toString() {
    return "Faults{errorRate=" + errorRate + ", errorStatus=" + errorStatus + ", addedLatency=" + addedLatency
        + ", dropRate=" + dropRate + ", stallRate=" + stallRate + ", streamFaultAfterChunks="
        + streamFaultAfterChunks + ", stallDuration=" + stallDuration + "}";
  }

  /** Builds {@link Faults}; the three rates must add up to at most 1. */
  public static final class Builder {
    private double errorRate;
    private int errorStatus = 500;
    private Duration addedLatency = Duration.ZERO;
    private double dropRate;
    private double stallRate;
    private int streamFaultAfterChunks = 1;
    private Duration stallDuration = Duration.ofMinutes(10);

    private Builder() {}

    /** The share of requests that fail with the error status. */
    public Builder errorRate(double errorRate) {
      this.errorRate = rate("errorRate", errorRate);
      return this;
    }

    /** The HTTP status of injected errors, 400 to 599. */
    public Builder errorStatus(int errorStatus) {
      if (errorStatus < 400 || errorStatus > 599) {
        throw new IllegalArgumentException("errorStatus must be 400 to 599, was " + errorStatus);
      }
      this.errorStatus = errorStatus;
      return this;
    }

    /** The delay added before every request. */
    public Builder addedLatency(Duration addedLatency) {
      this.addedLatency = nonNegative("addedLatency", addedLatency);
      return this;
    }

    /** The share of requests whose connection is dropped. */
    public Builder dropRate(double dropRate) {
      this.dropRate = rate("dropRate", dropRate);
      return this;
    }

    /** The share of streams that stall. */
    public Builder stallRate(double stallRate) {
      this.stallRate = rate("stallRate", stallRate);
      return this;
    }

    /** How many chunks a faulty stream sends before it stalls or is dropped; at least 0. */
    public Builder streamFaultAfterChunks(int chunks) {
      if (chunks < 0) {
        throw new IllegalArgumentException("streamFaultAfterChunks must be >= 0, was " + chunks);
      }
      this.streamFaultAfterChunks = chunks;
      return this;
    }

    /** How long a stalled stream stays silent before it is dropped. */
    public Builder stallDuration(Duration stallDuration) {
      this.stallDuration = nonNegative("stallDuration", stallDuration);
      return this;
    }

    /** The faults. */
    public Faults build() {
      if (errorRate + dropRate + stallRate > 1.0 + 1e-9) {
        throw new IllegalArgumentException("errorRate + dropRate + stallRate must not exceed 1, was "
            + (errorRate + dropRate + stallRate));
      }
      return new Faults(this);
    }

    private static double rate(String name, double value) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
      }
      return value;
    }

    private static Duration nonNegative(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + value);
      }
      return value;
    }
  }
}
