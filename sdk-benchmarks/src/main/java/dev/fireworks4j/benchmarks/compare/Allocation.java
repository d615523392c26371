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
    long[] ids = THREADS.getAllThreadIds();
    long total = 0;
    for (long bytes : THREADS.getThreadAllocatedBytes(ids)) {
      if (bytes > 0) {
        total += bytes;
      }
    }
    return total;
  }
}
