package dev.fireworks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.testkit.junit.EmulatedFireworks;
import dev.fireworks4j.testkit.spec.SpecClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The admin API over HTTP and its Java twin. */
@EmulatedFireworks(config = "two-deployments.json", resetBeforeEach = true)
class AdminApiTest {
  private final FireworksEmulator emulator;
  private final HttpClient http = HttpClient.newHttpClient();

  AdminApiTest(FireworksEmulator emulator) {
    this.emulator = emulator;
  }

  private HttpResponse<String> admin(String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/admin/" + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private int chat(String model) {
    return new SpecClient(emulator).inference(InferenceGatewayTest.CHAT)
        .body(SpecClient.json(InferenceGatewayTest.chat(model, ""))).send().status();
  }

  @Test
  void countersAndTheirReset() throws Exception {
    chat("emulator/model-a");
    chat("emulator/model-a");

    JsonNode counters = SpecClient.json(admin("GET", "counters", null).body());
    assertThat(counters.path("requests").asLong()).isEqualTo(2);
    JsonNode a = counters.path("deployments").path("accounts/emulator/deployments/model-a");
    assertThat(a.path("requests").asLong()).isEqualTo(2);
    assertThat(a.path("completed").asLong()).isEqualTo(2);
    assertThat(a.path("requestsByReplica").size()).isEqualTo(2);
    assertThat(counters.path("requestsByRouter").path("accounts/emulator/routers/model-a-auto").asLong()).isEqualTo(2);

    assertThat(admin("POST", "counters:reset", "").statusCode()).isEqualTo(200);
    assertThat(emulator.counters().requests()).isZero();
  }

  @Test
  void faultsAndProfilesOverHttp() throws Exception {
    HttpResponse<String> set = admin("PUT", "deployments/emulator/model-a/faults",
        "{\"errorRate\":1,\"errorStatus\":502}");
    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(emulator.profile("model-a").faults().errorStatus()).isEqualTo(502);
    assertThat(chat("emulator/model-a")).isEqualTo(502);

    assertThat(admin("DELETE", "deployments/emulator/model-a/faults", null).statusCode()).isEqualTo(200);
    assertThat(chat("emulator/model-a")).isEqualTo(200);

    HttpResponse<String> profile = admin("PUT", "deployments/emulator/model-a/profile",
        "{\"timeToFirstToken\":\"20ms\",\"perToken\":\"0.001s\",\"maxConcurrentRequests\":3,"
            + "\"streamQuirks\":[\"NO_USAGE\"]}");
    assertThat(profile.statusCode()).isEqualTo(200);
    ServingProfile p = emulator.profile("accounts/emulator/deployments/model-a");
    assertThat(p.latency()).isEqualTo(LatencyModel.of(Duration.ofMillis(20), Duration.ofMillis(1)));
    assertThat(p.maxConcurrentRequests()).isEqualTo(3);
    assertThat(p.streamQuirks()).containsExactly(StreamQuirk.NO_USAGE);
    JsonNode read = SpecClient.json(admin("GET", "deployments/emulator/model-a/profile", null).body());
    assertThat(read.path("timeToFirstToken").asText()).isEqualTo("0.020s");
    assertThat(read.path("faults").path("errorRate").asDouble()).isZero();
  }

  @Test
  void badAdminRequests() throws Exception {
    assertThat(admin("PUT", "deployments/emulator/model-a/faults", "{\"errorRate\":2}").statusCode()).isEqualTo(400);
    assertThat(admin("PUT", "deployments/emulator/model-a/faults", "{\"oops\":1}").body()).contains("oops");
    assertThat(admin("PUT", "deployments/emulator/model-a/profile", "{\"streamQuirks\":[\"NOPE\"]}").statusCode())
        .isEqualTo(400);
    assertThat(admin("POST", "counters", "").statusCode()).isEqualTo(405);
    assertThat(admin("GET", "nothing/here", null).statusCode()).isEqualTo(404);
    assertThat(admin("POST", "deployments/emulator/model-a/profile", "{}").statusCode()).isEqualTo(405);
  }

  @Test
  void resetRestoresTheStartStateAndSettleCompletesTransitions() throws Exception {
    SpecClient api = new SpecClient(emulator);
    api.control("DELETE", DeploymentsApiTest.ITEM).path("emulator", "model-b").send();
    emulator.setFaults("model-a", Faults.failing(500));
    String before = chatContent();

    assertThat(admin("POST", "reset", "").statusCode()).isEqualTo(200);

    assertThat(api.control("GET", DeploymentsApiTest.ITEM).path("emulator", "model-b").send().body()
        .path("state").asText()).isEqualTo("READY");
    assertThat(emulator.profile("model-a").faults()).isEqualTo(Faults.none());
    assertThat(chatContent()).as("random sources are back at their seeds").isEqualTo(before);
    assertThat(admin("POST", "settle", "").statusCode()).isEqualTo(200);
  }

  private String chatContent() {
    emulator.clearFaults("model-a");
    return new SpecClient(emulator).inference(InferenceGatewayTest.CHAT)
        .body(SpecClient.json(InferenceGatewayTest.chat("emulator/model-b", ""))).send().header("x-request-id");
  }
}
