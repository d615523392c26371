package dev.fireworks4j.inference.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.fireworks4j.inference.InferenceClient;
import dev.fireworks4j.core.RequestOptions;
import dev.fireworks4j.core.error.NotFoundException;
import dev.fireworks4j.core.error.UnprocessableEntityException;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.core.name.DeploymentName;
import dev.fireworks4j.core.name.ModelName;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.inference.ContextLengthExceededBehavior;
import dev.fireworks4j.inference.Prediction;
import dev.fireworks4j.inference.RawResponse;
import dev.fireworks4j.inference.ReasoningEffort;
import dev.fireworks4j.inference.ReasoningHistory;
import dev.fireworks4j.inference.ResponseFormat;
import dev.fireworks4j.inference.ServiceTier;
import dev.fireworks4j.inference.Thinking;
import dev.fireworks4j.inference.testing.Fixtures;
import dev.fireworks4j.inference.testing.SpecValidator;
import dev.fireworks4j.inference.testing.TestClients;
import dev.fireworks4j.inference.testing.WireMockSupport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatCompletionsTest {
  private static final String PATH = "/inference/v1/chat/completions";
  private static final RouterName ROUTER = RouterName.of("my-account", "ab-test");
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
    server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(Fixtures.CHAT_COMPLETION)
        .withHeader("x-request-id", "req-42")
        .withHeader("fireworks-deployment", "accounts/my-account/deployments/model-a")
        .withHeader("fireworks-backend-host", "replica-3")
        .withHeader("fireworks-server-time-to-first-token", "0.123")
        .withHeader("fireworks-server-processing-time", "0.456")
        .withHeader("fireworks-prompt-tokens", "12")
        .withHeader("fireworks-cached-prompt-tokens", "8")
        .withHeader("x-ratelimit-limit-requests", "600")
        .withHeader("x-ratelimit-remaining-requests", "599")
        .withHeader("x-ratelimit-over-limit", "yes")));
  }

  private static JsonNode schema() {
    return Json.readTreeOrNull("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
        + "\"required\":[\"city\"]}");
  }

  @Test
  void sendsEveryFieldInSnakeCaseAsTheSpecDescribes() {
    ChatCompletionParams params = ChatCompletionParams.builder()
        .model(ROUTER)
        .addSystemMessage("Be brief.")
        .addUserMessage("Weather in Paris?")
        .addTool(Tool.function("get_weather", "Current weather", schema()))
        .toolChoice(ToolChoice.function("get_weather"))
        .parallelToolCalls(false)
        .responseFormat(ResponseFormat.jsonSchema("weather", schema(), true))
        .temperature(0.7).topP(0.9).topK(40).minP(0.05).typicalP(0.95)
        .n(2).addStop("END", "STOP").maxTokens(256).seed(7L)
        .frequencyPenalty(0.1).presencePenalty(-0.1).repetitionPenalty(1.1)
        .mirostatTarget(5.0).mirostatLr(0.1)
        .logprobs(true).topLogprobs(3)
        .putLogitBias("50256", -100.0)
        .user("user-1").promptCacheKey("session-9").promptCacheIsolationKey("tenant-1")
        .serviceTier(ServiceTier.PRIORITY)
        .contextLengthExceededBehavior(ContextLengthExceededBehavior.ERROR)
        .perfMetricsInResponse(true).rawOutput(false).returnTokenIds(true)
        .echo(false).ignoreEos(false).promptTruncateLen(4000).safeTokenization(true)
        .prediction(Prediction.content("The weather in Paris is"))
        .reasoningEffort(ReasoningEffort.LOW).reasoningHistory(ReasoningHistory.PRESERVED)
        .putMetadata("trace", "t-1")
        .putAdditionalBodyProperty("speculation_future", List.of(1, 2))
        .build();

    ChatCompletion completion = client.chat().completions().create(params,
        RequestOptions.builder().header("x-session-affinity", "s-1").build());

    assertThat(completion.id()).isEqualTo("chatcmpl-1");
    LoggedRequest request = WireMockSupport.onlyRequest(server);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TestClients.API_KEY);
    assertThat(request.getHeader("x-session-affinity")).isEqualTo("s-1");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    JsonNode body = Json.readTreeOrNull(request.getBodyAsString());
    assertThat(body.get("model").asText()).isEqualTo("accounts/my-account/routers/ab-test");
    assertThat(body.get("messages")).hasSize(2);
    assertThat(body.at("/messages/1")).isEqualTo(Json.readTreeOrNull("{\"role\":\"user\",\"content\":\"Weather in Paris?\"}"));
    assertThat(body.at("/tool_choice")).isEqualTo(
        Json.readTreeOrNull("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}"));
    assertThat(body.at("/tools/0/function/parameters/required/0").asText()).isEqualTo("city");
    assertThat(body.at("/response_format/json_schema/name").asText()).isEqualTo("weather");
    assertThat(body.at("/response_format/json_schema/strict").asBoolean()).isTrue();
    assertThat(body.get("max_tokens").asInt()).isEqualTo(256);
    assertThat(body.get("top_k").asInt()).isEqualTo(40);
    assertThat(body.get("min_p").asDouble()).isEqualTo(0.05);
    assertThat(body.get("stop")).hasSize(2);
    assertThat(body.get("logit_bias").get("50256").asDouble()).isEqualTo(-100.0);
    assertThat(body.get("reasoning_effort").asText()).isEqualTo("low");
    assertThat(body.get("service_tier").asText()).isEqualTo("priority");
    assertThat(body.get("context_length_exceeded_behavior").asText()).isEqualTo("error");
    assertThat(body.get("prediction")).isEqualTo(
        Json.readTreeOrNull("{\"type\":\"content\",\"content\":\"The weather in Paris is\"}"));
    assertThat(body.get("speculation_future")).hasSize(2);
    assertThat(body.has("stream")).isFalse();
    body.fieldNames().forEachRemaining(name -> assertThat(name).matches("[a-z_]+"));

    JsonNode specBody = body.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) specBody).remove("speculation_future"); // not in the spec, by design
    assertThat(SpecValidator.inference().validate("ChatCompletionRequest", specBody)).isEmpty();
  }

  @Test
  void conversationsWithPartsToolResultsAndThinkingMatchTheSpec() {
    ChatCompletion previous = client.chat().completions().create(ChatCompletionParams.builder()
        .model("accounts/fireworks/models/llama-v3p1-8b-instruct").addUserMessage("Weather?").build());
    server.resetRequests();
    ChatCompletionParams params = ChatCompletionParams.builder()
        .model(DeploymentName.of("my-account", "model-a"))
        .addMessage(ChatMessage.user(ContentPart.text("What is in this image?"),
            ContentPart.image("data:image/png;base64,AAAA"),
            ContentPart.video(ContentPart.VideoUrl.builder().url("https://example.com/v.mp4").maxFrames(8).build())))
        .addMessage(previous.choices().get(0).message())
        .addMessage(ChatMessage.tool("call_1", "{\"temp\":21}"))
        .thinking(Thinking.enabled(2048))
        .maxCompletionTokens(100)
        .responseFormat(ResponseFormat.jsonObject())
        .stop(List.of("x"))
        .build();

    client.chat().completions().create(params);

    JsonNode body = WireMockSupport.onlyRequestBody(server);
    assertThat(SpecValidator.inference().validate("ChatCompletionRequest", body)).isEmpty();
    assertThat(body.at("/messages/0/content/1/image_url/url").asText()).startsWith("data:image/png");
    assertThat(body.at("/messages/0/content/2/video_url/max_frames").asInt()).isEqualTo(8);
    assertThat(body.at("/messages/1/tool_calls/0/function/name").asText()).isEqualTo("get_weather");
    assertThat(body.at("/messages/1/reasoning_content").asText()).isEqualTo("The user wants weather.");
    assertThat(body.at("/messages/2/tool_call_id").asText()).isEqualTo("call_1");
    assertThat(body.at("/thinking")).isEqualTo(Json.readTreeOrNull("{\"type\":\"enabled\",\"budget_tokens\":2048}"));
    assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(100);
    assertThat(body.has("max_tokens")).isFalse();
    assertThat(body.get("model").asText()).isEqualTo("accounts/my-account/deployments/model-a");
  }

  @Test
  void readsTheResponseAndKeepsUnknownFields() {
    ChatCompletion completion = client.chat().completions().create(ChatCompletionParams.builder()
        .model(ModelName.of("fireworks", "llama-v3p1-8b-instruct")).addUserMessage("Weather?").build());

    assertThat(completion.model()).isEqualTo("accounts/fireworks/models/llama-v3p1-8b-instruct");
    assertThat(completion.created()).isEqualTo(1700000000L);
    ChatCompletion.Choice choice = completion.choices().get(0);
    assertThat(choice.finishReason()).contains("tool_calls");
    assertThat(choice.logprobs()).isEmpty();
    assertThat(choice.message().role()).isEqualTo(ChatRole.ASSISTANT);
    assertThat(choice.message().text()).contains("Checking the weather.");
    assertThat(choice.message().reasoningContent()).contains("The user wants weather.");
    ToolCall call = choice.message().toolCalls().get(0);
    assertThat(call.id()).contains("call_1");
    assertThat(call.function().name()).isEqualTo("get_weather");
    assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(12);
    assertThat(completion.usage().orElseThrow().completionTokens()).hasValue(5);
    assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(17);
    assertThat(completion.usage().orElseThrow().cachedTokens()).isEqualTo(8);
    assertThat(completion.perfMetrics().orElseThrow().serverTimeToFirstToken()).contains(Duration.ofMillis(50));
    assertThat(completion.perfMetrics().orElseThrow().serverProcessingTime()).contains(Duration.ofMillis(250));
    assertThat(completion.perfMetrics().orElseThrow().promptTokens()).hasValue(12);
    assertThat(completion.perfMetrics().orElseThrow().cachedPromptTokens()).hasValue(8);
    assertThat(completion.perfMetrics().orElseThrow().deployment()).contains("accounts/acct/deployments/d1");
    assertThat(completion.perfMetrics().orElseThrow().backendHost()).contains("host-7");
    assertThat(completion.additionalProperty("system_fingerprint").orElseThrow().asText()).isEqualTo("fp_1");
    assertThat(completion.additionalProperties()).containsOnlyKeys("system_fingerprint", "future_field");

    JsonNode written = Json.readTreeOrNull(completion.toString());
    assertThat(written.get("future_field")).isEqualTo(Json.readTreeOrNull("{\"nested\":[1,2]}"));
    assertThat(written).isEqualTo(Json.readTreeOrNull(Fixtures.CHAT_COMPLETION.replace(",\"logprobs\":null", "")));
  }

  @Test
  void rawResponsesCarryTheMetadataHeaders() {
    RawResponse<ChatCompletion> raw = client.chat().completions().withRawResponse()
        .create(ChatCompletionParams.builder().model(ROUTER).addUserMessage("Hi").build());

    assertThat(raw.value().id()).isEqualTo("chatcmpl-1");
    assertThat(raw.metadata().status()).isEqualTo(200);
    assertThat(raw.metadata().requestId()).contains("req-42");
    assertThat(raw.metadata().deployment()).contains("accounts/my-account/deployments/model-a");
    assertThat(raw.metadata().backendHost()).contains("replica-3");
    assertThat(raw.metadata().serverTimeToFirstToken()).contains(Duration.ofMillis(123));
    assertThat(raw.metadata().serverProcessingTime()).contains(Duration.ofMillis(456));
    assertThat(raw.metadata().promptTokens()).hasValue(12);
    assertThat(raw.metadata().cachedPromptTokens()).hasValue(8);
    assertThat(raw.metadata().rateLimits())
        .containsEntry("limit-requests", "600").containsEntry("remaining-requests", "599");
    assertThat(raw.metadata().rateLimit("remaining-requests")).hasValue(599);
    assertThat(raw.metadata().overLimit()).isTrue();
  }

  @Test
  void asyncCallsReturnTheSameAnswers() throws Exception {
    ChatCompletionParams params = ChatCompletionParams.builder().model(ROUTER).addUserMessage("Hi").build();

    ChatCompletion completion = client.async().chat().completions().create(params).get(5, TimeUnit.SECONDS);
    RawResponse<ChatCompletion> raw =
        client.async().chat().completions().withRawResponse().create(params).get(5, TimeUnit.SECONDS);

    assertThat(completion).isEqualTo(raw.value());
    assertThat(raw.metadata().requestId()).contains("req-42");
  }

  @Test
  void errorStatusesBecomeTypedExceptions() {
    server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)
        .withHeader("x-request-id", "req-404")
        .withBody("{\"error\":{\"message\":\"Model not found, inaccessible, and/or not deployed\","
            + "\"param\":\"model\",\"code\":\"NOT_FOUND\",\"type\":\"error\"}}")));
    ChatCompletionParams params = ChatCompletionParams.builder().model(ROUTER).addUserMessage("Hi").build();

    assertThatThrownBy(() -> client.chat().completions().create(params))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.code()).contains("NOT_FOUND");
          assertThat(e.requestId()).contains("req-404");
          assertThat(e.body().param()).contains("model");
        });

    server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(422)
        .withBody("{\"detail\":[{\"loc\":[\"body\",\"temperature\"],\"msg\":\"too high\",\"type\":\"value_error\"}]}")));
    assertThatThrownBy(() -> client.async().chat().completions().create(params).join())
        .hasCauseInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("body.temperature: too high");
  }

  @Test
  void transientFailuresAreRetried() {
    server.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
    server.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
        .willReturn(okJson(Fixtures.CHAT_COMPLETION)));

    ChatCompletion completion = client.chat().completions()
        .create(ChatCompletionParams.builder().model(ROUTER).addUserMessage("Hi").build());

    assertThat(completion.id()).isEqualTo("chatcmpl-1");
    assertThat(WireMockSupport.requests(server)).hasSize(2);
  }
}
