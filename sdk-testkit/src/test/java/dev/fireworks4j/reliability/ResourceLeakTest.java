package dev.fireworks4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.retry.RetryPolicy;
import dev.fireworks4j.reliability.MixedCalls.Kind;
import dev.fireworks4j.reliability.MixedCalls.Result;
import dev.fireworks4j.testkit.Faults;
import dev.fireworks4j.testkit.FireworksEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/**
 * 10,000 mixed calls (override with {@code -Dfireworks4j.leak.requests}) on one client, half of them to a
 * deployment that fails, drops and stalls, a quarter of the async calls cancelled and of the streams closed
 * after their first event: the SDK's and the JDK client's threads and the open sockets must not grow
 * with the calls, and closing the client must release them and make later calls fail clearly.
 */
class ResourceLeakTest {
  static final int REQUESTS = Integer.getInteger("fireworks4j.leak.requests", 10_000);
  static final int CALLERS = 16;
  private static final Kind[] KINDS = Kind.values();

  @Test
  void noThreadOrDescriptorLeakAfterFaultsCancellationsAndEarlyCloses() throws Exception {
    Resources before = Resources.now();
    FireworksEmulator emulator = FireworksEmulator.builder().deployment("healthy", 2).deployment("faulty", 2)
        .router("mix", "healthy").start();
    emulator.setFaults("faulty", Faults.builder().errorRate(0.04).errorStatus(503).dropRate(0.04).stallRate(0.02)
        .streamFaultAfterChunks(1).stallDuration(Duration.ofSeconds(1)).build());
    Resources serving = Resources.now();
    Measured m;
    try {
      m = exerciseAndClose(emulator);
    } finally {
      emulator.close();
    }
    boolean closes = Runtime.version().feature() >= 21;
    // the emulator's JDK HttpServer holds the server side of the connections it dropped until it stops
    Resources closed = Resources.await(15_000, closes, r -> r.httpClientThreads() <= before.httpClientThreads()
        && r.fds() <= serving.fds());
    Run first = m.first;
    Run second = m.second;
    Resources middle = m.middle;
    Resources after = m.after;
    report(serving, middle, after, closed, first.plus(second), closes);
    assertThat(first.problems).isEmpty();
    assertThat(second.problems).isEmpty();
    assertThat(first.plus(second).count(Result.OK)).isGreaterThan(REQUESTS / 2);
    // no growth with the second half of the calls: pools are bounded by the callers
    assertThat(after.httpClientThreads()).isLessThanOrEqualTo(middle.httpClientThreads() + CALLERS);
    assertThat(after.sdkThreads()).isLessThanOrEqualTo(middle.sdkThreads() + CALLERS);
    assertThat(after.fds()).isLessThanOrEqualTo(middle.fds() + 2 * CALLERS);
    // closed: the client's selector and worker threads are gone, and every socket it opened
    assertThat(closed.httpClientThreads()).isLessThanOrEqualTo(before.httpClientThreads());
    assertThat(closed.fds()).isLessThanOrEqualTo(serving.fds());
  }

  /** What the client did, measured while it was open; it is closed and unreachable once this returns. */
  private record Measured(Run first, Run second, Resources middle, Resources after) {}

  private static Measured exerciseAndClose(FireworksEmulator emulator) throws Exception {
    Fireworks fw = client(emulator);
    String healthy = emulator.deploymentName("healthy");
    String faulty = emulator.deploymentName("faulty");
    MixedCalls calls = new MixedCalls(fw, "mix", Map.of(healthy, MixedCalls.answer(fw, healthy),
        faulty, answerDespiteFaults(fw, faulty)));
    Run first = run(calls, healthy, faulty, 0, REQUESTS / 2);
    Resources middle = Resources.now();
    Run second = run(calls, healthy, faulty, REQUESTS / 2, REQUESTS);
    Resources after = Resources.now();

    fw.close();
    assertThatThrownBy(() -> fw.chat().completions().create(MixedCalls.params(healthy)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThat(fw.async().chat().completions().create(MixedCalls.params(healthy)))
        .failsWithin(Duration.ofSeconds(5)).withThrowableThat().withMessageContaining("closed");
    return new Measured(first, second, middle, after);
  }

  @Test
  void aClosedClientFailsClearlyAlsoWhenItNeverSent() {
    Fireworks fw = Fireworks.builder().apiKey("fw-closed-key").accountId("acct").baseUrl("http://127.0.0.1:9")
        .build();
    fw.close();

    assertThatThrownBy(() -> fw.routers().get("r1")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(fw.async().routers().get("r1")).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
        .withMessageContaining("closed");
    assertThat(fw.async().chat().completions().create(MixedCalls.params("accounts/acct/routers/r1")))
        .failsWithin(Duration.ofSeconds(5)).withThrowableThat().withMessageContaining("closed");
  }

  private static Fireworks client(FireworksEmulator emulator) {
    return Fireworks.create(emulator.clientOptions().toBuilder()
        .timeout(Duration.ofSeconds(5))
        .streamIdleTimeout(Duration.ofMillis(300))
        .retryPolicy(RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(5)).build())
        .build());
  }

  private static String answerDespiteFaults(Fireworks fw, String model) {
    RuntimeException last = null;
    for (int i = 0; i < 20; i++) {
      try {
        return MixedCalls.answer(fw, model);
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw last;
  }

  /** Calls {@code from} to {@code to} of the seeded plan on {@link #CALLERS} threads. */
  private static Run run(MixedCalls calls, String healthy, String faulty, int from, int to) throws Exception {
    Run run = new Run();
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = from; i < to; i++) {
        Random plan = new Random(i);
        Kind kind = KINDS[plan.nextInt(KINDS.length)];
        String model = plan.nextBoolean() ? faulty : healthy;
        boolean abandon = kind != Kind.CHAT && kind != Kind.ROUTER_GET && plan.nextInt(4) == 0;
        futures.add(callers.submit(() -> {
          StringBuilder problem = new StringBuilder();
          Result result = calls.call(kind, model, abandon, problem);
          run.add(kind, result, problem);
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      callers.shutdownNow();
    }
    return run;
  }

  private static void report(Resources before, Resources middle, Resources after, Resources closed, Run run,
      boolean closes) throws IOException {
    String md = "Java " + Runtime.version() + ", " + REQUESTS + " calls on " + CALLERS + " callers (outcomes "
        + run.counts() + ").\n\n"
        + "| when | HttpClient- threads | fireworks4j- threads | open sockets |\n|---|--:|--:|--:|\n"
        + row("emulator serving, before the client", before) + row("after " + REQUESTS / 2 + " calls", middle)
        + row("after " + REQUESTS + " calls", after)
        + row((closes ? "client closed" : "client closed and collected") + ", emulator stopped", closed);
    Path out = Path.of("target", "reliability", "resources-java" + Runtime.version().feature() + ".md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md);
  }

  private static String row(String when, Resources r) {
    return "| " + when + " | " + r.httpClientThreads() + " | " + r.sdkThreads() + " | " + r.fds() + " |\n";
  }

  /** Outcome counts and the unexpected outcomes of a run. */
  static final class Run {
    final AtomicLongArray counts = new AtomicLongArray(Result.values().length);
    final List<String> problems = new ArrayList<>();

    void add(Kind kind, Result result, StringBuilder problem) {
      counts.incrementAndGet(result.ordinal());
      if (result == Result.UNEXPECTED) {
        synchronized (problems) {
          problems.add(kind + ": " + problem);
        }
      }
    }

    long count(Result result) {
      return counts.get(result.ordinal());
    }

    Run plus(Run other) {
      Run sum = new Run();
      for (Result result : Result.values()) {
        sum.counts.set(result.ordinal(), count(result) + other.count(result));
      }
      sum.problems.addAll(problems);
      sum.problems.addAll(other.problems);
      return sum;
    }

    Map<Result, Long> counts() {
      Map<Result, Long> map = new EnumMap<>(Result.class);
      for (Result result : Result.values()) {
        map.put(result, count(result));
      }
      return map;
    }
  }
}
