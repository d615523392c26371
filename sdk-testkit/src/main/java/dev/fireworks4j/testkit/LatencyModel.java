package dev.fireworks4j.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a simulated replica takes to answer: a time to first token, then a time per generated token. A
 * non-streaming response arrives after {@code timeToFirstToken + perToken × completion tokens}; a stream sends
 * its first content chunk after {@code timeToFirstToken} and each further token {@code perToken} later.
 *
 * @param timeToFirstToken the delay before the first token, not negative
 * @param perToken the delay between two tokens, not negative
 */
public record LatencyModel(Duration timeToFirstToken, Duration perToken) {
  private static final LatencyModel NONE = new LatencyModel(Duration.ZERO, Duration.ZERO);

  /** Validates the durations. */
  public LatencyModel {
    Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
    Objects.requireNonNull(perToken, "perToken");
    if (timeToFirstToken.isNegative() || perToken.isNegative()) {
      throw new IllegalArgumentException("latencies must not be negative: " + timeToFirstToken + ", " + perToken);
    }
  }

  /** No simulated latency: answers as fast as the machine allows (the default). */
  public static LatencyModel none() {
    return NONE;
  }

  /** A latency model with these two delays. */
  public static LatencyModel of(Duration timeToFirstToken, Duration perToken) {
    return new LatencyModel(timeToFirstToken, perToken);
  }

  /** The whole generation time of {@code tokens} tokens: time to first token plus the per-token time of each. */
  public Duration generationTime(int tokens) {
    return timeToFirstToken.plus(perToken.multipliedBy(Math.max(0, tokens)));
  }
}
