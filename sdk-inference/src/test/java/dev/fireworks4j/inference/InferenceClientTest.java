package dev.fireworks4j.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.EndpointResolver;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.error.ConfigurationException;
import dev.fireworks4j.core.http.SdkHttpRequest;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.completions.CompletionParams;
import dev.fireworks4j.inference.testing.FakeTransport;
import dev.fireworks4j.inference.testing.Fixtures;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InferenceClientTest {
  private static final ChatCompletionParams CHAT =
      ChatCompletionParams.builder().model("accounts/a/routers/r").addUserMessage("Hi").build();
  private static final CompletionParams COMPLETION = CompletionParams.builder().model("m").prompt("p").build();

  private static FakeTransport transport() {
    return new FakeTransport(request -> FakeTransport.json(200,
        request.uri().getPath().endsWith("/chat/completions") ? Fixtures.CHAT_COMPLETION : Fixtures.COMPLETION));
  }

  private static URI chatUri(EndpointResolver endpoints) {
    FakeTransport transport = transport();
    try (InferenceClient client = InferenceClient.builder().apiKey("k").endpoints(endpoints)
        .options(options -> options.transport(transport)).build()) {
      client.chat().completions().create(CHAT);
    }
    return transport.requests().get(0).uri();
  }

  @Test
  void inferenceFollowsTheConfiguredEndpoint() {
    assertThat(chatUri(Endpoints.api())).isEqualTo(URI.create("https://api.fireworks.ai/inference/v1/chat/completions"));
    assertThat(chatUri(Endpoints.aws())).isEqualTo(URI.create("https://aws.api.fireworks.ai/inference/v1/chat/completions"));
    assertThat(chatUri(Endpoints.gcp())).isEqualTo(URI.create("https://gcp.api.fireworks.ai/inference/v1/chat/completions"));
    assertThat(chatUri(Endpoints.custom(URI.create("https://proxy.example.com/fw"))))
        .isEqualTo(URI.create("https://proxy.example.com/fw/v1/chat/completions"));
    assertThat(chatUri(Endpoints.gateway(URI.create("http://127.0.0.1:9000"))))
        .isEqualTo(URI.create("http://127.0.0.1:9000/inference/v1/chat/completions"));
  }

  @Test
  void sendsEveryCallSyncAndAsyncOverOneTransportWithTheBuildersSettings() throws Exception {
    FakeTransport transport = transport();
    try (InferenceClient client = InferenceClient.builder().apiKey("k").accountId("acct").baseUrl("gcp")
        .timeout(Duration.ofSeconds(5)).streamIdleTimeout(Duration.ofSeconds(4)).maxRetries(0).header("x-team", "ml")
        .options(options -> options.transport(transport)).build()) {
      client.chat().completions().create(CHAT);
      client.completions().create(COMPLETION);
      InferenceAsyncClient async = client.async();
      assertThat(async.sync()).isSameAs(client);
      assertThat(client.async()).isSameAs(async);
      async.chat().completions().create(CHAT).get(5, TimeUnit.SECONDS);
      async.completions().create(COMPLETION).get(5, TimeUnit.SECONDS);
      assertThat(client.accountId()).isEqualTo("acct");
      assertThat(client.options().timeout()).isEqualTo(Duration.ofSeconds(5));
      assertThat(client.options().streamIdleTimeout()).isEqualTo(Duration.ofSeconds(4));
    }

    assertThat(transport.requests()).extracting(SdkHttpRequest::uri).extracting(URI::toString).containsExactly(
        "https://gcp.api.fireworks.ai/inference/v1/chat/completions",
        "https://gcp.api.fireworks.ai/inference/v1/completions",
        "https://gcp.api.fireworks.ai/inference/v1/chat/completions",
        "https://gcp.api.fireworks.ai/inference/v1/completions");
    assertThat(transport.requests()).allSatisfy(request -> {
      assertThat(request.headers().first("x-team")).contains("ml");
      assertThat(request.credential()).contains(ApiKey.of("k"));
    });
    assertThat(transport.closed()).isTrue();
  }

  @Test
  void theBuilderReadsTheEnvironmentVariablesItIsGiven() {
    FakeTransport transport = transport();
    try (InferenceClient client = InferenceClient.builder()
        .options(options -> options.fromEnv(Map.of("FIREWORKS_API_KEY", "env-key",
            "FIREWORKS_BASE_URL", "https://proxy.example.com")).transport(transport))
        .build()) {
      client.completions().create(COMPLETION);
    }
    assertThat(transport.requests().get(0).uri()).isEqualTo(URI.create("https://proxy.example.com/v1/completions"));
    assertThat(transport.requests().get(0).credential()).contains(ApiKey.of("env-key"));
  }

  @Test
  void aDerivedClientSharesTheTransportAndLeavesItOpen() {
    FakeTransport transport = transport();
    InferenceClient client = InferenceClient.builder().apiKey("original-key")
        .options(options -> options.transport(transport)).build();
    InferenceClient derived = client.withOptions(options -> options.apiKey("derived-key"));

    derived.chat().completions().create(CHAT);
    derived.close();
    assertThat(transport.closed()).isFalse();
    client.close();

    assertThat(transport.closed()).isTrue();
    assertThat(transport.requests().get(0).credential()).contains(ApiKey.of("derived-key"));
    assertThatThrownBy(() -> client.chat().completions().create(CHAT)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void neverPrintsTheApiKeyAndNamesWhatIsMissing() {
    try (InferenceClient client = InferenceClient.builder().apiKey("super-secret-key").build()) {
      assertThat(client.toString()).startsWith("InferenceClient{").doesNotContain("super-secret-key");
      assertThatThrownBy(client::accountId).isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("FIREWORKS_ACCOUNT_ID");
    }
    try (InferenceClient client = InferenceClient.builder().options(options -> options.transport(transport())).build()) {
      assertThatThrownBy(() -> client.chat().completions().create(CHAT)).isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("FIREWORKS_API_KEY");
    }
  }
}
