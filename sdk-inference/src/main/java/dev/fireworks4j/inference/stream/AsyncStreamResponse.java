package dev.fireworks4j.inference.stream;

import dev.fireworks4j.inference.ResponseMetadata;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A streamed response delivered to a {@link Handler}: subscribe once, and each event reaches
 * {@link Handler#onNext} in order, then exactly one of {@link Handler#onComplete} or
 * {@link Handler#onError} follows, unless the stream was closed first. {@link #close()} cancels: no more
 * events are delivered, the connection is released and {@link #completion()} is cancelled. Subscribe or
 * close every stream, or its connection stays open.
 *
 * @param <T> the event type
 */
public interface AsyncStreamResponse<T> extends AutoCloseable {
  /**
   * Starts delivering to {@code handler} on a thread of the SDK's stream-reader pool, which reads the
   * stream and calls the handler; returns at once.
   *
   * @throws IllegalStateException when a handler was already subscribed
   */
  AsyncStreamResponse<T> subscribe(Handler<? super T> handler);

  /**
   * Like {@link #subscribe(Handler)}, reading the stream and calling the handler on {@code executor}. The
   * reading blocks a thread for the stream's duration: do not pass the HTTP client's own executor.
   */
  AsyncStreamResponse<T> subscribe(Handler<? super T> handler, Executor executor);

  /** The response's status and headers, once they arrived; fails when the call did. */
  CompletableFuture<ResponseMetadata> metadata();

  /** Completes when the stream ended, fails with its error, and is cancelled by {@link #close()}. */
  CompletableFuture<Void> completion();

  /** Stops the stream, releases the connection and cancels {@link #completion()}. */
  @Override
  void close();

  /**
   * Receives the events of a stream, one call at a time.
   *
   * @param <T> the event type
   */
  interface Handler<T> {
    /** The next event. An exception thrown here ends the stream and is passed to {@link #onError}. */
    void onNext(T event);

    /** The stream ended normally. */
    default void onComplete() {}

    /** The stream failed; {@link AsyncStreamResponse#completion()} fails with the same error. */
    default void onError(Throwable error) {}
  }
}
