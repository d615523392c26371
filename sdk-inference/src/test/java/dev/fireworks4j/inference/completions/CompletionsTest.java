package dev.fireworks4j.inference.completions;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.fireworks4j.inference.InferenceClient;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.core.name.DeploymentName;
import dev.fireworks4j.inference.LogProbs;
import dev.fireworks4j.inference.RawResponse;
import dev.fireworks4j.inference.ReasoningEffort;
import dev.fireworks4j.inference.testing.Fixtures;
import dev.fireworks4j.inference.testing.SpecValidator;
import dev.fireworks4j.inference.testing.TestClients;
import dev.fireworks4j.inference.testing.WireMockSupport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompletionsTest {
  private static WireMockServer server;
  private static InferenceClient client;

  @BeforeAll
  static void start() {
    server = WireMockSupport.start();
    client = TestClients.gateway(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    client.close();
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
    server.stubFor(post(urlEqualTo("/inference/v1/completions"))
        .willReturn(okJson(Fixtures.COMPLETION).withHeader("x-request-id", "req-c")));
  }

  @Test
  void sendsEachPromptShapeAsTheSpecDescribes() {
    List<Prompt> prompts = List.of(Prompt.of("Once upon"), Prompt.of(List.of("a", "b")),
        Prompt.tokens(List.of(1, 2, 3)), Prompt.tokenBatches(List.of(List.of(1), List.of(2, 3))));
    for (Prompt prompt : prompts) {
      server.resetRequests();
      client.completions().create(CompletionParams.builder()
          .model(DeploymentName.of("my-account", "model-a"))
          .prompt(prompt)
          .maxTokens(5).temperature(0).topK(1).logprobs(2).echo(true).addStop("\n")
          .reasoningEffort(ReasoningEffort.enabled(false))
          .addImage("data:image/jpeg;base64,AAAA")
          .build());

      JsonNode body = WireMockSupport.onlyRequestBody(server);
      assertThat(SpecValidator.inference().validate("CompletionRequest", body)).as(prompt.toString()).isEmpty();
      assertThat(body.get("prompt")).isEqualTo(prompt.json());
      assertThat(body.get("reasoning_effort").asBoolean(true)).isFalse();
      assertThat(body.get("logprobs").asInt()).isEqualTo(2);
    }
  }

  @Test
  void readsTextLegacyLogProbsAndMetadata() throws Exception {
    RawResponse<Completion> raw = client.completions().withRawResponse()
        .create(CompletionParams.builder().model("m").prompt("Hello").build());

    Completion completion = raw.value();
    assertThat(raw.metadata().requestId()).contains("req-c");
    assertThat(completion.object()).isEqualTo("text_completion");
    assertThat(completion.choices().get(0).text()).isEqualTo(" world");
    assertThat(completion.choices().get(0).finishReason()).contains("length");
    LogProbs logprobs = completion.choices().get(0).logprobs().orElseThrow();
    assertThat(logprobs.tokens()).containsExactly(" world");
    assertThat(logprobs.tokenLogprobs()).containsExactly(-0.5);
    assertThat(logprobs.topLogprobs()).containsExactly(Map.of(" world", -0.5, " there", -1.5));
    assertThat(logprobs.textOffset()).containsExactly(5);
    assertThat(logprobs.content()).isEmpty();
    assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(2);
    assertThat(Json.readTreeOrNull(completion.toString())).isEqualTo(Json.readTreeOrNull(Fixtures.COMPLETION));

    Completion async = client.async().completions().create(CompletionParams.builder().model("m").prompt("Hello").build())
        .get(5, TimeUnit.SECONDS);
    assertThat(async).isEqualTo(completion);
  }
}
