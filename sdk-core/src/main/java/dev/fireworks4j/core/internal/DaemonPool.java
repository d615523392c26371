package dev.fireworks4j.core.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Pools of daemon threads for the SDK's own work: threads start on demand and end after 30 s idle. */
public final class DaemonPool {
  private DaemonPool() {}

  /** A new unbounded pool whose threads are named {@code namePrefix} and a number. */
  public static ExecutorService create(String namePrefix) {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
      Thread thread = new Thread(task, namePrefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }
}
