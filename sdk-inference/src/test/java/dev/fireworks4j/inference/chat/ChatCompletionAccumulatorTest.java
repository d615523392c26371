package dev.fireworks4j.inference.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fireworks4j.core.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatCompletionAccumulatorTest {
  private static ChatCompletionChunk chunk(String choices, String extra) {
    try {
      return Json.mapper().readValue("{\"id\":\"c-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
          + "\"model\":\"accounts/a/deployments/d\",\"choices\":[" + choices + "]" + extra + "}", ChatCompletionChunk.class);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static ChatCompletion accumulate(ChatCompletionChunk... chunks) {
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    for (ChatCompletionChunk chunk : chunks) {
      assertThat(accumulator.accumulate(chunk)).isSameAs(chunk);
    }
    return accumulator.chatCompletion();
  }

  @Test
  void rebuildsTheCompletionANonStreamedCallReturns() throws JsonProcessingException {
    ChatCompletion completion = accumulate(
        chunk("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null}}", ""),
        chunk("{\"index\":0,\"delta\":{\"reasoning_content\":\"Think\"}}", ""),
        chunk("{\"index\":0,\"delta\":{\"reasoning_content\":\"ing.\"}}", ""),
        chunk("{\"index\":0,\"delta\":{\"content\":\"Hel\"}}", ""),
        chunk("{\"index\":0,\"delta\":{\"content\":\"lo\"}}", ""),
        chunk("{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}",
            ",\"perf_metrics\":{\"server-time-to-first-token\":0.1}"),
        chunk("", ",\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":1}}"));

    ChatCompletion expected = Json.mapper().readValue("{\"id\":\"c-1\",\"object\":\"chat.completion\","
        + "\"created\":1700000000,\"model\":\"accounts/a/deployments/d\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":\"Hello\",\"reasoning_content\":\"Thinking.\"},"
        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5,"
        + "\"prompt_tokens_details\":{\"cached_tokens\":1}},\"perf_metrics\":{\"server-time-to-first-token\":0.1}}",
        ChatCompletion.class);
    assertThat(completion).isEqualTo(expected);
    assertThat(completion.usage().orElseThrow().cachedTokens()).isEqualTo(1);
  }

  @Test
  void joinsParallelToolCallArgumentsByIndex() {
    ChatCompletion completion = accumulate(
        chunk("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":["
            + "{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"\"}}]}}", ""),
        chunk("{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\","
            + "\"function\":{\"name\":\"time\",\"arguments\":\"{\\\"tz\\\":\"}}]}}", ""),
        chunk("{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}}", ""),
        chunk("{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"\\\"UTC\\\"}\"}},"
            + "{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}}", ""),
        chunk("{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}", ""));

    ChatMessage message = completion.choices().get(0).message();
    assertThat(message.content()).isEmpty();
    assertThat(message.toolCalls()).containsExactly(
        ToolCall.function("call_a", "weather", "{\"city\":\"Paris\"}"),
        ToolCall.function("call_b", "time", "{\"tz\":\"UTC\"}"));
    assertThat(completion.choices().get(0).finishReason()).contains("tool_calls");
  }

  @Test
  void joinsToolCallsWithoutIndexById() {
    ChatCompletion completion = accumulate(
        chunk("{\"index\":0,\"delta\":{\"tool_calls\":[{\"id\":\"call_a\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"x\\\"\"}}]}}", ""),
        chunk("{\"index\":0,\"delta\":{\"tool_calls\":[{\"function\":{\"arguments\":\":1}\"}}]}}", ""),
        chunk("{\"index\":0,\"delta\":{\"tool_calls\":[{\"id\":\"call_b\",\"function\":{\"name\":\"g\",\"arguments\":{\"y\":2}}}]}}", ""));

    assertThat(completion.choices().get(0).message().toolCalls()).containsExactly(
        ToolCall.function("call_a", "f", "{\"x\":1}"),
        ToolCall.function("call_b", "g", "{\"y\":2}"));
  }

  @Test
  void keepsChoicesApartAndJoinsTheirLogProbabilities() {
    ChatCompletion completion = accumulate(
        chunk("{\"index\":1,\"delta\":{\"content\":\"B\"},\"logprobs\":{\"content\":[{\"token\":\"B\",\"logprob\":-0.2,"
            + "\"bytes\":[66],\"top_logprobs\":[]}]}},{\"index\":0,\"delta\":{\"content\":\"A\"}}", ""),
        chunk("{\"index\":1,\"delta\":{\"content\":\"b\"},\"logprobs\":{\"content\":[{\"token\":\"b\",\"logprob\":-0.4,"
            + "\"bytes\":[98],\"top_logprobs\":[{\"token\":\"c\",\"logprob\":-2.0}]}]},\"finish_reason\":\"length\"}", ""));

    assertThat(completion.choices()).extracting(ChatCompletion.Choice::index).containsExactly(0, 1);
    assertThat(completion.choices().get(0).message().text()).contains("A");
    ChatCompletion.Choice second = completion.choices().get(1);
    assertThat(second.message().text()).contains("Bb");
    assertThat(second.logprobs().orElseThrow().content()).extracting(t -> t.token()).containsExactly("B", "b");
    assertThat(second.logprobs().orElseThrow().content().get(1).topLogprobs().get(0).logprob()).isEqualTo(-2.0);
    assertThat(second.finishReason()).contains("length");
    assertThat(completion.choices().get(0).finishReason()).isEmpty();
  }

  @Test
  void anEmptyAccumulatorHasNoCompletion() {
    assertThatThrownBy(() -> ChatCompletionAccumulator.create().chatCompletion())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theResultCanContinueTheConversation() {
    ChatCompletion completion = accumulate(chunk("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"4\"}}", ""));

    ChatCompletionParams next = ChatCompletionParams.builder().model("m")
        .addUserMessage("2+2?")
        .addMessage(completion.choices().get(0).message())
        .addUserMessage("and 3+3?")
        .build();

    assertThat(next.messages()).extracting(ChatMessage::role)
        .containsExactly(ChatRole.USER, ChatRole.ASSISTANT, ChatRole.USER);
    assertThat(List.of(next.messages().get(1).text().orElseThrow())).containsExactly("4");
  }
}
