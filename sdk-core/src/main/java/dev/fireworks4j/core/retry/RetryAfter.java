package dev.fireworks4j.core.retry;

import dev.fireworks4j.core.http.Headers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the server's requested wait: {@code retry-after-ms} (milliseconds) wins over {@code Retry-After}. */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * The wait the headers ask for, if any: {@code retry-after-ms} as (fractional) milliseconds, else
   * {@code Retry-After} as whole seconds or an HTTP-date measured against {@code clock}. Malformed or
   * negative values are ignored; a date in the past means no wait.
   */
  public static Optional<Duration> parse(Headers headers, Clock clock) {
    Optional<Duration> millis = headers.first("retry-after-ms").flatMap(RetryAfter::parseMillis);
    if (millis.isPresent()) {
      return millis;
    }
    return headers.first("retry-after").flatMap(value -> parseRetryAfter(value.strip(), clock));
  }

  private static Optional<Duration> parseMillis(String value) {
    try {
      double ms = Double.parseDouble(value.strip());
      if (!Double.isFinite(ms) || ms < 0) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofNanos((long) Math.min(ms * 1_000_000d, Long.MAX_VALUE)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> parseRetryAfter(String value, Clock clock) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
