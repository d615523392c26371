package dev.fireworks4j.inference.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.fireworks4j.core.error.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One message of a conversation ({@code ChatMessage}): what requests send and what responses return, so
 * that a response's message can be appended to the next request as it is.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableChatMessage.class)
@JsonDeserialize(as = ImmutableChatMessage.class)
public abstract class ChatMessage {
  ChatMessage() {}

  /** Who wrote the message. */
  @JsonProperty("role")
  public abstract ChatRole role();

  /** The content; absent only on assistant messages that call tools instead. */
  @JsonProperty("content")
  public abstract Optional<MessageContent> content();

  /** The model's reasoning, separate from the answer (reasoning models only). */
  @JsonProperty("reasoning_content")
  public abstract Optional<String> reasoningContent();

  /** The tool calls of an assistant message. */
  @JsonProperty("tool_calls")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<ToolCall> toolCalls();

  /** The call a {@code tool} message answers. */
  @JsonProperty("tool_call_id")
  public abstract Optional<String> toolCallId();

  /** Fields this SDK version does not know, kept and written back. */
  @JsonAnyGetter
  public abstract Map<String, JsonNode> additionalProperties();

  /** The content as text: the plain text, or the text parts joined; empty when there is no content. */
  public Optional<String> text() {
    return content().map(MessageContent::asText);
  }

  /** A system message. */
  public static ChatMessage system(String text) {
    return builder().role(ChatRole.SYSTEM).content(text).build();
  }

  /** A user message. */
  public static ChatMessage user(String text) {
    return builder().role(ChatRole.USER).content(text).build();
  }

  /** A user message made of parts, such as text and images. */
  public static ChatMessage user(ContentPart... parts) {
    return builder().role(ChatRole.USER).content(MessageContent.of(List.of(parts))).build();
  }

  /** An assistant message, as when replaying a conversation. */
  public static ChatMessage assistant(String text) {
    return builder().role(ChatRole.ASSISTANT).content(text).build();
  }

  /** A tool's result, answering the call {@code toolCallId}. */
  public static ChatMessage tool(String toolCallId, String result) {
    return builder().role(ChatRole.TOOL).toolCallId(toolCallId).content(result).build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this message's values. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  @Value.Check
  void check() {
    if (content().isEmpty() && !role().equals(ChatRole.ASSISTANT)) {
      throw new ValidationException("content", "is required on " + role() + " messages");
    }
    if (role().equals(ChatRole.TOOL) && toolCallId().isEmpty()) {
      throw new ValidationException("tool_call_id", "is required on tool messages");
    }
  }

  /** Builds a {@link ChatMessage}. */
  public static final class Builder extends ImmutableChatMessage.Builder {
    /** Sets plain-text content. */
    public Builder content(String text) {
      return content(MessageContent.of(text));
    }
  }
}
