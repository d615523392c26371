package dev.fireworks4j.inference.chat;

import static dev.fireworks4j.inference.chat.ReadOutcome.assertSame;
import static dev.fireworks4j.inference.chat.ReadOutcome.fields;
import static dev.fireworks4j.inference.chat.ReadOutcome.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.http.Headers;
import dev.fireworks4j.core.http.StreamingHttpResponse;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.core.testing.Fuzz;
import dev.fireworks4j.inference.internal.EventReader;
import dev.fireworks4j.inference.internal.SseStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written chunk reader against databind, the reference: on seeded chunks of every shape (see
 * {@link ChunkJson}; replay a failure with the seed it names) both give the same chunk, or both fail with
 * the same message. One reader reads all the cases, as one stream would, so that what it keeps from chunk
 * to chunk is tested too.
 */
class ChunkReaderTest {
  private static final ObjectReader DATABIND = Json.mapper().readerFor(ChatCompletionChunk.class);

  @Test
  void readsEveryChunkAsDatabindDoesOrFailsAsDatabindDoes() {
    Fuzz fuzz = new Fuzz("chunk reader");
    ChunkJson json = new ChunkJson(fuzz, true);
    ChunkReader reader = newReader();
    for (int run = 0; run < Fuzz.RUNS * 3; run++) {
      fuzz.startRun(run);
      byte[] bytes = json.chunk(6).getBytes(StandardCharsets.UTF_8);
      // the event inside a larger buffer, as the SSE parser hands it over
      int offset = fuzz.nextInt(3) == 0 ? fuzz.nextInt(8) : 0;
      byte[] buffer = new byte[offset + bytes.length + fuzz.nextInt(8)];
      fuzz.random().nextBytes(buffer);
      System.arraycopy(bytes, 0, buffer, offset, bytes.length);
      String where = fuzz.where() + ": " + new String(bytes, StandardCharsets.UTF_8);
      assertSame(where, ReadOutcome.of(() -> DATABIND.readValue(bytes)),
          ReadOutcome.of(() -> reader.read(buffer, offset, bytes.length)), ChunkReaderTest::describe);
    }
  }

  @Test
  void readsTheShapesServersSendWithoutDatabind() throws IOException {
    Fuzz fuzz = new Fuzz("chunk reader, server shapes");
    ChunkJson json = new ChunkJson(fuzz, false);
    ChunkReader reader = newReader();
    for (int run = 0; run < Fuzz.RUNS; run++) {
      fuzz.startRun(run);
      byte[] bytes = json.chunk(0).getBytes(StandardCharsets.UTF_8);
      String where = fuzz.where() + ": " + new String(bytes, StandardCharsets.UTF_8);
      ChatCompletionChunk streamed = reader.readStreaming(bytes, 0, bytes.length); // throws if it needed databind
      assertSame(where, ReadOutcome.of(() -> DATABIND.readValue(bytes)), new ReadOutcome<>(streamed, null),
          ChunkReaderTest::describe);
    }
  }

  @Test
  void aStreamDeliversTheSameChunksAndTheSameErrorEitherWay() {
    Fuzz fuzz = new Fuzz("chunk reader, streams");
    ChunkJson json = new ChunkJson(fuzz, true);
    for (int run = 0; run < Fuzz.RUNS / 10; run++) {
      fuzz.startRun(run);
      StringBuilder body = new StringBuilder();
      for (int i = fuzz.nextInt(30); i > 0; i--) {
        body.append("data: ").append(json.chunk(40)).append("\n\n");
      }
      body.append(fuzz.nextInt(10) == 0 ? "" : "data: [DONE]\n\n");
      byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
      assertThat(stream(bytes, newReader())).as(fuzz.where() + ": " + body)
          .isEqualTo(stream(bytes, EventReader.databind(Json.mapper(), ChatCompletionChunk.class)));
    }
  }

  @Test
  void keepsUnknownFieldsInOrderAtEveryLevel() throws IOException {
    String json = "{\"z\":1,\"id\":\"c\",\"a\":{\"b\":[1,2]},\"choices\":[{\"index\":0,\"x\":null,\"delta\":{\"q\":\"r\","
        + "\"content\":\"hi\",\"tool_calls\":[{\"index\":0,\"t\":true,\"function\":{\"name\":\"f\",\"u\":1.5}}]}}]}";
    ChatCompletionChunk chunk = read(json);
    assertThat(chunk.additionalProperties().keySet()).containsExactly("z", "a");
    assertThat(chunk.additionalProperty("a")).hasValue(Json.mapper().readTree("{\"b\":[1,2]}"));
    ChatCompletionChunk.Choice choice = chunk.choices().get(0);
    assertThat(choice.additionalProperty("x")).hasValueSatisfying(node -> assertThat(node.isNull()).isTrue());
    assertThat(choice.delta().additionalProperties()).containsOnlyKeys("q");
    ChatCompletionChunk.ToolCallDelta call = choice.delta().toolCalls().get(0);
    assertThat(call.additionalProperties()).containsOnlyKeys("t");
    assertThat(call.function().orElseThrow().additionalProperty("u").map(JsonNode::doubleValue)).hasValue(1.5);
    assertThat(chunk.toString()).isEqualTo(DATABIND.readValue(json).toString());
  }

  @Test
  void keepsArgumentsSentAsAnObjectAsTheirJsonTextAndNullArgumentsAsEmpty() throws IOException {
    assertThat(arguments("{\"a\": [1, {\"b\": null}]}")).isEqualTo("{\"a\":[1,{\"b\":null}]}");
    assertThat(arguments("\"{\\\"a\\\":\"")).isEqualTo("{\"a\":");
    assertThat(arguments("null")).isEmpty();
  }

  @Test
  void readsANumberSentAsAStringAsDatabindDoes() throws IOException {
    ChatCompletionChunk chunk = read("{\"created\":\"1700000000\",\"choices\":[{\"index\":\"2\"}]}");
    assertThat(chunk.created()).isEqualTo(1_700_000_000L);
    assertThat(chunk.choices().get(0).index()).isEqualTo(2);
  }

  @Test
  void rejectsWhatDatabindRejects() {
    for (String json : List.of("{\"created\":9223372036854775808}", "{\"choices\":[{\"index\":2147483648}]}",
        "{\"choices\":{}}", "{\"choices\":[{\"delta\":\"x\"}]}", "{\"id\":{}}", "{\"id\":\"c\"", "[]")) {
      assertThatThrownBy(() -> read(json)).as(json).isInstanceOf(IOException.class)
          .hasMessage(ReadOutcome.of(() -> DATABIND.readValue(json)).error().getMessage());
    }
  }

  @Test
  void keepsTheRepeatedIdModelAndObjectAsOneString() throws IOException {
    ChunkReader reader = newReader();
    byte[] json = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8);
    ChatCompletionChunk first = reader.read(json, 0, json.length);
    ChatCompletionChunk second = reader.read(json, 0, json.length);
    assertThat(second.id()).isSameAs(first.id());
    assertThat(second.object()).isSameAs(first.object());
    assertThat(second.model()).isSameAs(first.model());
  }

  private static String arguments(String value) throws IOException {
    ChatCompletionChunk chunk = read("{\"choices\":[{\"delta\":{\"tool_calls\":[{\"function\":{\"arguments\":" + value
        + "}}]}}]}");
    return chunk.choices().get(0).delta().toolCalls().get(0).function().orElseThrow().arguments().orElseThrow();
  }

  private static ChatCompletionChunk read(String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return newReader().read(bytes, 0, bytes.length);
  }

  private static ChunkReader newReader() {
    return new ChunkReader(Json.mapper());
  }

  /** The chunks of a stream as text, then how it ended. */
  private static List<String> stream(byte[] body, EventReader<ChatCompletionChunk> reader) {
    List<String> events = new ArrayList<>();
    try (SseStream<ChatCompletionChunk> stream = new SseStream<>(
        new StreamingHttpResponse(200, Headers.empty(), new ByteArrayInputStream(body)), reader, Duration.ofSeconds(30))) {
      stream.forEach(chunk -> events.add(describe(chunk)));
      events.add("end");
    } catch (FireworksException e) {
      events.add(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return events;
  }

  /** Every accessor, at every level, with the exact type of each unknown field's node. */
  static String describe(ChatCompletionChunk chunk) {
    StringBuilder out = new StringBuilder();
    out.append(chunk.id()).append('|').append(chunk.object()).append('|').append(chunk.created()).append('|')
        .append(chunk.model()).append('|').append(chunk.usage()).append('|').append(chunk.perfMetrics()).append('|')
        .append(chunk.promptTokenIds()).append('|').append(fields(chunk.additionalProperties()));
    for (ChatCompletionChunk.Choice choice : chunk.choices()) {
      if (choice == null) {
        out.append("\n null choice");
        continue;
      }
      out.append("\n choice ").append(choice.index()).append('|').append(choice.finishReason()).append('|')
          .append(choice.logprobs()).append('|').append(choice.rawOutput().map(ReadOutcome::node)).append('|')
          .append(choice.promptTokenIds()).append('|').append(choice.tokenIds()).append('|').append(fields(choice.additionalProperties()));
      ChatCompletionChunk.Delta delta = choice.delta();
      out.append("\n  delta ").append(delta.role().map(role -> role.value() + "/" + role.isKnown())).append('|')
          .append(delta.content()).append('|').append(delta.reasoningContent()).append('|').append(fields(delta.additionalProperties()));
      for (ChatCompletionChunk.ToolCallDelta call : delta.toolCalls()) {
        if (call == null) {
          out.append("\n   null call");
          continue;
        }
        out.append("\n   call ").append(call.index()).append('|').append(call.id()).append('|').append(call.type())
            .append('|').append(fields(call.additionalProperties()));
        call.function().ifPresent(function -> out.append("\n    function ").append(function.name()).append('|')
            .append(function.arguments()).append('|').append(fields(function.additionalProperties())));
      }
    }
    return out.toString();
  }
}
