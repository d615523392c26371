package dev.fireworks4j.core.retry;

import dev.fireworks4j.core.error.ConnectionException;
import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.http.ForwardingTransport;
import dev.fireworks4j.core.http.HttpTransport;
import dev.fireworks4j.core.http.ResponseHead;
import dev.fireworks4j.core.http.SdkHttpRequest;
import dev.fireworks4j.core.http.SdkHttpResponse;
import dev.fireworks4j.core.http.StreamingHttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.time.Duration;

/**
 * Retries failed attempts under a {@link RetryPolicy}: connection failures, 408, 429 and 5xx (not 501),
 * {@code x-should-retry} overriding either way, waits from {@code Retry-After} or backoff with full jitter,
 * and a total deadline across attempts. A request that is not idempotent is repeated only when the
 * server cannot have acted on it (connection refused, 429, or the server says {@code x-should-retry: true}).
 * A streamed response is retried only before it is handed to the caller.
 */
public final class RetryingTransport extends ForwardingTransport {
  private final RetryPolicy policy;
  private final TimeSource time;
  private final DoubleSupplier random;

  /** Wraps {@code next} with the real clock and random jitter. */
  public RetryingTransport(HttpTransport next, RetryPolicy policy) {
    this(next, policy, TimeSource.SYSTEM, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Wraps {@code next} with an injected time source and jitter source (uniform in [0, 1)). */
  public RetryingTransport(HttpTransport next, RetryPolicy policy, TimeSource time, DoubleSupplier random) {
    super(next);
    this.policy = policy;
    this.time = time;
    this.random = random;
  }

  @Override
  public SdkHttpResponse execute(SdkHttpRequest request) {
    return runSync(new RetryState(request, policy, time, random), next()::execute, response -> { });
  }

  @Override
  public StreamingHttpResponse stream(SdkHttpRequest request) {
    return runSync(new RetryState(request, policy, time, random), next()::stream, StreamingHttpResponse::close);
  }

  @Override
  public CompletableFuture<SdkHttpResponse> executeAsync(SdkHttpRequest request) {
    return runAsync(new RetryState(request, policy, time, random), next()::executeAsync, response -> { });
  }

  @Override
  public CompletableFuture<StreamingHttpResponse> streamAsync(SdkHttpRequest request) {
    return runAsync(new RetryState(request, policy, time, random), next()::streamAsync, StreamingHttpResponse::close);
  }

  private <R extends ResponseHead> R runSync(
      RetryState state, Function<SdkHttpRequest, R> call, Consumer<R> discard) {
    while (true) {
      SdkHttpRequest attempt = state.nextAttempt();
      R response;
      try {
        response = call.apply(attempt);
      } catch (RuntimeException failure) {
        Duration wait = state.waitAfterFailure(failure);
        if (wait == null) {
          throw state.finalFailure(failure);
        }
        sleep(wait, attempt);
        continue;
      }
      Duration wait = state.waitAfterResponse(response);
      if (wait == null) {
        return response;
      }
      discard.accept(response);
      sleep(wait, attempt);
    }
  }

  private <R extends ResponseHead> CompletableFuture<R> runAsync(
      RetryState state, Function<SdkHttpRequest, CompletableFuture<R>> call, Consumer<R> discard) {
    CompletableFuture<R> future;
    try {
      future = call.apply(state.nextAttempt());
    } catch (RuntimeException failure) {
      future = CompletableFuture.failedFuture(failure);
    }
    return future.handle((response, thrown) -> {
      if (thrown != null) {
        RuntimeException failure = unwrap(thrown);
        Duration wait = state.waitAfterFailure(failure);
        if (wait == null) {
          return CompletableFuture.<R>failedFuture(state.finalFailure(failure));
        }
        return time.delay(wait).thenCompose(ignored -> runAsync(state, call, discard));
      }
      Duration wait = state.waitAfterResponse(response);
      if (wait == null) {
        return CompletableFuture.completedFuture(response);
      }
      discard.accept(response);
      return time.delay(wait).thenCompose(ignored -> runAsync(state, call, discard));
    }).thenCompose(Function.identity());
  }

  private void sleep(Duration wait, SdkHttpRequest attempt) {
    try {
      time.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FireworksException(attempt + ": interrupted while waiting to retry", e);
    }
  }

  private static RuntimeException unwrap(Throwable thrown) {
    Throwable cause = thrown;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof RuntimeException
        ? (RuntimeException) cause
        : new ConnectionException(cause.toString(), true, cause);
  }
}
