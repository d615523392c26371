package dev.fireworks4j.core.retry;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Time as the retry layer sees it: a monotonic clock, a wall clock and waiting. Tests inject a fake one. */
public interface TimeSource {
  /** The real time source. */
  TimeSource SYSTEM = new TimeSource() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Clock clock() {
      return Clock.systemUTC();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }

    @Override
    public CompletableFuture<Void> delay(Duration duration) {
      return CompletableFuture.runAsync(() -> { },
          CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS));
    }
  };

  /** A monotonic time in nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();

  /** The wall clock, for {@code Retry-After} dates. */
  Clock clock();

  /** Blocks for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** A future that completes after {@code duration}, without blocking a thread. */
  CompletableFuture<Void> delay(Duration duration);
}
