package dev.fireworks4j.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.RequestOptions;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.error.AuthenticationException;
import dev.fireworks4j.core.error.ConfigurationException;
import dev.fireworks4j.core.error.ConnectionException;
import dev.fireworks4j.core.error.FireworksTimeoutException;
import dev.fireworks4j.core.error.InvalidResponseException;
import dev.fireworks4j.core.error.NotFoundException;
import dev.fireworks4j.core.error.RateLimitException;
import dev.fireworks4j.core.http.ApiResponse;
import dev.fireworks4j.core.http.StreamingHttpResponse;
import dev.fireworks4j.core.retry.RetryPolicy;
import dev.fireworks4j.core.testing.CapturedLogs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiInvokerTest {
  private static final String KEY = "fw_SECRET_key_123";
  private WireMockServer server;
  private ApiInvoker invoker;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    invoker = ApiInvoker.create(options().build());
    CapturedLogs.clear();
  }

  @AfterEach
  void stop() {
    invoker.close();
    server.stop();
  }

  private ClientOptions.Builder options() {
    return ClientOptions.builder()
        .apiKey(KEY)
        .accountId("acct")
        .endpoints(Endpoints.gateway(URI.create(server.baseUrl())))
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(2)).build());
  }

  private static ApiRequest getRouter() {
    return ApiRequest.builder(Plane.CONTROL, "GET", "/v1/accounts/acct/routers/r1").build();
  }

  @Test
  void sendsAuthHeadersQueryAndBody() {
    server.stubFor(post(urlPathEqualTo("/v1/accounts/acct/routers")).willReturn(okJson("{\"name\":\"n\"}")));
    ApiInvoker custom = invoker.withOptions(options().header("X-Team", "blue").build());
    ApiRequest request = ApiRequest.builder(Plane.CONTROL, "POST", "/v1/accounts/acct/routers")
        .query("routerId", "ab-test")
        .query("filter", "state = \"READY\" & x")
        .query("skipped", null)
        .body(Map.of("displayName", "A/B"))
        .options(RequestOptions.builder().header("X-Call", "1").build())
        .build();

    ApiResponse<JsonNode> response = custom.execute(request, JsonNode.class);

    assertThat(response.value().get("name").asText()).isEqualTo("n");
    server.verify(postRequestedFor(urlEqualTo(
            "/v1/accounts/acct/routers?routerId=ab-test&filter=state%20%3D%20%22READY%22%20%26%20x"))
        .withHeader("Authorization", equalTo("Bearer " + KEY))
        .withHeader("Content-Type", equalTo("application/json"))
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("User-Agent", equalTo(ClientOptions.builder().build().userAgent()))
        .withHeader("X-Team", equalTo("blue"))
        .withHeader("X-Call", equalTo("1"))
        .withRequestBody(equalToJson("{\"displayName\":\"A/B\"}")));
  }

  @Test
  void inferenceGoesToTheInferenceBase() {
    server.stubFor(post("/inference/v1/chat/completions").willReturn(okJson("{}")));
    invoker.execute(ApiRequest.builder(Plane.INFERENCE, "POST", "/chat/completions").body(Map.of()).build(),
        JsonNode.class);
    server.verify(postRequestedFor(urlEqualTo("/inference/v1/chat/completions")));
  }

  @Test
  void errorStatusBecomesTypedExceptionWithRequestId() {
    server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404).withHeader("x-request-id", "rid-7")
        .withBody("{\"code\": 5, \"message\": \"router r1 not found\", \"details\": []}")));

    assertThatThrownBy(() -> invoker.execute(getRouter(), JsonNode.class))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("404 Not Found: router r1 not found (code NOT_FOUND) [request id rid-7]");
    server.verify(1, getRequestedFor(anyUrl()));
  }

  @Test
  void retriesTransientFailuresThenSucceeds() {
    server.stubFor(get(anyUrl()).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("503"));
    server.stubFor(get(anyUrl()).inScenario("flaky").whenScenarioStateIs("503")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
    server.stubFor(get(anyUrl()).inScenario("flaky").whenScenarioStateIs("ok").willReturn(okJson("{\"ok\":1}")));

    assertThat(invoker.execute(getRouter(), JsonNode.class).value().get("ok").asInt()).isEqualTo(1);
    server.verify(3, getRequestedFor(anyUrl()));
  }

  @Test
  void rateLimitAfterRetriesCarriesRetryAfter() {
    server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("retry-after-ms", "1")
        .withBody("{\"error\": \"Too Many Requests\", \"message\": \"slow down\"}")));
    assertThatThrownBy(() -> invoker.execute(getRouter(), JsonNode.class))
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.retryAfter()).contains(Duration.ofMillis(1));
          assertThat(e.serverMessage()).contains("slow down");
        });
    server.verify(3, getRequestedFor(anyUrl()));
  }

  @Test
  void nonJsonSuccessBodyIsATypedError() {
    server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("x-request-id", "r9")
        .withBody("<html>oops</html>")));
    assertThatThrownBy(() -> invoker.execute(getRouter(), JsonNode.class))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("could not read the response body")
        .hasMessageContaining("request id r9");

    server.stubFor(get(anyUrl()).willReturn(okJson("{\"name\": \"trunc")));
    assertThatThrownBy(() -> invoker.execute(getRouter(), JsonNode.class)).isInstanceOf(InvalidResponseException.class);
  }

  @Test
  void slowResponseHitsTheAttemptTimeout() throws InterruptedException {
    server.stubFor(get(anyUrl()).willReturn(okJson("{}").withFixedDelay(2_000)));
    ApiRequest request = ApiRequest.builder(Plane.CONTROL, "GET", "/v1/x")
        .options(RequestOptions.builder().timeout(Duration.ofMillis(150)).maxRetries(1).build()).build();
    assertThatThrownBy(() -> invoker.execute(request, JsonNode.class))
        .isInstanceOf(FireworksTimeoutException.class)
        .hasMessageContaining("attempt timeout");
    // the server may log the second request only after the client gave up on it: on a busy machine, later
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (server.findAll(getRequestedFor(anyUrl())).size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    server.verify(2, getRequestedFor(anyUrl()));
  }

  @Test
  void bodyThatStallsAfterTheHeadersHitsTheAttemptTimeout() {
    server.stubFor(get(anyUrl()).willReturn(okJson("{\"slow\": \"" + "x".repeat(2000) + "\"}")
        .withChunkedDribbleDelay(20, 3_000)));
    ApiRequest request = ApiRequest.builder(Plane.CONTROL, "GET", "/v1/x")
        .options(RequestOptions.builder().timeout(Duration.ofMillis(300)).maxRetries(0).build()).build();
    long start = System.nanoTime();
    assertThatThrownBy(() -> invoker.execute(request, JsonNode.class))
        .isInstanceOf(FireworksTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
  }

  @Test
  void totalTimeoutBoundsAllAttempts() {
    server.stubFor(get(anyUrl()).willReturn(okJson("{}").withFixedDelay(2_000)));
    ApiRequest request = ApiRequest.builder(Plane.CONTROL, "GET", "/v1/x")
        .options(RequestOptions.builder().timeout(Duration.ofSeconds(1)).totalTimeout(Duration.ofMillis(300))
            .maxRetries(5).build()).build();
    long start = System.nanoTime();
    assertThatThrownBy(() -> invoker.execute(request, JsonNode.class))
        .isInstanceOf(FireworksTimeoutException.class)
        .hasMessageContaining("total timeout of PT0.3S exceeded");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void refusedConnectionIsTypedAndKnownNotToHaveReachedTheServer() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (ApiInvoker refused = ApiInvoker.create(options()
        .endpoints(Endpoints.gateway(URI.create("http://127.0.0.1:" + closedPort))).maxRetries(0).build())) {
      assertThatThrownBy(() -> refused.execute(getRouter(), JsonNode.class))
          .isInstanceOfSatisfying(ConnectionException.class, e -> assertThat(e.mayHaveReachedServer()).isFalse());
    }
  }

  @Test
  void decodesGzipBodies() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write("{\"zipped\":true}".getBytes(StandardCharsets.UTF_8));
    }
    server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Encoding", "gzip")
        .withHeader("Content-Type", "application/json").withBody(gz.toByteArray())));
    assertThat(invoker.execute(getRouter(), JsonNode.class).value().get("zipped").asBoolean()).isTrue();
    server.verify(getRequestedFor(anyUrl()).withHeader("Accept-Encoding", equalTo("gzip")));
  }

  @Test
  void asyncExecutionMapsErrors() {
    server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"message\":\"bad key\","
        + "\"code\":\"UNAUTHORIZED\"}}")));
    assertThatThrownBy(() -> invoker.executeAsync(getRouter(), invoker.mapper().constructType(JsonNode.class)).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(AuthenticationException.class);
    server.verify(1, getRequestedFor(anyUrl()));
  }

  @Test
  void streamWithErrorStatusThrowsWithTheBody() {
    server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":{\"message\":\"stream refused\",\"code\":\"INVALID_ARGUMENT\"}}")));
    ApiRequest request = ApiRequest.builder(Plane.INFERENCE, "POST", "/chat/completions").body(Map.of()).build();
    assertThatThrownBy(() -> invoker.stream(request)).hasMessageContaining("stream refused");

    server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("data: [DONE]\n\n")));
    try (StreamingHttpResponse response = invoker.stream(request)) {
      assertThat(response.readTextAndClose(100)).isEqualTo("data: [DONE]\n\n");
    }
  }

  @Test
  void missingApiKeyFailsAtRequestTimeNamingTheVariable() {
    ApiInvoker keyless = ApiInvoker.create(ClientOptions.builder()
        .endpoints(Endpoints.gateway(URI.create(server.baseUrl()))).build());
    assertThatThrownBy(() -> keyless.execute(getRouter(), JsonNode.class))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("FIREWORKS_API_KEY");
    server.verify(0, getRequestedFor(anyUrl()));
  }

  @Test
  void refusesToSendTheKeyOverPlainHttpToARemoteHost() {
    ApiInvoker insecure = ApiInvoker.create(options()
        .endpoints(Endpoints.gateway(URI.create("http://api.example.com"))).build());
    assertThatThrownBy(() -> insecure.execute(getRouter(), JsonNode.class))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("refusing to send the API key over plain http to api.example.com")
        .hasMessageNotContaining(KEY);
  }

  @Test
  void closedClientFailsClearlyAndDerivedClientsDoNotCloseTheShared() {
    server.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    ApiInvoker derived = invoker.withOptions(options().build());
    derived.execute(getRouter(), JsonNode.class);
    derived.close();
    invoker.execute(getRouter(), JsonNode.class);

    invoker.close();
    assertThatThrownBy(() -> invoker.execute(getRouter(), JsonNode.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void asyncCallsOnAClosedClientThatNeverSentFailTheirFutureInsteadOfThrowing() {
    ApiInvoker unused = ApiInvoker.create(options().build());
    unused.close();

    assertThat(unused.executeAsync(getRouter(), JsonNode.class)).failsWithin(Duration.ofSeconds(5))
        .withThrowableThat().havingRootCause().isInstanceOf(IllegalStateException.class)
        .withMessageContaining("closed");
    assertThat(unused.streamAsync(getRouter())).failsWithin(Duration.ofSeconds(5))
        .withThrowableThat().havingRootCause().isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theKeyNeverAppearsInLogsExceptionsOrToString() {
    server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500).withHeader("x-request-id", "r1")
        .withBody("{\"error\":{\"message\":\"boom\"}}")));
    Throwable failure = null;
    try {
      invoker.execute(getRouter(), JsonNode.class);
    } catch (RuntimeException e) {
      failure = e;
    }

    assertThat(failure).isNotNull();
    String logs = CapturedLogs.text();
    assertThat(logs).contains("--> GET").contains("<-- 500").contains("Authorization: <redacted>")
        .contains("retrying");
    assertThat(logs).doesNotContain(KEY);
    assertThat(String.valueOf(failure)).doesNotContain(KEY);
    assertThat(invoker.options().toString()).doesNotContain(KEY).contains("apiKey=<set>");
    assertThat(invoker.options().requireApiKey().toString()).isEqualTo("ApiKey[redacted]");
  }
}
