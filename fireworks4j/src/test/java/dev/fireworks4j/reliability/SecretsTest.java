package dev.fireworks4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.RequestOptions;
import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.Endpoint;
import dev.fireworks4j.core.endpoint.EndpointResolver;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.error.ConfigurationException;
import dev.fireworks4j.core.error.UnexpectedStatusException;
import dev.fireworks4j.core.retry.RetryPolicy;
import dev.fireworks4j.core.testing.CapturedLogs;
import dev.fireworks4j.inference.chat.ChatCompletionChunk;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.directroute.DirectRouteHandle;
import dev.fireworks4j.inference.stream.StreamResponse;
import dev.fireworks4j.inference.testing.Fixtures;
import dev.fireworks4j.routers.model.Region;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API key and a direct-route key never show in logs at any level (every logger at TRACE, captured by
 * sdk-core's test provider, the only slf4j provider on this module's test class path), in {@code toString()}
 * or in exception messages and stack traces; each is sent only to its own endpoint, never along a redirect,
 * and never over plain http to a host that is not loopback.
 */
class SecretsTest {
  private static final String API_KEY = "fw-SECRET-api-key-7c1e";
  private static final String DIRECT_KEY = "dr-SECRET-direct-key-9a2b";
  private static final ChatCompletionParams CHAT =
      ChatCompletionParams.builder().model("accounts/acct/deployments/d1").addUserMessage("hi").build();

  private WireMockServer control;
  private WireMockServer direct;
  private WireMockServer elsewhere;
  private final List<Object> shown = new ArrayList<>();

  @BeforeEach
  void start() {
    control = server();
    direct = server();
    elsewhere = server();
    CapturedLogs.clear();
  }

  @AfterEach
  void stop() {
    control.stop();
    direct.stop();
    elsewhere.stop();
  }

  @Test
  void keysStayOutOfLogsTextAndErrorsAndGoOnlyToTheirOwnEndpoint() {
    direct.stubFor(post(urlPathMatching("/v1/chat/completions")).willReturn(aResponse()
        .withStatus(503).withHeader("x-request-id", "req-1").withBody("{\"error\":{\"message\":\"busy\"}}")));
    control.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
        .withBody("{\"code\":16,\"message\":\"invalid API key\"}")));
    try (Fireworks fw = client(endpoints(direct.baseUrl()))) {
      shown.add(fw);
      shown.add(fw.options());
      shown.add(fw.options().endpoints());
      shown.add(fw.options().endpoints().resolve(Plane.INFERENCE, CHAT.model()));
      shown.add(ApiKey.of(DIRECT_KEY));
      shown.add(RequestOptions.builder().header("x-trace", "t").build());
      attempt(() -> fw.chat().completions().create(CHAT));
      attempt(() -> fw.async().chat().completions().create(CHAT).join());
      attempt(() -> stream(fw));
      attempt(() -> fw.routers().get("r1"));
      attempt(() -> fw.async().routers().get("r1").join());
      direct.stubFor(post(urlPathMatching("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
          .withHeader("Content-Type", "text/event-stream").withBody(Fixtures.roleChunk() + Fixtures.DONE)));
      attempt(() -> stream(fw));
    }

    assertThat(CapturedLogs.text()).contains("Authorization: <redacted>").contains("<-- 503").contains("<-- 401");
    assertNoSecretIn(CapturedLogs.text());
    assertNoSecretIn(shown.stream().map(String::valueOf).collect(Collectors.joining("\n")));
    assertThat(bearers(direct)).containsOnly("Bearer " + DIRECT_KEY);
    assertThat(bearers(control)).containsOnly("Bearer " + API_KEY);
  }

  @Test
  void aRedirectToAnotherHostIsNotFollowedSoTheKeyCannotFollowIt() {
    for (int status : new int[] {301, 302, 307, 308}) {
      control.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
          .withHeader("Location", elsewhere.baseUrl() + "/v1/accounts/acct/routers/r1")));
      try (Fireworks fw = client(endpoints(direct.baseUrl()))) {
        attempt(() -> fw.routers().get("r1"));
      }
      assertThat(shown).last().isInstanceOf(UnexpectedStatusException.class);
      assertThat(((UnexpectedStatusException) shown.get(shown.size() - 1)).status()).isEqualTo(status);
    }
    assertThat(elsewhere.getAllServeEvents()).isEmpty();
    assertNoSecretIn(CapturedLogs.text());
  }

  @Test
  void keysAreNeverSentOverPlainHttpToAHostThatIsNotLoopback() {
    EndpointResolver remote = (plane, model) -> plane == Plane.CONTROL ? Endpoint.of(URI.create("http://example.com"))
        : Endpoint.of(URI.create("http://direct.example.com/v1"), ApiKey.of(DIRECT_KEY));
    try (Fireworks fw = client(remote)) {
      attempt(() -> fw.routers().get("r1"));
      attempt(() -> fw.chat().completions().create(CHAT));
    }

    assertThat(shown).hasSize(2).allSatisfy(e -> assertThat((Throwable) e)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("refusing to send the API key over plain http"));
    assertNoSecretIn(CapturedLogs.text());
  }

  @Test
  @SuppressWarnings("deprecation") // direct routes are deprecated by Fireworks; their keys must still not leak
  void aDirectRouteHandleKeepsItsKeyToItsOwnHost() {
    DirectRouteHandle handle = DirectRouteHandle.of("acct", "d1", Region.US_IOWA_1);
    EndpointResolver endpoints = handle.endpoints(ApiKey.of(DIRECT_KEY));

    assertThat(endpoints.resolve(Plane.INFERENCE, CHAT.model()).baseUri().getHost()).isEqualTo(handle.host());
    assertThat(endpoints.resolve(Plane.CONTROL, null).credential()).isEmpty();
    assertNoSecretIn(handle + " " + endpoints + " " + endpoints.resolve(Plane.INFERENCE, CHAT.model()));
  }

  private void attempt(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      shown.add(e);
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      assertNoSecretIn(trace.toString());
    }
  }

  private static void stream(Fireworks fw) {
    try (StreamResponse<ChatCompletionChunk> stream = fw.chat().completions().stream(CHAT)) {
      stream.forEach(chunk -> assertThat(chunk).isNotNull());
    }
  }

  private static void assertNoSecretIn(String text) {
    assertThat(text).doesNotContain(API_KEY).doesNotContain(DIRECT_KEY).doesNotContain("SECRET");
  }

  private static Set<String> bearers(WireMockServer server) {
    return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl())).stream()
        .map(LoggedRequest.class::cast).map(r -> r.getHeader("Authorization")).collect(Collectors.toSet());
  }

  private EndpointResolver endpoints(String directBase) {
    Endpoint controlPlane = Endpoint.of(URI.create(control.baseUrl()));
    Endpoint inference = Endpoint.of(URI.create(directBase + "/v1"), ApiKey.of(DIRECT_KEY));
    return (plane, model) -> plane == Plane.CONTROL ? controlPlane : inference;
  }

  private static Fireworks client(EndpointResolver endpoints) {
    Consumer<dev.fireworks4j.core.ClientOptions.Builder> fast = o -> o.retryPolicy(RetryPolicy.builder()
        .maxRetries(1).initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(2)).build());
    return Fireworks.builder().apiKey(API_KEY).accountId("acct").endpoints(endpoints)
        .streamIdleTimeout(Duration.ofSeconds(5)).options(fast).build();
  }

  private static WireMockServer server() {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    return server;
  }
}
