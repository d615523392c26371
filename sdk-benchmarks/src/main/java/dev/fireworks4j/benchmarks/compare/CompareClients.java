package dev.fireworks4j.benchmarks.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Measures raw {@code java.net.http}, fireworks4j and openai-java side by side in one JVM against one
 * {@link FixedResponseServer}: throughput and latency at concurrency 1 and 16, allocation per request,
 * streaming chunks per second, time to first chunk and allocation per chunk. Rounds are interleaved so that
 * drift on a shared machine hits every client alike; each figure is the median of the rounds.
 *
 * <p>{@code --seconds N} (default 10), {@code --warmup N} (default 5), {@code --rounds N} (default 3),
 * {@code --chunks N} (default 1000), {@code --only a,b} (client names), {@code --smoke} (a run of a second or two
 * that only proves it works).
 */
public final class CompareClients {
  private final Settings settings;
  private final String baseUrl;
  private final Map<String, Function<String, ClientUnderTest>> factories;

  CompareClients(Settings settings, String baseUrl, Map<String, Function<String, ClientUnderTest>> factories) {
    this.settings = settings;
    this.baseUrl = baseUrl;
    this.factories = factories;
  }

  /** Runs the comparison and prints the tables. */
  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    try (FixedResponseServer server = FixedResponseServer.start(settings.chunks)) {
      Map<String, Function<String, ClientUnderTest>> clients = new LinkedHashMap<>(Clients.all());
      if (settings.only != null) {
        clients.keySet().retainAll(List.of(settings.only.split(",")));
      }
      Report report = new CompareClients(settings, server.baseUrl(), clients).run();
      System.out.println(report.markdown());
      // the baselines may fail (raw java.net.http meets JDK-8338569); fireworks4j must not
      if (report.failures("fireworks4j") > 0) {
        System.exit(1);
      }
    }
  }

  Report run() throws Exception {
    Report report = new Report(new ArrayList<>(factories.keySet()));
    Map<String, ClientUnderTest> clients = new LinkedHashMap<>();
    factories.forEach((name, factory) -> clients.put(name, factory.apply(baseUrl)));
    try {
      for (ClientUnderTest client : clients.values()) {
        warmUp(client);
      }
      for (int concurrency : new int[] {1, 16}) {
        for (int round = 0; round < settings.rounds; round++) {
          for (ClientUnderTest client : clients.values()) {
            report.addRequests(client.name(), concurrency, measureRequests(client, concurrency));
          }
        }
      }
      for (int round = 0; round < settings.rounds; round++) {
        for (ClientUnderTest client : clients.values()) {
          report.addStreaming(client.name(), measureStreaming(client));
        }
      }
    } finally {
      clients.values().forEach(ClientUnderTest::close);
    }
    return report;
  }

  private void warmUp(ClientUnderTest client) throws Exception {
    long end = System.nanoTime() + settings.warmupNanos();
    while (System.nanoTime() < end) {
      client.complete();
      client.stream();
    }
  }

  private RequestFigures measureRequests(ClientUnderTest client, int concurrency) throws InterruptedException {
    LatencyRecorder[] recorders = new LatencyRecorder[concurrency];
    AtomicLong failures = new AtomicLong();
    AtomicLong workerAllocation = new AtomicLong();
    Thread[] workers = new Thread[concurrency];
    long allocatedBefore = Allocation.allThreads();
    long start = System.nanoTime();
    long end = start + settings.measureNanos();
    for (int t = 0; t < concurrency; t++) {
      LatencyRecorder recorder = new LatencyRecorder(4_000_000 / concurrency);
      recorders[t] = recorder;
      Thread thread = new Thread(() -> {
        long ownBefore = Allocation.currentThread();
        try {
          while (true) {
            long began = System.nanoTime();
            if (began >= end) {
              break;
            }
            try {
              client.complete();
              recorder.record(System.nanoTime() - began);
            } catch (Exception e) {
              if (failures.incrementAndGet() == 1) {
                System.err.println(client.name() + " failed a request: " + e);
              }
            }
          }
        } finally {
          workerAllocation.addAndGet(Allocation.currentThread() - ownBefore);
        }
      }, "bench-" + t);
      workers[t] = thread;
      thread.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    long elapsed = System.nanoTime() - start;
    // each worker counted its own allocation as it ended; an ended thread may linger in the JVM's thread list
    // for a moment, so the workers are left out of the count of the threads that live on
    long allocated = Allocation.allThreadsExcept(workers) - allocatedBefore + workerAllocation.get();
    long[] latencies = LatencyRecorder.merged(recorders);
    return new RequestFigures(latencies.length / (elapsed / 1e9),
        LatencyRecorder.percentileMicros(latencies, 50), LatencyRecorder.percentileMicros(latencies, 99),
        latencies.length == 0 ? Double.NaN : allocated / (double) latencies.length / 1024, failures.get());
  }

  private StreamFigures measureStreaming(ClientUnderTest client) {
    long chunks = 0;
    long failures = 0;
    List<Long> firstChunk = new ArrayList<>();
    long allocatedBefore = Allocation.allThreads();
    long start = System.nanoTime();
    long end = start + settings.measureNanos();
    while (System.nanoTime() < end) {
      long began = System.nanoTime();
      try {
        int n = client.stream();
        if (n != settings.chunks) {
          throw new IllegalStateException(client.name() + " read " + n + " chunks, expected " + settings.chunks);
        }
        chunks += n;
        firstChunk.add(client.firstChunkNanos() - began);
      } catch (Exception e) {
        if (++failures == 1) {
          System.err.println(client.name() + " failed a stream: " + e);
        }
      }
    }
    long elapsed = System.nanoTime() - start;
    long allocated = Allocation.allThreads() - allocatedBefore;
    firstChunk.sort(null);
    double ttfcMicros = firstChunk.isEmpty() ? Double.NaN : firstChunk.get(firstChunk.size() / 2) / 1_000.0;
    return new StreamFigures(chunks / (elapsed / 1e9), ttfcMicros,
        chunks == 0 ? Double.NaN : allocated / (double) chunks, failures);
  }

  /** Figures of one round of non-streaming requests. */
  record RequestFigures(double perSecond, double p50Micros, double p99Micros, double kilobytesPerRequest,
      long failures) {}

  /** Figures of one round of streaming. */
  record StreamFigures(double chunksPerSecond, double firstChunkMicros, double bytesPerChunk, long failures) {}

  /** Run settings. */
  record Settings(double seconds, double warmup, int rounds, int chunks, String only) {
    static Settings parse(String[] args) {
      double seconds = 10;
      double warmup = 5;
      int rounds = 3;
      int chunks = 1000;
      String only = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--seconds" -> seconds = Double.parseDouble(args[++i]);
          case "--warmup" -> warmup = Double.parseDouble(args[++i]);
          case "--rounds" -> rounds = Integer.parseInt(args[++i]);
          case "--chunks" -> chunks = Integer.parseInt(args[++i]);
          case "--only" -> only = args[++i];
          case "--smoke" -> {
            seconds = 0.2;
            warmup = 0.2;
            rounds = 1;
            chunks = 50;
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Settings(seconds, warmup, rounds, chunks, only);
    }

    long measureNanos() {
      return (long) (seconds * 1e9);
    }

    long warmupNanos() {
      return (long) (warmup * 1e9);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.1f s per measurement, %.1f s warm-up, %d rounds, %d chunks per stream",
          seconds, warmup, rounds, chunks);
    }
  }
}
