package dev.fireworks4j.inference.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Detects streams that went silent, on one shared daemon thread for all streams (it ends itself when no
 * stream is watched). A stream records its last activity with a volatile write per read; the watchdog
 * checks once per idle period and, after a full period of silence, runs the stream's expiry action,
 * which closes the stream's input so that a blocked reader wakes up.
 */
final class IdleWatchdog {
  private IdleWatchdog() {}

  /** Starts watching; {@code onIdle} runs once, on the watchdog thread, if {@code idleTimeout} passes without activity. */
  static Watch start(Duration idleTimeout, Runnable onIdle) {
    Watch watch = new Watch(idleTimeout.toNanos(), onIdle);
    watch.schedule(watch.idleNanos);
    return watch;
  }

  /** The watch over one stream. */
  static final class Watch implements Runnable {
    private final long idleNanos;
    private final Runnable onIdle;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean expired;
    private boolean stopped;
    private ScheduledFuture<?> pending;

    private Watch(long idleNanos, Runnable onIdle) {
      this.idleNanos = idleNanos;
      this.onIdle = onIdle;
    }

    /** Records activity now. */
    void touch() {
      lastActivity = System.nanoTime();
    }

    /** Whether the idle timeout passed (and the expiry action ran or is running). */
    boolean expired() {
      return expired;
    }

    /** Stops watching; the expiry action will not run unless it already started. */
    synchronized void stop() {
      stopped = true;
      if (pending != null) {
        pending.cancel(false);
        pending = null;
      }
    }

    @Override
    public void run() {
      long silence = System.nanoTime() - lastActivity;
      if (silence < idleNanos) {
        schedule(idleNanos - silence);
        return;
      }
      synchronized (this) {
        if (stopped) {
          return;
        }
        stopped = true;
        expired = true;
      }
      onIdle.run();
    }

    private synchronized void schedule(long delayNanos) {
      if (!stopped) {
        pending = Scheduler.INSTANCE.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
      }
    }
  }

  /** The shared scheduler, built on first use; its one daemon thread ends after 30 s without work. */
  private static final class Scheduler {
    static final ScheduledThreadPoolExecutor INSTANCE = create();

    private static ScheduledThreadPoolExecutor create() {
      AtomicInteger count = new AtomicInteger();
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "fireworks4j-stream-watchdog-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
      executor.setRemoveOnCancelPolicy(true);
      executor.setKeepAliveTime(30, TimeUnit.SECONDS);
      executor.allowCoreThreadTimeOut(true);
      return executor;
    }
  }
}
