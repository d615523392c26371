package dev.fireworks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 200 concurrent streaming clients × 50 requests each: no errors, and no emulator thread survives close(). */
class ConcurrentStreamsTest {
  private static final int CLIENTS = 200;
  private static final int REQUESTS_PER_CLIENT = 50;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void manyConcurrentStreamsWithoutErrorsOrLeakedThreads() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    FireworksEmulator emulator = FireworksEmulator.builder()
        .defaultProfile(ServingProfile.defaults().withLatency(LatencyModel.of(Duration.ofMillis(1), Duration.ZERO)))
        .deployment("left", 4).deployment("right", 4).router("both", "left", "right").start();
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long started = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        futures.add(clients.submit(() -> {
          for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
            if (stream(http, emulator, "client " + client + " request " + i)) {
              completed.incrementAndGet();
            } else {
              failures.incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      clients.shutdown();
      emulator.close();
    }
    System.out.printf("%d streams by %d clients in %d ms%n", completed.get(), CLIENTS,
        Duration.ofNanos(System.nanoTime() - started).toMillis());

    assertThat(failures.get()).isZero();
    assertThat(completed.get()).isEqualTo(CLIENTS * REQUESTS_PER_CLIENT);
    assertThat(emulator.counters().requests()).isEqualTo(CLIENTS * REQUESTS_PER_CLIENT);
    assertThat(emulatorThreads(before)).as("threads started by the emulator and still alive after close()")
        .isEmpty();
  }

  private static boolean stream(HttpClient http, FireworksEmulator emulator, String prompt) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.inferenceUri() + "/chat/completions"))
        .header("Authorization", "Bearer " + emulator.apiKey())
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"accounts/emulator/routers/both\",\"stream\":true,"
            + "\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}"))
        .build();
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        return false;
      }
      int chunks = 0;
      boolean done = false;
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (line.equals("data: [DONE]")) {
            done = true;
          } else if (line.startsWith("data: ")) {
            chunks++;
          }
        }
      }
      return done && chunks == 1 + 8 + 1;
    } catch (Exception e) {
      return false;
    }
  }

  /** Emulator threads alive after close, waiting a little for the pool's threads to finish ending. */
  private static List<String> emulatorThreads(Set<Thread> before) throws InterruptedException {
    List<String> alive = List.of();
    for (int attempt = 0; attempt < 100; attempt++) {
      alive = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> !before.contains(t) && t.isAlive())
          .map(Thread::getName)
          .filter(n -> n.startsWith("fireworks-emulator") || n.equals("HTTP-Dispatcher") || n.startsWith("server-timer"))
          .collect(Collectors.toList());
      if (alive.isEmpty()) {
        return alive;
      }
      Thread.sleep(50);
    }
    return alive;
  }
}
