package dev.fireworks4j.core.testing;

import dev.fireworks4j.core.retry.TimeSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A time source that never blocks: sleeping advances the clock and records the wait. */
public final class FakeTime implements TimeSource {
  private final Instant epoch;
  private long nanos;
  private final List<Duration> sleeps = new ArrayList<>();

  /** Starts at {@code epoch} on the wall clock. */
  public FakeTime(Instant epoch) {
    this.epoch = epoch;
  }

  /** Advances the clock without recording a sleep (time spent inside an attempt). */
  public synchronized void advance(Duration duration) {
    nanos += duration.toNanos();
  }

  /** The waits requested so far. */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized Clock clock() {
    return Clock.fixed(epoch.plusNanos(nanos), ZoneOffset.UTC);
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    nanos += duration.toNanos();
  }

  @Override
  public CompletableFuture<Void> delay(Duration duration) {
    sleep(duration);
    return CompletableFuture.completedFuture(null);
  }
}
