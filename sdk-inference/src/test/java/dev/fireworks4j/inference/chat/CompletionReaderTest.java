package dev.fireworks4j.inference.chat;

import static dev.fireworks4j.inference.chat.ReadOutcome.assertSame;
import static dev.fireworks4j.inference.chat.ReadOutcome.fields;
import static dev.fireworks4j.inference.chat.ReadOutcome.node;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.core.testing.Fuzz;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The hand-written completion reader against databind, the reference: on seeded completions of every shape
 * (see {@link ChunkJson}; replay a failure with the seed it names) both give the same completion, or both fail
 * with the same message, and the shapes servers send are read without databind.
 */
class CompletionReaderTest {
  private static final ObjectReader DATABIND = Json.mapper().readerFor(ChatCompletion.class);

  @Test
  void readsEveryCompletionAsDatabindDoesOrFailsAsDatabindDoes() {
    Fuzz fuzz = new Fuzz("completion reader");
    ChunkJson json = new ChunkJson(fuzz, true);
    for (int run = 0; run < Fuzz.RUNS * 3; run++) {
      fuzz.startRun(run);
      byte[] bytes = json.completion(6).getBytes(StandardCharsets.UTF_8);
      String where = fuzz.where() + ": " + new String(bytes, StandardCharsets.UTF_8);
      assertSame(where, ReadOutcome.of(() -> DATABIND.readValue(bytes)),
          ReadOutcome.of(() -> CompletionReader.read(bytes)), CompletionReaderTest::describe);
    }
  }

  @Test
  void readsTheShapesServersSendWithoutDatabind() throws IOException {
    Fuzz fuzz = new Fuzz("completion reader, server shapes");
    ChunkJson json = new ChunkJson(fuzz, false);
    for (int run = 0; run < Fuzz.RUNS; run++) {
      fuzz.startRun(run);
      byte[] bytes = json.completion(0).getBytes(StandardCharsets.UTF_8);
      String where = fuzz.where() + ": " + new String(bytes, StandardCharsets.UTF_8);
      ChatCompletion streamed = CompletionReader.readStreaming(bytes); // throws if it needed databind
      assertSame(where, ReadOutcome.of(() -> DATABIND.readValue(bytes)), new ReadOutcome<>(streamed, null),
          CompletionReaderTest::describe);
    }
  }

  @Test
  void keepsUnknownFieldsOfEveryNodeTypeAtEveryLevel() throws IOException {
    String values = "{\"s\":\"x\",\"i\":1,\"l\":4294967296,\"b\":123456789012345678901234567890,\"d\":1.5,"
        + "\"e\":-2e-3,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[],{}],\"o\":{\"k\":{\"k\":[null]}},\"o\":{\"last\":1}}";
    String json = "{\"system_fingerprint\":\"fp\",\"x\":" + values + ",\"id\":\"c\",\"choices\":[{\"index\":0,\"y\":"
        + values + ",\"message\":{\"z\":" + values + ",\"role\":\"assistant\",\"content\":\"hi\",\"zz\":2,"
        + "\"tool_calls\":[{\"id\":\"call_1\",\"w\":" + values + ",\"function\":{\"name\":\"f\",\"v\":" + values
        + ",\"arguments\":{\"a\":[1,2.5]}}}]}}]}";
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ChatCompletion completion = CompletionReader.readStreaming(bytes);
    assertThat(completion.additionalProperties().keySet()).containsExactly("system_fingerprint", "x");
    JsonNode x = completion.additionalProperty("x").orElseThrow();
    assertThat(node(x)).isEqualTo(node(Json.mapper().readTree(values)));
    assertThat(node(x.get("b"))).startsWith("BigIntegerNode");
    assertThat(node(x.get("l"))).startsWith("LongNode");
    ChatMessage message = completion.choices().get(0).message();
    assertThat(message.additionalProperties()).containsOnlyKeys("z", "zz");
    assertThat(message.toolCalls().get(0).function().arguments()).isEqualTo("{\"a\":[1,2.5]}");
    assertSame(json, ReadOutcome.of(() -> DATABIND.readValue(bytes)), new ReadOutcome<>(completion, null),
        CompletionReaderTest::describe);
  }

  /** Every accessor, at every level, with the exact type of each node of every tree. */
  private static String describe(ChatCompletion completion) {
    StringBuilder out = new StringBuilder();
    out.append(completion.id()).append('|').append(completion.object()).append('|').append(completion.created())
        .append('|').append(completion.model()).append('|').append(completion.usage()).append('|')
        .append(completion.perfMetrics()).append('|').append(completion.promptTokenIds()).append('|')
        .append(fields(completion.additionalProperties()));
    for (ChatCompletion.Choice choice : completion.choices()) {
      if (choice == null) {
        out.append("\n null choice");
        continue;
      }
      out.append("\n choice ").append(choice.index()).append('|').append(choice.finishReason()).append('|')
          .append(choice.logprobs()).append('|').append(choice.rawOutput().map(ReadOutcome::node))
          .append('|').append(choice.tokenIds()).append('|').append(fields(choice.additionalProperties()));
      ChatMessage message = choice.message();
      out.append("\n  message ").append(message.role().value()).append('/').append(message.role().isKnown())
          .append('|').append(message.content().map(c -> c.isText() + ":" + c)).append('|')
          .append(message.reasoningContent()).append('|').append(message.toolCallId()).append('|')
          .append(fields(message.additionalProperties()));
      for (ToolCall call : message.toolCalls()) {
        out.append("\n   call ").append(call.id()).append('|').append(call.type()).append('|')
            .append(fields(call.additionalProperties())).append("\n    function ").append(call.function().name())
            .append('|').append(call.function().arguments()).append('|')
            .append(fields(call.function().additionalProperties()));
      }
    }
    return out.toString();
  }
}
