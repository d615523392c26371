package dev.fireworks4j.benchmarks.compare;

import java.lang.management.ManagementFactory;

/** Bytes allocated by all live threads of this JVM (HotSpot's per-thread allocation counters). */
final class Allocation {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private Allocation() {}

  /** The bytes the calling thread has allocated so far. */
  static long currentThread() {
    return THREADS.getCurrentThreadAllocatedBytes();
  }

  /** The sum of the allocation counters of every live thread (a thread's count is lost when it ends). */
  static long allThreads() {
    return allThreadsExcept();
  }

  /** Like {@link #allThreads()}, leaving out {@code excluded}. */
  static long allThreadsExcept(Thread... excluded) {
    long[] ids = THREADS.getAllThreadIds();
    long[] allocated = THREADS.getThreadAllocatedBytes(ids);
    long total = 0;
    for (int i = 0; i < ids.length; i++) {
      if (allocated[i] > 0 && !isAmong(ids[i], excluded)) {
        total += allocated[i];
      }
    }
    return total;
  }

  private static boolean isAmong(long id, Thread[] threads) {
    for (Thread thread : threads) {
      if (thread.getId() == id) {
        return true;
      }
    }
    return false;
  }
}
