package dev.fireworks4j.routers;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/** Small helpers for the async clients. */
final class Futures {
  private Futures() {}

  /** Runs {@code call}, turning an exception it throws (a client-side check) into a failed future. */
  static <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** {@code source} mapped by {@code map}, where cancelling the result also cancels {@code source}. */
  static <T, U> CompletableFuture<U> mapCancellable(CompletableFuture<T> source, Function<? super T, ? extends U> map) {
    CompletableFuture<U> result = source.thenApply(map);
    result.whenComplete((value, error) -> {
      if (result.isCancelled()) {
        source.cancel(false);
      }
    });
    return result;
  }

  /** The cause inside a {@link CompletionException}. */
  static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
