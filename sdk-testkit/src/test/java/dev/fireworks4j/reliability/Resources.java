package dev.fireworks4j.reliability;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What a client holds in this JVM: the SDK's and the JDK HTTP client's live threads, by name prefix, and
 * the open sockets among the file descriptors ({@code /proc/self/fd}; both ends of a loopback connection
 * count, and the jar files class loading opens on the way are not sockets).
 *
 * @param threads live threads by name prefix
 * @param fds open socket file descriptors, or -1 where {@code /proc} is missing
 */
record Resources(Map<String, Integer> threads, int fds) {
  /** The thread name prefixes counted: the JDK HTTP client's, the SDK's shared pools. */
  static final String[] PREFIXES = {"HttpClient-", "fireworks4j-"};

  static Resources now() {
    Map<String, Integer> threads = new TreeMap<>();
    for (String prefix : PREFIXES) {
      threads.put(prefix, 0);
    }
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      Arrays.stream(PREFIXES).filter(thread.getName()::startsWith).findFirst()
          .ifPresent(prefix -> threads.merge(prefix, 1, Integer::sum));
    }
    return new Resources(threads, sockets());
  }

  private static int sockets() {
    File[] fds = new File("/proc/self/fd").listFiles();
    if (fds == null) {
      return -1;
    }
    int sockets = 0;
    for (File fd : fds) {
      try {
        if (Files.readSymbolicLink(fd.toPath()).toString().startsWith("socket:")) {
          sockets++;
        }
      } catch (IOException e) {
        // closed while listing
      }
    }
    return sockets;
  }

  int httpClientThreads() {
    return threads.get("HttpClient-");
  }

  int sdkThreads() {
    return threads.get("fireworks4j-");
  }

  /**
   * Waits up to {@code millis} until {@code done} holds; returns the last snapshot. Without {@code closes}
   * (before JDK 21, where an HTTP client cannot be closed) it collects garbage while it waits, which is what
   * ends an unreachable client's threads there.
   */
  static Resources await(long millis, boolean closes, Predicate<Resources> done) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    Resources now = now();
    while (!done.test(now) && System.nanoTime() < deadline) {
      if (!closes) {
        System.gc();
      }
      Thread.sleep(100);
      now = now();
    }
    return now;
  }

  @Override
  public String toString() {
    return "threads " + threads + ", open sockets " + fds;
  }
}
