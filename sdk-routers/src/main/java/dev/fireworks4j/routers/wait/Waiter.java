package dev.fireworks4j.routers.wait;

import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.error.FireworksTimeoutException;
import dev.fireworks4j.core.retry.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls until a condition holds. Each poll's value is first tested against the terminal checks (which
 * end the wait with their exception), then against the success condition; otherwise the waiter sleeps
 * for the current interval, which grows as {@link WaitOptions} says, and polls again. When the timeout
 * passes it throws a {@link FireworksTimeoutException} that names the last state seen. A failed poll ends
 * the wait with the poll's exception (the client's own retries have run by then).
 *
 * <p>{@link #await} blocks and stops when its thread is interrupted; {@link #awaitAsync} never blocks,
 * and cancelling its future stops the polling.
 *
 * @param <T> what a poll returns
 */
public final class Waiter<T> {
  private final String goal;
  private final WaitOptions options;
  private final Predicate<? super T> condition;
  private final List<TerminalCheck<T>> terminalChecks;
  private final Function<? super T, String> describe;

  private Waiter(Builder<T> b) {
    this.goal = b.goal;
    this.options = b.options;
    this.condition = Objects.requireNonNull(b.condition, "until(...) is required");
    this.terminalChecks = List.copyOf(b.terminalChecks);
    this.describe = b.describe;
  }

  /** A builder; {@code goal} says what is awaited, such as {@code "router accounts/a/routers/r to be READY"}. */
  public static <T> Builder<T> builder(String goal) {
    return new Builder<>(goal);
  }

  /** Polls with {@code poll} until the condition holds and returns the value that satisfied it. */
  public T await(Supplier<? extends T> poll) {
    TimeSource time = options.timeSource();
    long deadline = time.nanoTime() + options.timeout().toNanos();
    Duration interval = options.initialInterval();
    while (true) {
      T value = poll.get();
      if (finished(value)) {
        return value;
      }
      Duration sleep = nextSleep(value, deadline, interval);
      try {
        time.sleep(sleep);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FireworksException("interrupted while waiting for " + goal, e);
      }
      interval = options.next(interval);
    }
  }

  /**
   * Polls with {@code poll} without blocking; the future completes with the value that satisfied the
   * condition, or fails as {@link #await} would throw. Cancelling it stops the polling.
   */
  public CompletableFuture<T> awaitAsync(Supplier<? extends CompletionStage<? extends T>> poll) {
    CompletableFuture<T> result = new CompletableFuture<>();
    AsyncLoop loop = new AsyncLoop(poll, result);
    result.whenComplete((value, error) -> loop.cancelPending());
    loop.pollNow();
    return result;
  }

  /** Whether {@code value} ends the wait successfully; throws when it is terminal. */
  private boolean finished(T value) {
    for (TerminalCheck<T> check : terminalChecks) {
      if (check.terminal.test(value)) {
        throw Objects.requireNonNull(check.failure.apply(value), "terminal failure");
      }
    }
    return condition.test(value);
  }

  /** The sleep before the next poll, or a timeout exception when no time is left. */
  private Duration nextSleep(T last, long deadline, Duration interval) {
    long remaining = deadline - options.timeSource().nanoTime();
    if (remaining <= 0) {
      throw new FireworksTimeoutException("gave up after " + options.timeout() + " waiting for " + goal
          + "; last seen: " + describe.apply(last));
    }
    return remaining < interval.toNanos() ? Duration.ofNanos(remaining) : interval;
  }

  /** One asynchronous wait: poll, then either finish or schedule the next poll. */
  private final class AsyncLoop {
    private final Supplier<? extends CompletionStage<? extends T>> poll;
    private final CompletableFuture<T> result;
    private final long deadline;
    private Duration interval = options.initialInterval();
    private volatile CompletableFuture<?> pending;

    AsyncLoop(Supplier<? extends CompletionStage<? extends T>> poll, CompletableFuture<T> result) {
      this.poll = poll;
      this.result = result;
      this.deadline = options.timeSource().nanoTime() + options.timeout().toNanos();
    }

    void pollNow() {
      if (result.isDone()) {
        return;
      }
      CompletableFuture<? extends T> attempt;
      try {
        attempt = poll.get().toCompletableFuture();
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      pending = attempt;
      attempt.whenComplete((value, error) -> {
        if (error != null) {
          result.completeExceptionally(unwrap(error));
        } else {
          afterPoll(value);
        }
      });
    }

    private void afterPoll(T value) {
      Duration sleep;
      try {
        if (finished(value)) {
          result.complete(value);
          return;
        }
        sleep = nextSleep(value, deadline, interval);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      interval = options.next(interval);
      if (result.isDone()) {
        return;
      }
      CompletableFuture<Void> delay = options.timeSource().delay(sleep);
      pending = delay;
      delay.whenComplete((ignored, error) -> {
        if (error != null) {
          result.completeExceptionally(unwrap(error));
        } else {
          pollNow();
        }
      });
    }

    void cancelPending() {
      CompletableFuture<?> current = pending;
      if (result.isCancelled() && current != null) {
        current.cancel(false);
      }
    }
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** A terminal condition and the exception it ends the wait with. */
  private static final class TerminalCheck<T> {
    final Predicate<? super T> terminal;
    final Function<? super T, ? extends RuntimeException> failure;

    TerminalCheck(Predicate<? super T> terminal, Function<? super T, ? extends RuntimeException> failure) {
      this.terminal = Objects.requireNonNull(terminal, "terminal");
      this.failure = Objects.requireNonNull(failure, "failure");
    }
  }

  /**
   * Builds a {@link Waiter}.
   *
   * @param <T> what a poll returns
   */
  public static final class Builder<T> {
    private final String goal;
    private WaitOptions options = WaitOptions.defaults();
    private Predicate<? super T> condition;
    private final List<TerminalCheck<T>> terminalChecks = new ArrayList<>();
    private Function<? super T, String> describe = String::valueOf;

    private Builder(String goal) {
      this.goal = Objects.requireNonNull(goal, "goal");
    }

    /** The timing (default {@link WaitOptions#defaults()}). */
    public Builder<T> options(WaitOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /** The condition that ends the wait successfully (required). */
    public Builder<T> until(Predicate<? super T> condition) {
      this.condition = Objects.requireNonNull(condition, "condition");
      return this;
    }

    /** Ends the wait with {@code failure}'s exception when a polled value is {@code terminal}. */
    public Builder<T> failWhen(
        Predicate<? super T> terminal, Function<? super T, ? extends RuntimeException> failure) {
      terminalChecks.add(new TerminalCheck<>(terminal, failure));
      return this;
    }

    /** How to describe the last value in a timeout message (default {@code String.valueOf}). */
    public Builder<T> describe(Function<? super T, String> describe) {
      this.describe = Objects.requireNonNull(describe, "describe");
      return this;
    }

    /** The waiter. */
    public Waiter<T> build() {
      return new Waiter<>(this);
    }
  }
}
