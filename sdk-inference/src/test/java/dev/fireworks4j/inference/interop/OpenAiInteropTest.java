package dev.fireworks4j.inference.interop;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.fireworks4j.inference.testing.Fixtures.DONE;
import static dev.fireworks4j.inference.testing.Fixtures.contentChunk;
import static dev.fireworks4j.inference.testing.Fixtures.event;
import static dev.fireworks4j.inference.testing.Fixtures.finishChunk;
import static dev.fireworks4j.inference.testing.Fixtures.roleChunk;
import static dev.fireworks4j.inference.testing.Fixtures.usageChunk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionNamedToolChoice;
import dev.fireworks4j.inference.InferenceClient;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.inference.ResponseFormat;
import dev.fireworks4j.inference.chat.ChatCompletion;
import dev.fireworks4j.inference.chat.ChatCompletionAccumulator;
import dev.fireworks4j.inference.chat.ChatCompletionChunk;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.chat.Tool;
import dev.fireworks4j.inference.chat.ToolCall;
import dev.fireworks4j.inference.chat.ToolChoice;
import dev.fireworks4j.inference.stream.StreamResponse;
import dev.fireworks4j.inference.testing.Fixtures;
import dev.fireworks4j.inference.testing.SpecValidator;
import dev.fireworks4j.inference.testing.TestClients;
import dev.fireworks4j.inference.testing.WireMockSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wire compatibility with the official OpenAI Java client: for the same request both clients send the same
 * JSON, and both read the same served responses (whole and streamed) to the same values. The OpenAI client
 * also reads what this SDK writes.
 */
class OpenAiInteropTest {
  private static final String CHAT = "/inference/v1/chat/completions";
  private static final String MODEL = "accounts/my-account/routers/ab-test";
  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
      + "\"required\":[\"city\"]}";
  private static WireMockServer server;
  private static InferenceClient fireworks;
  private static OpenAIClient openAi;

  @BeforeAll
  static void start() {
    server = WireMockSupport.start();
    fireworks = TestClients.gateway(server.baseUrl());
    openAi = OpenAIOkHttpClient.builder().apiKey(TestClients.API_KEY).baseUrl(server.baseUrl() + "/inference/v1")
        .maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    fireworks.close();
    openAi.close();
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
  }

  @Test
  @SuppressWarnings("deprecation") // OpenAI deprecated max_tokens, seed and user; the Fireworks spec still has them
  void bothClientsSendTheSameRequest() {
    server.stubFor(post(urlEqualTo(CHAT)).willReturn(okJson(Fixtures.CHAT_COMPLETION)));
    JsonNode schema = Json.readTreeOrNull(SCHEMA);
    Map<String, JsonValue> schemaFields = Map.of(
        "type", JsonValue.from("object"),
        "properties", JsonValue.from(Map.of("city", Map.of("type", "string"))),
        "required", JsonValue.from(List.of("city")));

    fireworks.chat().completions().create(ChatCompletionParams.builder()
        .model(MODEL).addSystemMessage("Be brief.").addUserMessage("Weather in Paris?")
        .addTool(Tool.function("get_weather", "Current weather", schema))
        .toolChoice(ToolChoice.function("get_weather")).parallelToolCalls(false)
        .responseFormat(ResponseFormat.jsonSchema("weather", schema, true))
        .temperature(0.7).topP(0.9).n(2).addStop("END", "STOP").maxTokens(256).seed(7L)
        .frequencyPenalty(0.1).presencePenalty(0.2).logprobs(true).topLogprobs(3).user("user-1")
        .build());
    openAi.chat().completions().create(ChatCompletionCreateParams.builder()
        .model(MODEL).addSystemMessage("Be brief.").addUserMessage("Weather in Paris?")
        .addTool(ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder()
            .name("get_weather").description("Current weather")
            .parameters(FunctionParameters.builder().putAllAdditionalProperties(schemaFields).build()).build()).build())
        .toolChoice(ChatCompletionNamedToolChoice.builder()
            .function(ChatCompletionNamedToolChoice.Function.builder().name("get_weather").build()).build())
        .parallelToolCalls(false)
        .responseFormat(ResponseFormatJsonSchema.builder().jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
            .name("weather").schema(ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                .putAllAdditionalProperties(schemaFields).build()).strict(true).build()).build())
        .temperature(0.7).topP(0.9).n(2).stop(ChatCompletionCreateParams.Stop.ofStrings(List.of("END", "STOP")))
        .maxTokens(256).seed(7).frequencyPenalty(0.1).presencePenalty(0.2).logprobs(true).topLogprobs(3)
        .user("user-1")
        .build());

    List<JsonNode> bodies = WireMockSupport.requests(server).stream()
        .map(request -> Json.readTreeOrNull(request.getBodyAsString())).collect(java.util.stream.Collectors.toList());
    assertThat(bodies).hasSize(2);
    assertThat(bodies.get(0)).isEqualTo(bodies.get(1));
    assertThat(SpecValidator.inference().validate("ChatCompletionRequest", bodies.get(1))).isEmpty();
  }

  @Test
  void bothClientsReadTheSameResponse() {
    server.stubFor(post(urlEqualTo(CHAT)).willReturn(okJson(Fixtures.CHAT_COMPLETION)));

    ChatCompletion ours = fireworks.chat().completions()
        .create(ChatCompletionParams.builder().model(MODEL).addUserMessage("Weather?").build());
    com.openai.models.chat.completions.ChatCompletion theirs = openAi.chat().completions()
        .create(ChatCompletionCreateParams.builder().model(MODEL).addUserMessage("Weather?").build());

    assertSame(ours, theirs);
    assertThat(theirs.usage().orElseThrow().promptTokensDetails().orElseThrow().cachedTokens())
        .contains((long) ours.usage().orElseThrow().cachedTokens());
  }

  @Test
  void bothClientsReadTheSameStream() {
    String usage = "{\"prompt_tokens\":5,\"completion_tokens\":3,\"total_tokens\":8}";
    String toolHeader = event("{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1700000002,"
        + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
        + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\"}}]}}]}");
    String toolArguments = event("{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1700000002,"
        + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
        + "\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}}]}");
    server.stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/event-stream")
        .withBody(roleChunk() + contentChunk("Let me ") + contentChunk("check.") + toolHeader + toolArguments
            + finishChunk("tool_calls", null) + usageChunk(usage) + DONE)));

    ChatCompletionAccumulator ours = ChatCompletionAccumulator.create();
    try (StreamResponse<ChatCompletionChunk> stream = fireworks.chat().completions()
        .stream(ChatCompletionParams.builder().model(MODEL).addUserMessage("Weather?").build())) {
      stream.forEach(ours::accumulate);
    }
    com.openai.helpers.ChatCompletionAccumulator theirs = com.openai.helpers.ChatCompletionAccumulator.create();
    try (com.openai.core.http.StreamResponse<com.openai.models.chat.completions.ChatCompletionChunk> stream =
        openAi.chat().completions().createStreaming(ChatCompletionCreateParams.builder().model(MODEL)
            .addUserMessage("Weather?").build())) {
      stream.stream().forEach(theirs::accumulate);
    }

    assertSame(ours.chatCompletion(), theirs.chatCompletion());
    assertThat(ours.chatCompletion().choices().get(0).message().toolCalls())
        .containsExactly(ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}"));
    assertThat(WireMockSupport.requests(server)).allSatisfy(request ->
        assertThat(Json.readTreeOrNull(request.getBodyAsString()).get("stream").asBoolean()).isTrue());
  }

  @Test
  void theOpenAiClientReadsWhatThisSdkWrites() throws Exception {
    server.stubFor(post(urlEqualTo(CHAT)).willReturn(okJson(Fixtures.CHAT_COMPLETION)));
    ChatCompletion ours = fireworks.chat().completions()
        .create(ChatCompletionParams.builder().model(MODEL).addUserMessage("Weather?").build());

    com.openai.models.chat.completions.ChatCompletion read = ObjectMappers.jsonMapper()
        .readValue(ours.toString(), com.openai.models.chat.completions.ChatCompletion.class);

    read.validate();
    assertSame(ours, read);
  }

  private static void assertSame(ChatCompletion ours, com.openai.models.chat.completions.ChatCompletion theirs) {
    assertThat(theirs.id()).isEqualTo(ours.id());
    assertThat(theirs.model()).isEqualTo(ours.model());
    assertThat(theirs.created()).isEqualTo(ours.created());
    assertThat(theirs.choices()).hasSameSizeAs(ours.choices());
    for (int i = 0; i < ours.choices().size(); i++) {
      ChatCompletion.Choice choice = ours.choices().get(i);
      com.openai.models.chat.completions.ChatCompletion.Choice their = theirs.choices().get(i);
      assertThat(their.index()).isEqualTo(choice.index());
      assertThat(their.finishReason().asString()).isEqualTo(choice.finishReason().orElseThrow());
      assertThat(their.message().content()).isEqualTo(choice.message().text());
      List<ToolCall> calls = choice.message().toolCalls();
      assertThat(their.message().toolCalls().orElse(List.of())).hasSameSizeAs(calls);
      for (int c = 0; c < calls.size(); c++) {
        ChatCompletionMessageFunctionToolCall call = their.message().toolCalls().orElseThrow().get(c).asFunction();
        assertThat(call.id()).isEqualTo(calls.get(c).id().orElseThrow());
        assertThat(call.function().name()).isEqualTo(calls.get(c).function().name());
        assertThat(call.function().arguments()).isEqualTo(calls.get(c).function().arguments());
      }
    }
    assertThat(theirs.usage().isPresent()).isEqualTo(ours.usage().isPresent());
    ours.usage().ifPresent(usage -> {
      assertThat(theirs.usage().orElseThrow().promptTokens()).isEqualTo(usage.promptTokens());
      assertThat(theirs.usage().orElseThrow().completionTokens()).isEqualTo(usage.completionTokens().orElseThrow());
      assertThat(theirs.usage().orElseThrow().totalTokens()).isEqualTo(usage.totalTokens());
    });
  }
}
