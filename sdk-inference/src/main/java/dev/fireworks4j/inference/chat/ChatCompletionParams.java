package dev.fireworks4j.inference.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.core.name.ResourceName;
import dev.fireworks4j.inference.GenerationParams;
import dev.fireworks4j.inference.internal.ParamChecks;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A chat completion request ({@code ChatCompletionRequest}): the model, the conversation, the tools, and
 * the generation settings of {@link GenerationParams}. Checked when built: a problem throws a
 * {@link ValidationException} naming the field.
 *
 * <pre>{@code
 * ChatCompletionParams params = ChatCompletionParams.builder()
 *     .model(RouterName.of("my-account", "my-router"))
 *     .addSystemMessage("Answer briefly.")
 *     .addUserMessage("Hello")
 *     .maxTokens(200)
 *     .build();
 * }</pre>
 */
@Value.Immutable
@RequestStyle
@JsonSerialize(as = ImmutableChatCompletionParams.class)
public abstract class ChatCompletionParams implements GenerationParams {
  ChatCompletionParams() {}

  /** The conversation so far, oldest first; at least one message. */
  @JsonProperty("messages")
  public abstract List<ChatMessage> messages();

  /** Tools the model may call. */
  @JsonProperty("tools")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<Tool> tools();

  /** Whether and which tool the model calls (server default {@code auto}). */
  @JsonProperty("tool_choice")
  public abstract Optional<ToolChoice> toolChoice();

  /** Whether the model may call several tools in one turn. */
  @JsonProperty("parallel_tool_calls")
  public abstract Optional<Boolean> parallelToolCalls();

  /** Whether to return log probabilities; {@code top_logprobs} sets how many alternatives. */
  @JsonProperty("logprobs")
  public abstract Optional<Boolean> logprobs();

  /** Truncate the prompt to this many tokens, evicting the oldest messages first (Fireworks extension). */
  @JsonProperty("prompt_truncate_len")
  public abstract OptionalInt promptTruncateLen();

  /** Never read special tokens in user content as special (Fireworks extension). */
  @JsonProperty("safe_tokenization")
  public abstract Optional<Boolean> safeTokenization();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these parameters, to derive a changed copy. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  @Value.Check
  void check() {
    ParamChecks.generation(this);
    if (messages().isEmpty()) {
      throw new ValidationException("messages", "must contain at least one message");
    }
    ParamChecks.range("prompt_truncate_len", promptTruncateLen(), 1, Integer.MAX_VALUE);
  }

  /** Builds {@link ChatCompletionParams}. */
  public static final class Builder extends ImmutableChatCompletionParams.Builder {
    /** The model as a typed name: a {@code RouterName} (router alias), {@code DeploymentName} or {@code ModelName}. */
    public Builder model(ResourceName model) {
      return model(model.toString());
    }

    /** Appends a system message. */
    public Builder addSystemMessage(String text) {
      return addMessage(ChatMessage.system(text));
    }

    /** Appends a user message. */
    public Builder addUserMessage(String text) {
      return addMessage(ChatMessage.user(text));
    }

    /** Appends an assistant message. */
    public Builder addAssistantMessage(String text) {
      return addMessage(ChatMessage.assistant(text));
    }

    /** Adds an extra body field, converted to JSON: the escape hatch for fields this SDK does not model. */
    public Builder putAdditionalBodyProperty(String name, Object value) {
      JsonNode json = Json.mapper().valueToTree(value);
      return putAdditionalBodyProperty(name, json);
    }
  }
}
