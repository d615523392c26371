package dev.fireworks4j.testkit;

import static dev.fireworks4j.testkit.spec.SpecClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.testkit.junit.EmulatedFireworks;
import dev.fireworks4j.testkit.spec.SpecClient;
import dev.fireworks4j.testkit.spec.SpecClient.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault injection and saturation: injected errors, dropped connections, stalled streams, 429s. */
@EmulatedFireworks(config = "two-deployments.json", resetBeforeEach = true)
class FaultsTest {
  private static final String CHAT = InferenceGatewayTest.CHAT;

  private final FireworksEmulator emulator;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private SpecClient api;

  FaultsTest(FireworksEmulator emulator) {
    this.emulator = emulator;
  }

  @BeforeEach
  void client() {
    api = new SpecClient(emulator);
  }

  private Response chat(String deployment, String extra) {
    return api.inference(CHAT).body(json(InferenceGatewayTest.chat("emulator/" + deployment, extra))).send();
  }

  @Test
  void injectedErrorsUseTheirStatusAndAreCounted() {
    emulator.setFaults("model-a", Faults.failing(503));

    Response r = chat("model-a", "");

    assertThat(r.status()).isEqualTo(503);
    assertThat(r.body().path("error").path("code").asText()).isEqualTo("UNAVAILABLE");
    assertThat(r.header("fireworks-deployment")).isEqualTo("accounts/emulator/deployments/model-a");
    assertThat(emulator.counters().deployment("accounts/emulator/deployments/model-a").faulted()).isEqualTo(1);
    emulator.setFaults("model-a", Faults.failing(429));
    Response limited = chat("model-a", "");
    assertThat(limited.body().path("error").asText()).isEqualTo("Too Many Requests");
    emulator.clearFaults("model-a");
    assertThat(chat("model-a", "").status()).isEqualTo(200);
  }

  @Test
  void errorRateIsASeededShare() {
    emulator.setFaults("model-a", Faults.builder().errorRate(0.25).errorStatus(500).build());

    int failed = 0;
    for (int i = 0; i < 400; i++) {
      failed += chat("model-a", ",\"max_tokens\":1").status() == 500 ? 1 : 0;
    }

    assertThat(failed).isBetween(70, 130);
    assertThat(emulator.counters().deployment("accounts/emulator/deployments/model-a").faulted()).isEqualTo(failed);
  }

  @Test
  void addedLatencyDelaysTheAnswer() {
    emulator.setFaults("model-a", Faults.builder().addedLatency(Duration.ofMillis(150)).build());

    long started = System.nanoTime();
    chat("model-a", "");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void droppedConnectionBeforeTheResponse() {
    emulator.setFaults("model-a", Faults.builder().dropRate(1).build());

    assertThatThrownBy(() -> chat("model-a", "")).isInstanceOf(UncheckedIOException.class);
    assertThat(chat("model-b", "").status()).isEqualTo(200);
  }

  @Test
  void droppedStreamEndsWithoutDone() throws Exception {
    emulator.setFaults("model-a", Faults.builder().dropRate(1).streamFaultAfterChunks(2).build());

    List<String> lines = new ArrayList<>();
    IOException failure = readStream("emulator/model-a", lines);

    assertThat(failure).isNotNull();
    assertThat(lines).filteredOn(l -> l.startsWith("data:")).hasSizeLessThanOrEqualTo(2);
    assertThat(lines).noneMatch(l -> l.contains("[DONE]"));
  }

  @Test
  void stalledStreamGoesSilentThenDrops() throws Exception {
    emulator.setFaults("model-a", Faults.builder().stallRate(1).streamFaultAfterChunks(1)
        .stallDuration(Duration.ofMillis(200)).build());

    List<String> lines = new ArrayList<>();
    long started = System.nanoTime();
    IOException failure = readStream("emulator/model-a", lines);

    assertThat(failure).isNotNull();
    assertThat(lines).filteredOn(l -> l.startsWith("data:")).hasSize(1);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(chat("model-a", "").status()).as("stalls apply to streams only").isEqualTo(200);
  }

  @Test
  void saturatedReplicasAnswer429() throws Exception {
    emulator.setConcurrencyLimit("model-b", 1);
    emulator.setLatency("model-b", LatencyModel.of(Duration.ofMillis(800), Duration.ZERO));
    CompletableFuture<HttpResponse<String>> slow = http.sendAsync(request("emulator/model-b", false),
        HttpResponse.BodyHandlers.ofString());
    while (emulator.counters().deployment("accounts/emulator/deployments/model-b").requestsByReplica().isEmpty()) {
      Thread.onSpinWait();
    }

    Response refused = chat("model-b", "");

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.body().path("message").asText()).contains("saturated");
    assertThat(refused.header("retry-after")).isEqualTo("1");
    assertThat(slow.get().statusCode()).isEqualTo(200);
    assertThat(emulator.counters().deployment("accounts/emulator/deployments/model-b").rateLimited()).isEqualTo(1);
  }

  private IOException readStream(String model, List<String> lines) throws InterruptedException {
    try {
      HttpResponse<java.io.InputStream> response = http.send(request(model, true),
          HttpResponse.BodyHandlers.ofInputStream());
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lines.add(line);
        }
      }
      return null;
    } catch (IOException e) {
      return e;
    }
  }

  private HttpRequest request(String model, boolean stream) {
    return HttpRequest.newBuilder(URI.create(emulator.inferenceUri() + "/chat/completions"))
        .header("Authorization", "Bearer " + emulator.apiKey())
        .POST(HttpRequest.BodyPublishers.ofString(InferenceGatewayTest.chat(model, ",\"stream\":" + stream)))
        .build();
  }
}
