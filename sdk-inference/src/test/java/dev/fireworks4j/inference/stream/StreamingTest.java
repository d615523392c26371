package dev.fireworks4j.inference.stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.fireworks4j.inference.testing.Fixtures.DONE;
import static dev.fireworks4j.inference.testing.Fixtures.contentChunk;
import static dev.fireworks4j.inference.testing.Fixtures.event;
import static dev.fireworks4j.inference.testing.Fixtures.finishChunk;
import static dev.fireworks4j.inference.testing.Fixtures.roleChunk;
import static dev.fireworks4j.inference.testing.Fixtures.usageChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.fireworks4j.inference.InferenceClient;
import dev.fireworks4j.core.error.BadRequestException;
import dev.fireworks4j.core.error.RateLimitException;
import dev.fireworks4j.core.error.StreamException;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.inference.chat.ChatCompletion;
import dev.fireworks4j.inference.chat.ChatCompletionAccumulator;
import dev.fireworks4j.inference.chat.ChatCompletionChunk;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.chat.ChatRole;
import dev.fireworks4j.inference.completions.Completion;
import dev.fireworks4j.inference.completions.CompletionParams;
import dev.fireworks4j.inference.testing.SpecValidator;
import dev.fireworks4j.inference.testing.TestClients;
import dev.fireworks4j.inference.testing.WireMockSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamingTest {
  private static final String CHAT = "/inference/v1/chat/completions";
  private static final String USAGE = "{\"prompt_tokens\":5,\"completion_tokens\":3,\"total_tokens\":8,"
      + "\"prompt_tokens_details\":{\"cached_tokens\":2}}";
  private static final ChatCompletionParams PARAMS = ChatCompletionParams.builder()
      .model("accounts/my-account/routers/ab-test").addUserMessage("Hi").maxTokens(10).build();
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
  }

  private static void serve(String body) {
    server.stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/event-stream")
        .withHeader("x-request-id", "req-stream")
        .withHeader("fireworks-deployment", "accounts/my-account/deployments/model-b")
        .withBody(body)));
  }

  private static List<ChatCompletionChunk> readAll() {
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().stream(PARAMS)) {
      List<ChatCompletionChunk> chunks = new ArrayList<>();
      stream.forEach(chunks::add);
      return chunks;
    }
  }

  private static String text(List<ChatCompletionChunk> chunks) {
    return chunks.stream().flatMap(c -> c.choices().stream()).map(c -> c.delta().content().orElse(""))
        .collect(Collectors.joining());
  }

  @Test
  void streamsChunksWithMetadataAndSendsAStreamingRequest() {
    serve(roleChunk() + contentChunk("Hel") + contentChunk("lo") + finishChunk("stop", USAGE) + DONE);

    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().stream(PARAMS)) {
      assertThat(stream.metadata().requestId()).contains("req-stream");
      assertThat(stream.metadata().deployment()).contains("accounts/my-account/deployments/model-b");
      List<ChatCompletionChunk> chunks = stream.stream().collect(Collectors.toList());
      assertThat(chunks).hasSize(4);
      assertThat(chunks.get(0).choices().get(0).delta().role()).contains(ChatRole.ASSISTANT);
      assertThat(text(chunks)).isEqualTo("Hello");
      assertThat(chunks.get(3).usage().orElseThrow().cachedTokens()).isEqualTo(2);
      assertThat(stream.iterator().hasNext()).isFalse();
    }

    LoggedRequest request = WireMockSupport.onlyRequest(server);
    assertThat(request.getHeader("Accept")).isEqualTo("text/event-stream");
    assertThat(request.getBodyAsString()).startsWith("{\"stream\":true,");
    JsonNode body = Json.readTreeOrNull(request.getBodyAsString());
    assertThat(body.get("max_tokens").asInt()).isEqualTo(10);
    assertThat(SpecValidator.inference().validate("ChatCompletionRequest", body)).isEmpty();
  }

  @Test
  void acceptsAFinalUsageOnlyChunkWithEmptyChoices() {
    serve(roleChunk() + contentChunk("Hi") + finishChunk("stop", null) + usageChunk(USAGE) + DONE);

    List<ChatCompletionChunk> chunks = readAll();

    assertThat(chunks).hasSize(4);
    assertThat(chunks.get(3).choices()).isEmpty();
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    chunks.forEach(accumulator::accumulate);
    ChatCompletion completion = accumulator.chatCompletion();
    assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(8);
    assertThat(completion.choices()).hasSize(1);
    assertThat(completion.choices().get(0).message().text()).contains("Hi");
    assertThat(completion.choices().get(0).finishReason()).contains("stop");
  }

  @Test
  void acceptsAStreamWithoutUsage() {
    serve(roleChunk() + contentChunk("Hi") + finishChunk("length", null) + DONE);

    List<ChatCompletionChunk> chunks = readAll();

    assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.usage()).isEmpty());
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    chunks.forEach(accumulator::accumulate);
    assertThat(accumulator.chatCompletion().usage()).isEmpty();
    assertThat(accumulator.chatCompletion().choices().get(0).finishReason()).contains("length");
  }

  @Test
  void skipsCommentsAndPingsAndJoinsMultiLineCrLfData() {
    serve(": keep-alive\r\n\r\nevent: ping\r\ndata: {}\r\n\r\n" + roleChunk().replace("\n", "\r\n")
        + "data: {\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\r\n"
        + "data: \"choices\":[{\"index\":0,\"delta\":{\"content\":\"multi\"}}]}\r\n\r\n"
        + "data:\r\n\r\n" + DONE);

    assertThat(text(readAll())).isEqualTo("multi");
  }

  @Test
  void anErrorObjectInTheStreamBecomesAStreamException() {
    serve(roleChunk() + contentChunk("partial") + event("{\"error\":{\"message\":\"backend overloaded\","
        + "\"code\":\"UNAVAILABLE\",\"type\":\"error\"}}") + DONE);
    List<String> seen = new ArrayList<>();

    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().stream(PARAMS)) {
      assertThatThrownBy(() -> stream.forEach(chunk -> seen.add(chunk.choices().get(0).delta().content().orElse(""))))
          .isInstanceOfSatisfying(StreamException.class, e -> {
            assertThat(e.error().orElseThrow().code()).contains("UNAVAILABLE");
            assertThat(e.error().orElseThrow().message()).contains("backend overloaded");
            assertThat(e).hasMessageContaining("backend overloaded").hasMessageContaining("req-stream");
          });
      assertThat(stream.iterator().hasNext()).isFalse();
    }
    assertThat(seen).containsExactly("", "partial");
  }

  @Test
  void anErrorEventBecomesAStreamException() {
    serve(roleChunk() + "event: error\ndata: {\"error\":\"Too Many Requests\",\"message\":\"slow down\"}\n\n");

    assertThatThrownBy(StreamingTest::readAll).isInstanceOfSatisfying(StreamException.class,
        e -> assertThat(e.error().orElseThrow().message()).contains("slow down"));
  }

  @Test
  void aMalformedEventBecomesAStreamException() {
    serve(roleChunk() + "data: {\"id\": oops}\n\n" + DONE);

    assertThatThrownBy(StreamingTest::readAll).isInstanceOf(StreamException.class)
        .hasMessageContaining("could not read a stream event as ChatCompletionChunk");
  }

  @Test
  void aStreamEndingWithoutDoneFailsAsIncomplete() {
    serve(roleChunk() + contentChunk("Hi"));

    List<String> seen = new ArrayList<>();
    assertThatThrownBy(() -> {
      try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().stream(PARAMS)) {
        stream.forEach(chunk -> seen.add(chunk.id()));
      }
    }).isInstanceOf(StreamException.class)
        .hasMessageContaining("ended without data: [DONE] after 2 event(s)")
        .hasMessageContaining("request id");
    assertThat(seen).hasSize(2);
  }

  @Test
  void aSuccessStatusWithABodyThatIsNotAStreamFails() {
    server.stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html><body>moved</body></html>")));

    assertThatThrownBy(StreamingTest::readAll).isInstanceOf(StreamException.class)
        .hasMessageContaining("after 0 event(s)");
  }

  @Test
  void errorStatusesAreThrownBeforeTheStreamAndRetriedPerPolicy() {
    server.stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":{\"message\":\"bad n\",\"code\":\"INVALID_ARGUMENT\"}}")));
    assertThatThrownBy(() -> client.chat().completions().stream(PARAMS)).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("bad n");
    assertThat(WireMockSupport.requests(server)).hasSize(1);

    server.resetAll();
    server.stubFor(post(urlEqualTo(CHAT)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("retry-after-ms", "1")).willSetStateTo("free"));
    server.stubFor(post(urlEqualTo(CHAT)).inScenario("busy").whenScenarioStateIs("free")
        .willReturn(aResponse().withStatus(200).withBody(contentChunk("ok") + DONE)));
    assertThat(text(readAll())).isEqualTo("ok");
    assertThat(WireMockSupport.requests(server)).hasSize(2);
  }

  @Test
  void textCompletionsStreamToo() {
    server.stubFor(post(urlEqualTo("/inference/v1/completions")).willReturn(aResponse().withStatus(200)
        .withBody(event("{\"id\":\"c\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"text\":\"Once\"}]}")
            + event("{\"id\":\"c\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"text\":\" upon\",\"finish_reason\":\"length\"}],\"usage\":" + USAGE + "}")
            + DONE)));
    CompletionParams params = CompletionParams.builder().model("accounts/fireworks/models/llama-v3p1-8b")
        .prompt("Tell a story").maxTokens(2).build();

    String text;
    try (StreamResponse<Completion> stream = client.completions().stream(params)) {
      text = stream.stream().map(c -> c.choices().isEmpty() ? "" : c.choices().get(0).text())
          .collect(Collectors.joining());
    }

    assertThat(text).isEqualTo("Once upon");
    JsonNode body = WireMockSupport.onlyRequestBody(server);
    assertThat(body.get("stream").asBoolean()).isTrue();
    assertThat(SpecValidator.inference().validate("CompletionRequest", body)).isEmpty();
  }

  @Test
  void asyncStreamsDeliverEveryChunkThenComplete() throws Exception {
    serve(roleChunk() + contentChunk("a") + contentChunk("b") + finishChunk("stop", USAGE) + DONE);
    List<String> events = new CopyOnWriteArrayList<>();

    AsyncStreamResponse<ChatCompletionChunk> stream = client.async().chat().completions().stream(PARAMS);
    stream.subscribe(new AsyncStreamResponse.Handler<ChatCompletionChunk>() {
      @Override
      public void onNext(ChatCompletionChunk chunk) {
        chunk.choices().forEach(c -> events.add("next:" + c.delta().content().orElse("")));
      }

      @Override
      public void onComplete() {
        events.add("complete");
      }

      @Override
      public void onError(Throwable error) {
        events.add("error:" + error);
      }
    });

    stream.completion().get(5, TimeUnit.SECONDS);
    assertThat(stream.metadata().get().requestId()).contains("req-stream");
    assertThat(events).containsExactly("next:", "next:a", "next:b", "next:", "complete");
    assertThatThrownBy(() -> stream.subscribe(chunk -> { })).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void asyncStreamsReportErrorsToTheHandlerAndTheFuture() {
    server.stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(429)
        .withHeader("retry-after", "120").withBody("{\"error\":\"Too Many Requests\",\"message\":\"limit\"}")));
    List<Throwable> errors = new CopyOnWriteArrayList<>();

    AsyncStreamResponse<ChatCompletionChunk> stream = client.async().chat().completions().stream(PARAMS)
        .subscribe(new AsyncStreamResponse.Handler<ChatCompletionChunk>() {
          @Override
          public void onNext(ChatCompletionChunk chunk) {
            errors.add(new AssertionError("unexpected chunk"));
          }

          @Override
          public void onError(Throwable error) {
            errors.add(error);
          }
        });

    assertThatThrownBy(() -> stream.completion().get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RateLimitException.class);
    assertThat(errors).singleElement().isInstanceOf(RateLimitException.class);
  }

  @Test
  void anExceptionInTheHandlerEndsTheStreamAsAnError() {
    serve(roleChunk() + contentChunk("a") + DONE);
    IllegalStateException boom = new IllegalStateException("boom");
    List<Throwable> errors = new CopyOnWriteArrayList<>();

    AsyncStreamResponse<ChatCompletionChunk> stream = client.async().chat().completions().stream(PARAMS)
        .subscribe(new AsyncStreamResponse.Handler<ChatCompletionChunk>() {
          @Override
          public void onNext(ChatCompletionChunk chunk) {
            throw boom;
          }

          @Override
          public void onError(Throwable error) {
            errors.add(error);
          }
        });

    assertThatThrownBy(() -> stream.completion().get(5, TimeUnit.SECONDS)).hasCause(boom);
    assertThat(errors).containsExactly(boom);
  }
}
