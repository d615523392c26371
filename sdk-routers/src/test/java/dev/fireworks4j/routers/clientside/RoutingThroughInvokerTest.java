package dev.fireworks4j.routers.clientside;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.fireworks4j.routers.clientside.FakeTopology.ALIAS;
import static dev.fireworks4j.routers.clientside.FakeTopology.name;
import static dev.fireworks4j.routers.clientside.FakeTopology.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.http.StreamingHttpResponse;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.core.internal.ApiRequest;
import dev.fireworks4j.core.model.State;
import dev.fireworks4j.core.retry.RetryPolicy;
import dev.fireworks4j.routers.picker.TargetStats;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The router inside the SDK's request pipeline: retries, model rewriting, credentials, streams. */
class RoutingThroughInvokerTest {
  private static final String CHAT = "/inference/v1/chat/completions";
  private final FakeTopology topology = new FakeTopology();
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private ClientSideRouter.Builder router() {
    return topology.router().endpoints(Endpoints.gateway(URI.create(server.baseUrl())))
        .directRouteUri(handle -> URI.create(server.baseUrl() + "/direct/" + handle + "/v1"));
  }

  private static ApiInvoker invoker(ClientSideRouter router) {
    return ApiInvoker.create(ClientOptions.builder().apiKey("main-key").endpoints(router).retryPolicy(
        RetryPolicy.builder().maxRetries(3).initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(1))
            .build()).build());
  }

  private static ApiRequest chat(String model) {
    return ApiRequest.builder(Plane.INFERENCE, "POST", "/chat/completions").model(model)
        .body(Map.of("model", model, "messages", List.of(Map.of("role", "user", "content", "hi")))).build();
  }

  private void deploymentAnswers(String deployment, int status) {
    server.stubFor(post(CHAT).withRequestBody(matchingJsonPath("$.model", equalTo(deployment)))
        .willReturn(aResponse().withStatus(status).withHeader("fireworks-num-concurrent-requests", "1")
            .withHeader("Content-Type", "application/json").withBody("{\"served_by\":\"" + deployment + "\"}")));
  }

  @Test
  void aFailingDeploymentIsRetriedElsewhereAndEjected() {
    topology.set(ready("a", 3), ready("b", 1));
    deploymentAnswers(name("a"), 200);
    deploymentAnswers(name("b"), 500);
    try (ClientSideRouter router = router().build(); ApiInvoker invoker = invoker(router)) {
      for (int i = 0; i < 40; i++) {
        JsonNode answer = invoker.execute(chat(ALIAS), JsonNode.class).value();
        assertThat(answer.get("served_by").asText()).isEqualTo(name("a"));
      }
      TargetStats a = router.stats().get(name("a"));
      TargetStats b = router.stats().get(name("b"));
      assertThat(a.requests()).isEqualTo(40);
      assertThat(b.failures()).isEqualTo(b.requests()).isEqualTo(5);
      assertThat(b.ejected()).isTrue();
      assertThat(a.inFlight() + b.inFlight()).isZero();
    }
    server.verify(45, postRequestedFor(urlEqualTo(CHAT)).withHeader("Authorization", equalTo("Bearer main-key")));
  }

  @Test
  void theGatewayGetsTheDeploymentAsModel() {
    topology.set(ready("a", 1));
    deploymentAnswers(name("a"), 200);
    server.stubFor(post(CHAT).atPriority(10).willReturn(okJson("{}")));
    try (ClientSideRouter router = router().build(); ApiInvoker invoker = invoker(router)) {
      invoker.execute(chat("acct/r"), JsonNode.class);
      invoker.execute(chat("accounts/fireworks/models/other"), JsonNode.class);
      assertThat(router.stats().get(name("a")).requests()).isEqualTo(1);
    }
    server.verify(postRequestedFor(urlEqualTo(CHAT))
        .withRequestBody(equalToJson("{\"model\":\"accounts/acct/deployments/a\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"hi\"}]}")));
    server.verify(postRequestedFor(urlEqualTo(CHAT))
        .withRequestBody(matchingJsonPath("$.model", equalTo("accounts/fireworks/models/other"))));
  }

  @Test
  void aConnectionFailureIsRetriedOnAnotherDeployment() {
    topology.set(ready("a", 1), ready("b", 1));
    server.stubFor(post(CHAT).withRequestBody(matchingJsonPath("$.model", equalTo(name("a"))))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    deploymentAnswers(name("b"), 200);
    try (ClientSideRouter router = router().build(); ApiInvoker invoker = invoker(router)) {
      for (int i = 0; i < 10; i++) {
        assertThat(invoker.executeAsync(chat(ALIAS), JsonNode.class).join().value().get("served_by").asText())
            .isEqualTo(name("b"));
      }
      assertThat(router.stats().get(name("a")).failures()).isPositive();
      assertThat(router.stats().get(name("b")).requests()).isEqualTo(10);
    }
  }

  @Test
  void directRoutesGetTheirOwnKeys() {
    String handle = "acct-a.us-iowa-1.direct.fireworks.ai";
    topology.set(ready("a", 1).withDirectRoute(handle, ApiKey.of("direct-key-a")));
    server.stubFor(post("/direct/" + handle + "/v1/chat/completions").willReturn(okJson("{}")));
    try (ClientSideRouter router = router().mode(RoutingMode.DIRECT_ROUTE).build();
         ApiInvoker invoker = invoker(router)) {
      invoker.execute(chat(ALIAS), JsonNode.class);
    }
    server.verify(1, anyRequestedFor(anyUrl()));
    server.verify(postRequestedFor(urlEqualTo("/direct/" + handle + "/v1/chat/completions"))
        .withHeader("Authorization", equalTo("Bearer direct-key-a"))
        .withRequestBody(matchingJsonPath("$.model", equalTo(name("a")))));
  }

  @Test
  void noCapacityFailsTheCallWithoutSendingIt() {
    topology.set(RoutedDeployment.of(name("a"), State.CREATING, 1));
    try (ClientSideRouter router = router().build(); ApiInvoker invoker = invoker(router)) {
      assertThatThrownBy(() -> invoker.execute(chat(ALIAS), JsonNode.class))
          .isInstanceOf(NoCapacityException.class).hasMessageContaining("accounts/acct/deployments/a: CREATING");
      assertThatThrownBy(() -> invoker.executeAsync(chat(ALIAS), JsonNode.class).join())
          .hasCauseInstanceOf(NoCapacityException.class);
    }
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aStreamIsInFlightUntilClosed() throws Exception {
    topology.set(ready("a", 1));
    server.stubFor(post(CHAT).willReturn(aResponse().withStatus(200).withBody("data: [DONE]\n\n")));
    try (ClientSideRouter router = router().build(); ApiInvoker invoker = invoker(router)) {
      StreamingHttpResponse stream = invoker.stream(chat(ALIAS));
      assertThat(router.stats().get(name("a")).inFlight()).isEqualTo(1);
      stream.body().readAllBytes();
      stream.close();
      assertThat(router.stats().get(name("a")).inFlight()).isZero();
    }
  }
}
