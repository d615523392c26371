package dev.fireworks4j.inference.testing;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Thread checks for "no thread left" assertions. */
public final class Threads {
  /**
   * Threads that may appear and stay: the SDK's shared stream and async-completion pools, the JDK HTTP client
   * and the JDK's shared {@code CompletableFuture} timeout thread, the test servers (the JDK's HTTP server ends
   * its {@code idle-timeout-task} timer thread shortly after it stops).
   */
  private static final String[] SHARED = {"fireworks4j-stream-", "fireworks4j-async-", "HttpClient-",
      "CompletableFutureDelayScheduler", "sse-test-server-", "raw-sse-server", "HTTP-Dispatcher", "idle-timeout-task",
      "qtp", "ForkJoinPool"};

  private Threads() {}

  /** The ids of the live threads. */
  public static Set<Long> snapshot() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
  }

  /** Names of live threads that started after {@code before} and are not shared pool threads. */
  public static Set<String> newUnsharedThreads(Set<Long> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t.getId()))
        .map(Thread::getName)
        .filter(name -> Arrays.stream(SHARED).noneMatch(name::startsWith))
        .collect(Collectors.toSet());
  }

  /** How many threads are inside the SSE parser (reading a stream) right now. */
  public static long readingStreams() {
    return Thread.getAllStackTraces().entrySet().stream().filter(Threads::readsStream).count();
  }

  /** Waits up to {@code millis} for no thread to be reading a stream; returns how many still are. */
  public static long awaitNoStreamReaders(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    long reading = readingStreams();
    while (reading > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
      reading = readingStreams();
    }
    return reading;
  }

  private static boolean readsStream(Map.Entry<Thread, StackTraceElement[]> thread) {
    return Arrays.stream(thread.getValue())
        .anyMatch(frame -> frame.getClassName().startsWith("dev.fireworks4j.inference.internal.Sse"));
  }
}
