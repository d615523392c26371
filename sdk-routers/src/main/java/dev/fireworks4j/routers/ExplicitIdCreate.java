package dev.fireworks4j.routers;

import dev.fireworks4j.core.RequestOptions;
import dev.fireworks4j.core.error.ApiException;
import dev.fireworks4j.core.error.ConflictException;
import dev.fireworks4j.core.error.ConnectionException;
import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.error.FireworksTimeoutException;
import dev.fireworks4j.core.http.ApiResponse;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.core.internal.ApiRequest;
import dev.fireworks4j.core.retry.RetryAfter;
import dev.fireworks4j.core.retry.RetryPolicy;
import dev.fireworks4j.core.retry.TimeSource;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A create with a caller-chosen id, which is safe to repeat: the first attempt is sent alone; if it failed
 * in a way worth retrying, the create is sent again with the remaining retries, and a 409 that follows a
 * first attempt which may have reached the server means that attempt created the resource, so the
 * resource is fetched and returned. A 409 on the first attempt is a real conflict and is thrown.
 *
 * <p>The total timeout (the call's, else the client's) bounds both phases together: the second phase gets
 * what the first left, and is not started when nothing is left.
 */
final class ExplicitIdCreate<T> {
  private static final Logger LOG = LoggerFactory.getLogger("dev.fireworks4j.retry");
  private final ApiInvoker invoker;
  private final RequestOptions options;
  private final Function<RequestOptions, ApiRequest> create;
  private final Class<T> type;

  /** {@code create} builds the request under the options it is given. */
  ExplicitIdCreate(ApiInvoker invoker, RequestOptions options, Function<RequestOptions, ApiRequest> create,
      Class<T> type) {
    this.invoker = invoker;
    this.options = options;
    this.create = create;
    this.type = type;
  }

  /** Creates, resolving a 409 after an ambiguous failure with {@code fetchExisting}. */
  ApiResponse<T> run(Supplier<ApiResponse<T>> fetchExisting) {
    int retries = retryBudget();
    if (retries == 0) {
      return invoker.execute(create.apply(options), type);
    }
    long deadline = deadline();
    RuntimeException first;
    try {
      return invoker.execute(create.apply(withRetries(0, totalTimeout().orElse(null))), type);
    } catch (RuntimeException e) {
      first = e;
    }
    if (!retryable(first)) {
      throw first;
    }
    Duration wait = backoff(first);
    Duration left = left(deadline, wait);
    if (expired(left)) {
      throw first;
    }
    try {
      TimeSource.SYSTEM.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FireworksException("interrupted while waiting to retry a create", e);
    }
    try {
      return invoker.execute(create.apply(withRetries(retries - 1, left)), type);
    } catch (ConflictException conflict) {
      if (!mayHaveActed(first)) {
        throw conflict;
      }
      LOG.debug("create answered 409 after an attempt that may have succeeded ({}); fetching the resource",
          first.getClass().getSimpleName());
      return fetchExisting.get();
    }
  }

  /** Like {@link #run} without blocking. */
  CompletableFuture<ApiResponse<T>> runAsync(Supplier<CompletableFuture<ApiResponse<T>>> fetchExisting) {
    int retries = retryBudget();
    if (retries == 0) {
      return invoker.executeAsync(create.apply(options), type);
    }
    long deadline = deadline();
    return invoker.executeAsync(create.apply(withRetries(0, totalTimeout().orElse(null))), type)
        .handle((response, error) -> {
          if (error == null) {
            return CompletableFuture.completedFuture(response);
          }
          RuntimeException first = unwrap(error);
          if (!retryable(first)) {
            return CompletableFuture.<ApiResponse<T>>failedFuture(first);
          }
          Duration wait = backoff(first);
          Duration left = left(deadline, wait);
          if (expired(left)) {
            return CompletableFuture.<ApiResponse<T>>failedFuture(first);
          }
          return TimeSource.SYSTEM.delay(wait)
              .thenCompose(ignored -> invoker.executeAsync(create.apply(withRetries(retries - 1, left)), type))
              .handle((second, secondError) -> {
                if (secondError == null) {
                  return CompletableFuture.completedFuture(second);
                }
                RuntimeException failure = unwrap(secondError);
                if (failure instanceof ConflictException && mayHaveActed(first)) {
                  return fetchExisting.get();
                }
                return CompletableFuture.<ApiResponse<T>>failedFuture(failure);
              })
              .thenCompose(Function.identity());
        })
        .thenCompose(Function.identity());
  }

  private int retryBudget() {
    return options.maxRetries().orElse(invoker.options().retryPolicy().maxRetries());
  }

  /** The call's total timeout, else the client's, if either is set. */
  private Optional<Duration> totalTimeout() {
    return options.totalTimeout().or(() -> invoker.options().totalTimeout());
  }

  /** When both phases together must end, or {@link Long#MAX_VALUE} without a total timeout. */
  private long deadline() {
    return totalTimeout().map(total -> System.nanoTime() + total.toNanos()).orElse(Long.MAX_VALUE);
  }

  /** The total timeout left for the second phase after waiting {@code wait}; null when there is no deadline. */
  private static Duration left(long deadline, Duration wait) {
    return deadline == Long.MAX_VALUE ? null : Duration.ofNanos(deadline - System.nanoTime() - wait.toNanos());
  }

  private static boolean expired(Duration left) {
    return left != null && (left.isNegative() || left.isZero());
  }

  /** Options for one phase: {@code maxRetries} retries within {@code total} (none when null). */
  private RequestOptions withRetries(int maxRetries, Duration total) {
    RequestOptions.Builder b = RequestOptions.builder().maxRetries(maxRetries);
    options.timeout().ifPresent(b::timeout);
    if (total != null) {
      b.totalTimeout(total);
    }
    options.headers().forEach(b::header);
    return b.build();
  }

  private Duration backoff(RuntimeException failure) {
    RetryPolicy policy = invoker.options().retryPolicy();
    if (failure instanceof ApiException) {
      Optional<Duration> asked = RetryAfter.parse(((ApiException) failure).headers(), TimeSource.SYSTEM.clock());
      if (asked.isPresent() && asked.get().compareTo(policy.retryAfterCeiling()) <= 0) {
        return asked.get();
      }
    }
    return policy.backoff(1, ThreadLocalRandom.current().nextDouble());
  }

  /** Whether the failure is one the retry layer would retry for an idempotent call. */
  private static boolean retryable(RuntimeException failure) {
    if (failure instanceof ConnectionException || failure instanceof FireworksTimeoutException) {
      return true;
    }
    if (!(failure instanceof ApiException)) {
      return false;
    }
    ApiException api = (ApiException) failure;
    Optional<String> shouldRetry = api.headers().first("x-should-retry");
    if (shouldRetry.isPresent()) {
      return shouldRetry.get().equalsIgnoreCase("true");
    }
    int status = api.status();
    return status == 408 || status == 429 || status >= 500 && status != 501;
  }

  /** Whether the server may have created the resource despite the failure. */
  private static boolean mayHaveActed(RuntimeException failure) {
    if (failure instanceof ConnectionException) {
      return ((ConnectionException) failure).mayHaveReachedServer();
    }
    if (failure instanceof ApiException) {
      return ((ApiException) failure).status() != 429;
    }
    return failure instanceof FireworksTimeoutException;
  }

  private static RuntimeException unwrap(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof RuntimeException ? (RuntimeException) cause : new CompletionException(cause);
  }
}
