package dev.fireworks4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.error.ConfigurationException;
import dev.fireworks4j.core.http.SdkHttpRequest;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.completions.CompletionParams;
import dev.fireworks4j.inference.testing.FakeTransport;
import dev.fireworks4j.inference.testing.Fixtures;
import dev.fireworks4j.routers.model.DeploymentListParams;
import dev.fireworks4j.routers.model.RouterListParams;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FireworksTest {
  private static final ChatCompletionParams CHAT =
      ChatCompletionParams.builder().model("accounts/a/routers/r").addUserMessage("Hi").build();

  private static FakeTransport transport() {
    return new FakeTransport(request -> {
      String path = request.uri().getPath();
      if (path.endsWith("/routers")) {
        return FakeTransport.json(200, "{\"routers\":[]}");
      }
      if (path.endsWith("/deployments")) {
        return FakeTransport.json(200, "{\"deployments\":[]}");
      }
      return FakeTransport.json(200, path.endsWith("/chat/completions") ? Fixtures.CHAT_COMPLETION : Fixtures.COMPLETION);
    });
  }

  @Test
  void theBuilderReadsTheEnvironmentVariablesItIsGiven() {
    FakeTransport transport = transport();
    try (Fireworks client = Fireworks.builder()
        .options(options -> options.fromEnv(Map.of("FIREWORKS_API_KEY", "env-key", "FIREWORKS_ACCOUNT_ID", "env-acct",
            "FIREWORKS_BASE_URL", "https://proxy.example.com")).transport(transport))
        .build()) {
      assertThat(client.accountId()).isEqualTo("env-acct");
      client.completions().create(CompletionParams.builder().model("m").prompt("p").build());
      client.routers().list().forEach(router -> { });
    }

    assertThat(transport.requests()).extracting(SdkHttpRequest::uri).containsExactly(
        URI.create("https://proxy.example.com/v1/completions"),
        URI.create("https://proxy.example.com/v1/accounts/env-acct/routers"));
    assertThat(transport.requests()).allSatisfy(request -> assertThat(request.credential()).contains(ApiKey.of("env-key")));
  }

  @Test
  void fromEnvMatchesTheEnvironmentOptions() {
    try (Fireworks client = Fireworks.fromEnv()) {
      assertThat(client.options().apiKey().isPresent()).isEqualTo(ClientOptions.fromEnv().apiKey().isPresent());
      assertThat(client.options().accountId()).isEqualTo(ClientOptions.fromEnv().accountId());
    }
  }

  @Test
  void reachesEveryResourceSyncAndAsyncOverOneTransport() throws Exception {
    FakeTransport transport = transport();
    try (Fireworks client = Fireworks.builder().apiKey("k").accountId("acct").baseUrl("aws")
        .timeout(Duration.ofSeconds(5)).streamIdleTimeout(Duration.ofSeconds(5)).maxRetries(0).header("x-team", "ml")
        .options(options -> options.transport(transport)).build()) {
      client.routers().list().forEach(router -> { });
      client.deployments().list().forEach(deployment -> { });
      client.chat().completions().create(CHAT);
      client.completions().create(CompletionParams.builder().model("m").prompt("p").build());
      FireworksAsync async = client.async();
      assertThat(async.sync()).isSameAs(client);
      assertThat(client.async()).isSameAs(async);
      async.chat().completions().create(CHAT).get(5, TimeUnit.SECONDS);
      async.completions().create(CompletionParams.builder().model("m").prompt("p").build()).get(5, TimeUnit.SECONDS);
      assertThat(async.routers().listAll(RouterListParams.builder().build()).get(5, TimeUnit.SECONDS)).isEmpty();
      assertThat(async.deployments().listAll(DeploymentListParams.builder().build()).get(5, TimeUnit.SECONDS)).isEmpty();
      assertThat(client.options().streamIdleTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    assertThat(transport.requests()).extracting(request -> request.uri().getHost()).containsOnly("aws.api.fireworks.ai");
    assertThat(transport.requests()).extracting(request -> request.uri().getPath()).contains(
        "/v1/accounts/acct/routers", "/v1/accounts/acct/deployments", "/inference/v1/chat/completions",
        "/inference/v1/completions");
    assertThat(transport.requests()).allSatisfy(request -> assertThat(request.headers().first("x-team")).contains("ml"));
    assertThat(transport.closed()).isTrue();
  }

  @Test
  void derivedClientsShareTheTransportAndLeaveItOpen() {
    FakeTransport transport = transport();
    Fireworks client = Fireworks.builder().apiKey("original-key").options(options -> options.transport(transport)).build();
    Fireworks derived = client.withOptions(options -> options.apiKey("derived-key").endpoints(Endpoints.gcp()));

    derived.chat().completions().create(CHAT);
    derived.close();
    assertThat(transport.closed()).isFalse();
    client.chat().completions().create(CHAT);
    client.close();

    assertThat(transport.closed()).isTrue();
    assertThat(transport.requests().get(0).uri().getHost()).isEqualTo("gcp.api.fireworks.ai");
    assertThat(transport.requests().get(0).credential()).contains(ApiKey.of("derived-key"));
    assertThat(transport.requests().get(1).uri().getHost()).isEqualTo("api.fireworks.ai");
    assertThat(transport.requests().get(1).credential()).contains(ApiKey.of("original-key"));
    assertThatThrownBy(() -> client.chat().completions().create(CHAT)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void neverPrintsTheApiKeyAndNamesWhatIsMissing() {
    try (Fireworks client = Fireworks.builder().apiKey("super-secret-key").build()) {
      assertThat(client.toString()).doesNotContain("super-secret-key");
      assertThatThrownBy(client::accountId).isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("FIREWORKS_ACCOUNT_ID");
    }
    try (Fireworks client = Fireworks.builder().options(options -> options.transport(transport())).build()) {
      assertThatThrownBy(() -> client.chat().completions().create(CHAT)).isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("FIREWORKS_API_KEY");
    }
  }
}
