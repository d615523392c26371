package dev.fireworks4j.core.http;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** One daemon thread that runs the transports' deadline actions, started on first use. */
final class DeadlineTimer {
  private DeadlineTimer() {}

  /** Runs {@code action} at {@code deadlineNanos} ({@link System#nanoTime()} time) unless cancelled first. */
  static ScheduledFuture<?> at(long deadlineNanos, Runnable action) {
    return Holder.TIMER.schedule(action, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  private static final class Holder {
    static final ScheduledThreadPoolExecutor TIMER = timer();

    private static ScheduledThreadPoolExecutor timer() {
      ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "fireworks4j-deadline");
        thread.setDaemon(true);
        return thread;
      });
      timer.setRemoveOnCancelPolicy(true);
      return timer;
    }
  }
}
