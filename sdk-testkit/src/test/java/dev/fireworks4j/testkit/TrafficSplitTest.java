package dev.fireworks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Routers split traffic with the SDK's picker, in proportion to replica counts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrafficSplitTest {
  private static final int REQUESTS = 10_000;
  private static final int WAVE = 32;
  /** The chi-squared critical value for 2 degrees of freedom at p = 0.001. */
  private static final double CHI_SQUARED_2DF_P001 = 13.816;
  /** The chi-squared critical value for 4 degrees of freedom at p = 0.001. */
  private static final double CHI_SQUARED_4DF_P001 = 18.467;

  private FireworksEmulator emulator;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  void start() {
    emulator = FireworksEmulator.builder().seed(2024)
        .deployment("one", 1).deployment("two", 2).deployment("five", 5).deployment("none", 0)
        .router("split", "one", "two", "five", "none")
        .routerJson("balanced", "{\"deployments\":[\"one\",\"five\"],\"evenLoad\":{}}")
        .start();
  }

  @AfterAll
  void stop() {
    emulator.close();
  }

  @Test
  void weightedRandomSplitMatchesReplicaShares() throws Exception {
    emulator.resetCounters();

    // concurrent waves: each pick draws once from the router's seeded source, so the counts do not depend on
    // the order in which the requests arrive
    List<CompletableFuture<HttpResponse<String>>> wave = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      wave.add(http.sendAsync(request(emulator, "accounts/emulator/routers/split"),
          HttpResponse.BodyHandlers.ofString()));
      if (wave.size() == WAVE || i == REQUESTS - 1) {
        for (CompletableFuture<HttpResponse<String>> f : wave) {
          assertThat(f.get().statusCode()).isEqualTo(200);
        }
        wave.clear();
      }
    }

    EmulatorCounters counters = emulator.counters();
    long[] observed = {requests(counters, "one"), requests(counters, "two"), requests(counters, "five")};
    double[] expected = {REQUESTS / 8.0, REQUESTS * 2 / 8.0, REQUESTS * 5 / 8.0};
    double chiSquared = 0;
    for (int i = 0; i < observed.length; i++) {
      chiSquared += Math.pow(observed[i] - expected[i], 2) / expected[i];
    }
    System.out.printf("split over %d requests: one=%d two=%d five=%d, chi-squared=%.3f%n", REQUESTS, observed[0],
        observed[1], observed[2], chiSquared);
    assertThat(observed[0] + observed[1] + observed[2]).isEqualTo(REQUESTS);
    assertThat(requests(counters, "none")).as("a deployment with 0 replicas gets no traffic").isZero();
    assertThat(chiSquared).isLessThan(CHI_SQUARED_2DF_P001);
    Map<String, Long> replicas = counters.deployment(emulator.deploymentName("five")).requestsByReplica();
    assertThat(replicas).hasSize(5);
    double perReplica = observed[2] / 5.0;
    double replicaChiSquared = replicas.values().stream()
        .mapToDouble(n -> Math.pow(n - perReplica, 2) / perReplica).sum();
    System.out.printf("replicas of five: %s, chi-squared=%.3f%n", replicas, replicaChiSquared);
    assertThat(replicaChiSquared).as("replicas of one deployment share its traffic evenly")
        .isLessThan(CHI_SQUARED_4DF_P001);
  }

  @Test
  void scalingChangesTheSplit() throws Exception {
    try (FireworksEmulator scaled = FireworksEmulator.builder().deployment("a", 1).deployment("b", 1)
        .router("r", "a", "b").start()) {
      String body = "{\"replicaCount\":0}";
      HttpRequest scale = HttpRequest.newBuilder(URI.create(scaled.baseUri()
          + "/v1/accounts/emulator/deployments/b:scale"))
          .header("Authorization", "Bearer " + scaled.apiKey())
          .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build();
      assertThat(http.send(scale, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

      for (int i = 0; i < 50; i++) {
        http.send(request(scaled, "accounts/emulator/routers/r"), HttpResponse.BodyHandlers.ofString());
      }

      assertThat(requests(scaled.counters(), "a")).isEqualTo(50);
      assertThat(requests(scaled.counters(), "b")).isZero();
    }
  }

  @Test
  void evenLoadBalancesRequestsInFlightPerReplica() throws Exception {
    emulator.resetCounters();
    emulator.setLatency("one", LatencyModel.of(java.time.Duration.ofMillis(20), java.time.Duration.ZERO));
    emulator.setLatency("five", LatencyModel.of(java.time.Duration.ofMillis(20), java.time.Duration.ZERO));

    List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      inFlight.add(http.sendAsync(request(emulator, "accounts/emulator/routers/balanced"),
          HttpResponse.BodyHandlers.ofString()));
      if (inFlight.size() == 24) {
        for (CompletableFuture<HttpResponse<String>> f : inFlight) {
          assertThat(f.get().statusCode()).isEqualTo(200);
        }
        inFlight.clear();
      }
    }
    for (CompletableFuture<HttpResponse<String>> f : inFlight) {
      assertThat(f.get().statusCode()).isEqualTo(200);
    }

    long one = requests(emulator.counters(), "one");
    long five = requests(emulator.counters(), "five");
    System.out.printf("even load over 300 requests: one=%d five=%d%n", one, five);
    assertThat(one + five).isEqualTo(300);
    assertThat(five).as("the deployment with 5 replicas takes most of the load").isGreaterThan(one * 2);
  }

  private long requests(EmulatorCounters counters, String deployment) {
    return counters.deployment(emulator.deploymentName(deployment)).requests();
  }

  private static HttpRequest request(FireworksEmulator target, String model) {
    return HttpRequest.newBuilder(URI.create(target.inferenceUri() + "/chat/completions"))
        .header("Authorization", "Bearer " + target.apiKey())
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model
            + "\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
        .build();
  }
}
