package dev.fireworks4j.core.retry;

import dev.fireworks4j.core.error.ConnectionException;
import dev.fireworks4j.core.error.FireworksTimeoutException;
import dev.fireworks4j.core.http.ResponseHead;
import dev.fireworks4j.core.http.SdkHttpRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The retry decisions for one call: attempt count, deadline, and the wait before each retry. */
final class RetryState {
  private static final Logger LOG = LoggerFactory.getLogger("dev.fireworks4j.retry");
  private final SdkHttpRequest request;
  private final RetryPolicy policy;
  private final TimeSource time;
  private final DoubleSupplier random;
  private final int maxRetries;
  private final long deadline;
  private int attempt;

  RetryState(SdkHttpRequest request, RetryPolicy policy, TimeSource time, DoubleSupplier random) {
    this.request = request;
    this.policy = policy;
    this.time = time;
    this.random = random;
    this.maxRetries = request.maxRetries().orElse(policy.maxRetries());
    this.deadline = request.totalTimeout().map(total -> time.nanoTime() + total.toNanos()).orElse(Long.MAX_VALUE);
  }

  /** The request for the next attempt, its timeout cut to what is left of the deadline. */
  SdkHttpRequest nextAttempt() {
    attempt++;
    long remaining = remainingNanos();
    if (remaining <= 0) {
      throw deadlineExceeded(null);
    }
    SdkHttpRequest.Builder next = request.toBuilder().attempt(attempt);
    if (deadline != Long.MAX_VALUE) {
      Duration left = Duration.ofNanos(remaining);
      Duration perAttempt = request.attemptTimeout().orElse(left);
      next.attemptTimeout(perAttempt.compareTo(left) < 0 ? perAttempt : left);
    }
    return next.build();
  }

  /** The wait before retrying after {@code response}, or {@code null} to hand it to the caller. */
  Duration waitAfterResponse(ResponseHead response) {
    if (response.isSuccess() || attempt > maxRetries) {
      return null;
    }
    Optional<String> shouldRetry = response.headers().first("x-should-retry");
    boolean retry;
    if (shouldRetry.isPresent() && shouldRetry.get().equalsIgnoreCase("false")) {
      retry = false;
    } else if (shouldRetry.isPresent() && shouldRetry.get().equalsIgnoreCase("true")) {
      retry = true;
    } else {
      int status = response.status();
      boolean transientStatus = status == 408 || status == 429 || status >= 500 && status != 501;
      retry = transientStatus && (request.idempotent() || status == 429);
    }
    if (!retry) {
      return null;
    }
    Optional<Duration> asked = RetryAfter.parse(response.headers(), time.clock());
    if (asked.isPresent() && asked.get().compareTo(policy.retryAfterCeiling()) > 0) {
      LOG.debug("not retrying {}: server asked to wait {}, beyond the ceiling {}", request, asked.get(),
          policy.retryAfterCeiling());
      return null;
    }
    return scheduled(asked.orElseGet(this::backoff), "status " + response.status());
  }

  /** The wait before retrying after {@code failure}, or {@code null} when it must be thrown. */
  Duration waitAfterFailure(RuntimeException failure) {
    if (attempt > maxRetries) {
      return null;
    }
    boolean retry;
    if (failure instanceof ConnectionException) {
      retry = request.idempotent() || !((ConnectionException) failure).mayHaveReachedServer();
    } else {
      retry = failure instanceof FireworksTimeoutException && request.idempotent();
    }
    return retry ? scheduled(backoff(), failure.getClass().getSimpleName()) : null;
  }

  /** The exception to throw once no retry is left for {@code failure}. */
  RuntimeException finalFailure(RuntimeException failure) {
    if (failure instanceof FireworksTimeoutException && remainingNanos() <= 0) {
      return deadlineExceeded(failure);
    }
    if (failure instanceof ConnectionException && !request.idempotent()
        && ((ConnectionException) failure).mayHaveReachedServer()) {
      return new ConnectionException(failure.getMessage() + "; not retried: the request is not idempotent"
          + " and may have reached the server", true, failure);
    }
    return failure;
  }

  private Duration scheduled(Duration wait, String reason) {
    if (time.nanoTime() + wait.toNanos() >= deadline) {
      return null;
    }
    LOG.debug("retrying {} in {} ms after {} (retry {} of {})", request, wait.toMillis(), reason, attempt,
        maxRetries);
    return wait;
  }

  private Duration backoff() {
    return policy.backoff(attempt, random.getAsDouble());
  }

  private long remainingNanos() {
    return deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - time.nanoTime();
  }

  private FireworksTimeoutException deadlineExceeded(Throwable cause) {
    return new FireworksTimeoutException(request + ": total timeout of " + request.totalTimeout().orElseThrow()
        + " exceeded after " + (cause == null ? attempt - 1 : attempt) + " attempt(s)", cause);
  }
}
