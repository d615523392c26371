package dev.fireworks4j.core.retry;

import dev.fireworks4j.core.error.ValidationException;
import java.time.Duration;
import java.util.Objects;

/**
 * When and how long to wait before retrying: exponential backoff with full jitter (a random wait between
 * zero and {@code min(maxBackoff, initialBackoff × 2^retry)}), a server's {@code Retry-After} honoured up
 * to a ceiling, and a retry count. Defaults: 2 retries, 0.5 s initial, 8 s cap, 60 s ceiling.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULT = builder().build();
  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration retryAfterCeiling;

  private RetryPolicy(Builder b) {
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.retryAfterCeiling = b.retryAfterCeiling;
  }

  /** The default policy. */
  public static RetryPolicy defaults() {
    return DEFAULT;
  }

  /** A policy that never retries. */
  public static RetryPolicy none() {
    return builder().maxRetries(0).build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this policy. */
  public Builder toBuilder() {
    return new Builder().maxRetries(maxRetries).initialBackoff(initialBackoff).maxBackoff(maxBackoff)
        .retryAfterCeiling(retryAfterCeiling);
  }

  /** Retries after the first attempt. */
  public int maxRetries() {
    return maxRetries;
  }

  /** The backoff bound before the first retry. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The largest backoff bound. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The longest server-requested wait honoured; a longer one ends the retries. */
  public Duration retryAfterCeiling() {
    return retryAfterCeiling;
  }

  /** The backoff before retry number {@code retry} (from 1), given a uniform random {@code unit} in [0, 1). */
  public Duration backoff(int retry, double unit) {
    long initial = initialBackoff.toNanos();
    long cap = maxBackoff.toNanos();
    int shift = Math.min(retry - 1, 62);
    long bound = initial > (cap >> shift) ? cap : Math.min(cap, initial << shift);
    return Duration.ofNanos((long) (bound * unit));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff="
        + maxBackoff + ", retryAfterCeiling=" + retryAfterCeiling + "}";
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof RetryPolicy)) {
      return false;
    }
    RetryPolicy that = (RetryPolicy) other;
    return maxRetries == that.maxRetries && initialBackoff.equals(that.initialBackoff)
        && maxBackoff.equals(that.maxBackoff) && retryAfterCeiling.equals(that.retryAfterCeiling);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxRetries, initialBackoff, maxBackoff, retryAfterCeiling);
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxRetries = 2;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private Duration retryAfterCeiling = Duration.ofSeconds(60);

    private Builder() {}

    /** Retries after the first attempt (0 or more). */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new ValidationException("maxRetries", "must be 0 or more, was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /** The backoff bound before the first retry. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = nonNegative("initialBackoff", initialBackoff);
      return this;
    }

    /** The largest backoff bound. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = nonNegative("maxBackoff", maxBackoff);
      return this;
    }

    /** The longest {@code Retry-After} honoured; a server asking for more ends the retries. */
    public Builder retryAfterCeiling(Duration retryAfterCeiling) {
      this.retryAfterCeiling = nonNegative("retryAfterCeiling", retryAfterCeiling);
      return this;
    }

    /** The policy. */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new ValidationException("maxBackoff", maxBackoff + " is shorter than initialBackoff " + initialBackoff);
      }
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(String field, Duration value) {
      if (value == null || value.isNegative()) {
        throw new ValidationException(field, "must be zero or positive, was " + value);
      }
      return value;
    }
  }
}
