package dev.fireworks4j.benchmarks.emulator;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.benchmarks.compare.LatencyRecorder;
import dev.fireworks4j.inference.chat.ChatCompletion;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.testkit.EmulatorConfig;
import dev.fireworks4j.testkit.FireworksEmulator;
import dev.fireworks4j.testkit.LatencyModel;
import dev.fireworks4j.testkit.ServingProfile;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many chat completions per second the embedded emulator answers through a router alias, with
 * fireworks4j as the client in the same JVM (so client and emulator share the machine's cores). The
 * emulator adds no latency; each replica admits enough concurrent requests never to answer 429.
 *
 * <p>{@code --threads N} (default 16), {@code --seconds S} (default 10), {@code --warmup S} (default 3).
 */
public final class EmulatorCapacity {
  private EmulatorCapacity() {}

  /** Runs the measurement and prints one table row. */
  public static void main(String[] args) throws Exception {
    int threads = 16;
    double seconds = 10;
    double warmup = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--warmup" -> warmup = Double.parseDouble(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Result result = measure(threads, warmup, seconds);
    System.out.println("| client threads | requests/s | p50 (µs) | p99 (µs) | failed |");
    System.out.println("|--:|--:|--:|--:|--:|");
    System.out.printf(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %d |%n", threads, result.perSecond(),
        result.p50Micros(), result.p99Micros(), result.failures());
  }

  /** One measurement: {@code threads} callers for {@code seconds} after {@code warmup} seconds. */
  public static Result measure(int threads, double warmup, double seconds) throws InterruptedException {
    ServingProfile instant = ServingProfile.defaults().withLatency(LatencyModel.none())
        .withMaxConcurrentRequests(10_000);
    EmulatorConfig config = EmulatorConfig.builder().defaultProfile(instant)
        .deployment("model-a", 3).deployment("model-b", 2).router("ab", "model-a", "model-b").build();
    try (FireworksEmulator emulator = FireworksEmulator.start(config);
        Fireworks fireworks = Fireworks.create(emulator.clientOptions())) {
      ChatCompletionParams params = ChatCompletionParams.builder()
          .model(emulator.routerName("ab").toString()).addUserMessage("Hello").maxTokens(8).build();
      run(fireworks, params, threads, warmup, new AtomicLong());
      AtomicLong failures = new AtomicLong();
      long start = System.nanoTime();
      long[] latencies = run(fireworks, params, threads, seconds, failures);
      double elapsed = (System.nanoTime() - start) / 1e9;
      return new Result(latencies.length / elapsed, LatencyRecorder.percentileMicros(latencies, 50),
          LatencyRecorder.percentileMicros(latencies, 99), failures.get());
    }
  }

  /** Runs the callers and returns every answered call's latency, sorted. */
  private static long[] run(Fireworks fireworks, ChatCompletionParams params, int threads, double seconds,
      AtomicLong failures) throws InterruptedException {
    LatencyRecorder[] recorders = new LatencyRecorder[threads];
    long end = System.nanoTime() + (long) (seconds * 1e9);
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      LatencyRecorder recorder = new LatencyRecorder(4_000_000 / threads);
      recorders[t] = recorder;
      Thread caller = new Thread(() -> {
        try {
          while (System.nanoTime() < end) {
            long began = System.nanoTime();
            try {
              ChatCompletion completion = fireworks.chat().completions().create(params);
              if (completion.choices().isEmpty()) {
                throw new IllegalStateException("no choices");
              }
              recorder.record(System.nanoTime() - began);
            } catch (RuntimeException e) {
              failures.incrementAndGet();
            }
          }
        } finally {
          done.countDown();
        }
      }, "capacity-" + t);
      caller.start();
    }
    done.await();
    return LatencyRecorder.merged(recorders);
  }

  /** Throughput, latency percentiles and failures of one measurement. */
  public record Result(double perSecond, double p50Micros, double p99Micros, long failures) {}
}
