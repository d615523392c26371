package dev.fireworks4j.inference.internal;

import dev.fireworks4j.core.http.StreamingHttpResponse;
import dev.fireworks4j.core.internal.DaemonPool;
import dev.fireworks4j.inference.ResponseMetadata;
import dev.fireworks4j.inference.stream.AsyncStreamResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * An {@link AsyncStreamResponse}: once the response arrives, a task on the executor reads it as an
 * {@link SseStream} and calls the handler.
 *
 * @param <T> the event type
 */
public final class AsyncSseStream<T> implements AsyncStreamResponse<T> {
  private final CompletableFuture<StreamingHttpResponse> response;
  private final Function<StreamingHttpResponse, SseStream<T>> open;
  private final CompletableFuture<ResponseMetadata> metadata;
  private final CompletableFuture<Void> completion = new CompletableFuture<>();
  private final AtomicBoolean subscribed = new AtomicBoolean();
  private final AtomicReference<SseStream<T>> stream = new AtomicReference<>();
  private volatile boolean closed;

  /** A stream over the response {@code response} will bring, read with {@code open}. */
  public AsyncSseStream(CompletableFuture<StreamingHttpResponse> response,
      Function<StreamingHttpResponse, SseStream<T>> open) {
    this.response = response;
    this.open = open;
    this.metadata = response.thenApply(ResponseMetadata::of);
  }

  @Override
  public AsyncStreamResponse<T> subscribe(Handler<? super T> handler) {
    return subscribe(handler, Readers.INSTANCE);
  }

  @Override
  public AsyncStreamResponse<T> subscribe(Handler<? super T> handler, Executor executor) {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(executor, "executor");
    if (!subscribed.compareAndSet(false, true)) {
      throw new IllegalStateException("a handler is already subscribed to this stream");
    }
    response.whenComplete((http, failure) -> {
      try {
        executor.execute(() -> deliver(http, failure, handler));
      } catch (RejectedExecutionException e) {
        if (http != null) {
          http.close();
        }
        fail(handler, e);
      }
    });
    return this;
  }

  @Override
  public CompletableFuture<ResponseMetadata> metadata() {
    return metadata;
  }

  @Override
  public CompletableFuture<Void> completion() {
    return completion;
  }

  @Override
  public void close() {
    closed = true;
    completion.cancel(false);
    SseStream<T> current = stream.get();
    if (current != null) {
      current.close();
    }
    if (!subscribed.get()) {
      response.thenAccept(StreamingHttpResponse::close);
    }
  }

  private void deliver(StreamingHttpResponse http, Throwable failure, Handler<? super T> handler) {
    if (failure != null) {
      fail(handler, unwrap(failure));
      return;
    }
    SseStream<T> events;
    try {
      events = open.apply(http);
    } catch (RuntimeException e) {
      http.close();
      fail(handler, e);
      return;
    }
    stream.set(events);
    try {
      while (!closed && events.hasNext()) {
        handler.onNext(events.next());
      }
      events.close();
      if (!closed) {
        handler.onComplete();
        completion.complete(null);
      }
    } catch (RuntimeException | Error e) {
      events.close();
      fail(handler, e);
    }
  }

  private void fail(Handler<? super T> handler, Throwable error) {
    if (closed) {
      return;
    }
    try {
      handler.onError(error);
    } finally {
      completion.completeExceptionally(error);
    }
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** The shared pool that reads async streams: daemon threads, created on demand, ended after 30 s idle. */
  private static final class Readers {
    static final ExecutorService INSTANCE = DaemonPool.create("fireworks4j-stream-reader-");
  }
}
