package dev.fireworks4j.routers.clientside;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a refresh periodically, with a fixed delay between the end of one run and the start of the next, on a
 * given scheduler or on its own daemon thread. A failed run is logged and the next one runs as planned.
 */
final class Refresher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Refresher.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

  private final String what;
  private final Runnable refresh;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final ScheduledFuture<?> task;
  private volatile boolean closed;

  /**
   * Starts running {@code refresh} every {@code interval} (positive) on {@code given}, or on a thread of its own
   * when {@code given} is null; {@code what} names the refreshed thing in logs.
   */
  Refresher(String what, Runnable refresh, Duration interval, ScheduledExecutorService given) {
    this.what = what;
    this.refresh = refresh;
    this.ownsScheduler = given == null;
    this.scheduler = given != null ? given : Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "fireworks4j-router-refresh-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    long nanos = interval.toNanos();
    this.task = scheduler.scheduleWithFixedDelay(this::run, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  private void run() {
    if (closed) {
      return;
    }
    try {
      refresh.run();
    } catch (RuntimeException e) {
      if (!closed) {
        LOG.warn("refreshing {} failed; routing stays on the last topology until the next refresh: {}", what,
            e.toString());
      }
    }
  }

  /**
   * Stops refreshing. Its own thread is stopped (a refresh in progress is interrupted) and has ended when this
   * returns; a given scheduler keeps running, without this task.
   */
  @Override
  public void close() {
    closed = true;
    task.cancel(false);
    if (!ownsScheduler) {
      return;
    }
    scheduler.shutdownNow();
    try {
      if (!scheduler.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("the refresh thread of {} did not stop within {}", what, SHUTDOWN_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
