package dev.fireworks4j.core.http;

import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;

/**
 * Bounds the time to read a response body: the JDK's request timeout ends when the headers arrive, so a
 * body that stalls would otherwise block a synchronous call forever. When the deadline passes the body is
 * cancelled and the call fails with an {@link HttpTimeoutException}.
 */
final class DeadlineBodySubscriber<T> implements BodySubscriber<T> {
  private final BodySubscriber<T> delegate;
  private final long deadlineNanos;
  private final CompletableFuture<T> body = new CompletableFuture<>();
  private volatile ScheduledFuture<?> alarm;

  DeadlineBodySubscriber(BodySubscriber<T> delegate, long deadlineNanos) {
    this.delegate = delegate;
    this.deadlineNanos = deadlineNanos;
    delegate.getBody().whenComplete((value, failure) -> {
      ScheduledFuture<?> pending = alarm;
      if (pending != null) {
        pending.cancel(false);
      }
      if (failure != null) {
        body.completeExceptionally(failure);
      } else {
        body.complete(value);
      }
    });
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    if (!body.isDone()) {
      alarm = DeadlineTimer.at(deadlineNanos, () -> {
        // fail first: cancelling may make the client report its own I/O error synchronously (JDK 25 does)
        body.completeExceptionally(new HttpTimeoutException("the response body did not arrive in time"));
        subscription.cancel();
      });
    }
    delegate.onSubscribe(subscription);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    delegate.onNext(item);
  }

  @Override
  public void onError(Throwable throwable) {
    delegate.onError(throwable);
  }

  @Override
  public void onComplete() {
    delegate.onComplete();
  }

  @Override
  public CompletionStage<T> getBody() {
    return body;
  }
}
