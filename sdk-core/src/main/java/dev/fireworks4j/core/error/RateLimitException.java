package dev.fireworks4j.core.error;

import dev.fireworks4j.core.http.Headers;
import dev.fireworks4j.core.retry.RetryAfter;
import java.time.Duration;
import java.util.Optional;

/** 429: rate limited, or the deployment's capacity is saturated; {@link #retryAfter()} says when to retry. */
public class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from the response status, headers and parsed body. */
  public RateLimitException(int status, Headers headers, ErrorBody body) {
    super(status, headers, body);
  }

  /** The wait the server asked for ({@code retry-after-ms} or {@code Retry-After}), if any. */
  public Optional<Duration> retryAfter() {
    return RetryAfter.parse(headers(), java.time.Clock.systemUTC());
  }
}
