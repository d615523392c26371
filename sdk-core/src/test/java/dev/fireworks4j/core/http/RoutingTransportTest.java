package dev.fireworks4j.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.Endpoint;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.endpoint.RoutingEndpointResolver;
import dev.fireworks4j.core.error.ConfigurationException;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.core.internal.ApiRequest;
import dev.fireworks4j.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutingTransportTest {
  private WireMockServer server;
  private final List<String> events = new ArrayList<>();

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  /** Two targets, "a" and "b" (b with its own key); picks "a" unless it is to be avoided. */
  private final class TwoTargets implements RoutingEndpointResolver {
    @Override
    public Endpoint resolve(Plane plane, String model) {
      return Endpoint.of(URI.create(server.baseUrl() + "/gateway"));
    }

    @Override
    public Route route(Plane plane, String model, Set<String> avoid) {
      String target = avoid.contains("a") ? "b" : "a";
      events.add("route " + target + " avoiding " + avoid);
      Endpoint endpoint = target.equals("a")
          ? Endpoint.of(URI.create(server.baseUrl() + "/a"))
          : Endpoint.of(URI.create(server.baseUrl() + "/b"), ApiKey.of("key-of-b"));
      return new Route() {
        @Override
        public Endpoint endpoint() {
          return endpoint;
        }

        @Override
        public String model() {
          return "accounts/x/deployments/" + target;
        }

        @Override
        public String target() {
          return target;
        }

        @Override
        public void onResponse(int status, Headers headers) {
          events.add(target + " responded " + status);
        }

        @Override
        public void onFailure(Throwable failure) {
          events.add(target + " failed");
        }

        @Override
        public void onComplete() {
          events.add(target + " complete");
        }
      };
    }
  }

  private ApiInvoker invoker(String apiKey) {
    ClientOptions.Builder options = ClientOptions.builder().endpoints(new TwoTargets())
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(1)).build());
    if (apiKey != null) {
      options.apiKey(apiKey);
    }
    return ApiInvoker.create(options.build());
  }

  private static ApiRequest chat() {
    return ApiRequest.builder(Plane.INFERENCE, "POST", "/chat/completions")
        .model("accounts/x/routers/r").body(Map.of("model", "accounts/x/routers/r", "n", 1)).build();
  }

  @Test
  void retryGoesToAnotherTargetWithItsModelAndKey() {
    server.stubFor(post("/a/chat/completions").willReturn(aResponse().withStatus(503)));
    server.stubFor(post("/b/chat/completions").willReturn(okJson("{\"ok\":true}")));
    try (ApiInvoker invoker = invoker("main-key")) {
      assertThat(invoker.execute(chat(), JsonNode.class).value().get("ok").asBoolean()).isTrue();
    }
    server.verify(postRequestedFor(urlEqualTo("/a/chat/completions"))
        .withHeader("Authorization", equalTo("Bearer main-key"))
        .withRequestBody(equalToJson("{\"model\":\"accounts/x/deployments/a\",\"n\":1}")));
    server.verify(postRequestedFor(urlEqualTo("/b/chat/completions"))
        .withHeader("Authorization", equalTo("Bearer key-of-b"))
        .withRequestBody(equalToJson("{\"model\":\"accounts/x/deployments/b\",\"n\":1}")));
    assertThat(events).containsExactly("route a avoiding []", "a responded 503", "a complete",
        "route b avoiding [a]", "b responded 200", "b complete");
  }

  @Test
  void streamCompletesWhenClosed() {
    server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("data: [DONE]\n\n")));
    try (ApiInvoker invoker = invoker("main-key")) {
      StreamingHttpResponse response = invoker.stream(chat());
      assertThat(events).containsExactly("route a avoiding []", "a responded 200");
      response.close();
      response.close();
      assertThat(events).endsWith("a complete").filteredOn(e -> e.endsWith("complete")).hasSize(1);
    }
  }

  @Test
  void connectionFailureIsReportedAndAvoided() {
    server.stubFor(post("/a/chat/completions").willReturn(aResponse()
        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    server.stubFor(post("/b/chat/completions").willReturn(okJson("{}")));
    try (ApiInvoker invoker = invoker("main-key")) {
      invoker.executeAsync(chat(), JsonNode.class).join();
    }
    assertThat(events).containsExactly("route a avoiding []", "a failed", "route b avoiding [a]", "b responded 200",
        "b complete");
  }

  @Test
  void routeWithoutKeyNeedsTheClientKey() {
    server.stubFor(post(anyUrl()).willReturn(okJson("{}")));
    try (ApiInvoker invoker = invoker(null)) {
      assertThatThrownBy(() -> invoker.execute(chat(), JsonNode.class))
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("FIREWORKS_API_KEY");
    }
    server.verify(0, postRequestedFor(anyUrl()));
    assertThat(events).containsExactly("route a avoiding []", "a failed");
  }
}
