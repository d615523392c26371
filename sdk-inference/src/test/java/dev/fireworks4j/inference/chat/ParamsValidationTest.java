package dev.fireworks4j.inference.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.inference.ReasoningEffort;
import dev.fireworks4j.inference.ResponseFormat;
import dev.fireworks4j.inference.Thinking;
import dev.fireworks4j.inference.completions.CompletionParams;
import dev.fireworks4j.inference.completions.Prompt;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ParamsValidationTest {
  private static ChatCompletionParams.Builder valid() {
    return ChatCompletionParams.builder().model("accounts/fireworks/models/m").addUserMessage("Hi");
  }

  private static void rejects(String field, Consumer<ChatCompletionParams.Builder> change) {
    ChatCompletionParams.Builder builder = valid();
    change.accept(builder);
    assertThatThrownBy(builder::build).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void namesTheFieldOfEachRejectedValue() {
    assertThatThrownBy(() -> ChatCompletionParams.builder().addUserMessage("Hi").build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("model"));
    assertThatThrownBy(() -> ChatCompletionParams.builder().model("m").build())
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("messages");
          assertThat(e).hasMessage("messages: must contain at least one message");
        });
    rejects("max_completion_tokens", b -> b.maxTokens(10).maxCompletionTokens(10));
    rejects("max_tokens", b -> b.maxTokens(0));
    rejects("temperature", b -> b.temperature(2.5));
    rejects("temperature", b -> b.temperature(Double.NaN));
    rejects("top_p", b -> b.topP(1.5));
    rejects("top_k", b -> b.topK(101));
    rejects("min_p", b -> b.minP(-0.1));
    rejects("n", b -> b.n(0));
    rejects("n", b -> b.n(129));
    rejects("top_logprobs", b -> b.topLogprobs(6));
    rejects("frequency_penalty", b -> b.frequencyPenalty(3));
    rejects("repetition_penalty", b -> b.repetitionPenalty(2.5));
    rejects("stop", b -> b.addStop("a", "b", "c", "d", "e"));
    rejects("stop", b -> b.addStop(""));
    rejects("logit_bias", b -> b.putLogitBias("hello", 1.0));
    rejects("logit_bias", b -> b.putLogitBias("42", 101.0));
    rejects("thinking", b -> b.thinking(Thinking.enabled()).reasoningEffort(ReasoningEffort.HIGH));
    rejects("stream", b -> b.putAdditionalBodyProperty("stream", true));
    rejects("prompt_truncate_len", b -> b.promptTruncateLen(0));
  }

  @Test
  void checksMessagesToolsAndFormats() {
    assertThatThrownBy(() -> ChatMessage.builder().role(ChatRole.USER).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("content"));
    assertThatThrownBy(() -> ChatMessage.builder().role(ChatRole.TOOL).content("r").build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("tool_call_id"));
    assertThatThrownBy(() -> Tool.function("bad name!", "d", JsonNodeFactory.instance.objectNode()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("tools.function.name"));
    assertThatThrownBy(() -> Tool.function("f", "d", JsonNodeFactory.instance.arrayNode()))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("tools.function.parameters"));
    assertThatThrownBy(() -> ResponseFormat.jsonObject(JsonNodeFactory.instance.textNode("x")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("response_format.schema"));
    assertThatThrownBy(() -> Thinking.enabled(100))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("thinking.budget_tokens"));
    assertThatThrownBy(() -> ReasoningEffort.tokens(0)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ToolChoice.function(" ")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> MessageContent.of(List.of())).isInstanceOf(ValidationException.class);
    assertThat(ChatMessage.builder().role(ChatRole.ASSISTANT).addToolCall(ToolCall.function("c", "f", "{}")).build()
        .content()).isEmpty();
  }

  @Test
  void checksTextCompletionParams() {
    assertThatThrownBy(() -> CompletionParams.builder().model("m").build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("prompt"));
    assertThatThrownBy(() -> CompletionParams.builder().model("m").prompt("p").logprobs(6).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("logprobs"));
    assertThatThrownBy(() -> CompletionParams.builder().model("m").prompt("p").temperature(-1).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("temperature"));
    assertThatThrownBy(() -> Prompt.tokenBatches(List.of(List.of(1), List.of()))).isInstanceOf(ValidationException.class);
  }

  @Test
  void copiesKeepEveryFieldAndSharedFieldsMoveBetweenEndpoints() {
    ChatCompletionParams params = valid().temperature(0.3).maxTokens(20).addStop("x").putMetadata("k", "v")
        .reasoningEffort(ReasoningEffort.tokens(500)).build();

    assertThat(params.toBuilder().build()).isEqualTo(params);
    assertThat(params.toBuilder().temperature(0.9).build().temperature()).hasValue(0.9);
    CompletionParams completion = CompletionParams.builder().from((dev.fireworks4j.inference.GenerationParams) params)
        .prompt("Once").build();
    assertThat(completion.temperature()).hasValue(0.3);
    assertThat(completion.maxTokens()).hasValue(20);
    assertThat(completion.reasoningEffort()).contains(ReasoningEffort.tokens(500));
    assertThat(completion.model()).isEqualTo("accounts/fireworks/models/m");
  }
}
