package dev.fireworks4j.inference.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.inference.ApiObject;
import dev.fireworks4j.inference.LogProbs;
import dev.fireworks4j.inference.PerfMetrics;
import dev.fireworks4j.inference.Usage;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A chat completion ({@code ChatCompletionResponse}): one or more choices of answer, and the usage. */
public final class ChatCompletion extends ApiObject {
  @JsonProperty("id")
  String id;
  @JsonProperty("object")
  String object;
  @JsonProperty("created")
  long created;
  @JsonProperty("model")
  String model;
  @JsonProperty("choices")
  List<Choice> choices;
  @JsonProperty("usage")
  Usage usage;
  @JsonProperty("perf_metrics")
  PerfMetrics perfMetrics;
  @JsonProperty("prompt_token_ids")
  List<Integer> promptTokenIds;

  ChatCompletion() {}

  /** For {@link CompletionReader}, which collects the unknown fields first. */
  ChatCompletion(Map<String, JsonNode> additionalProperties) {
    super(additionalProperties);
  }

  /** The completion's id. */
  public String id() {
    return id == null ? "" : id;
  }

  /** The object type, {@code chat.completion}. */
  public String object() {
    return object == null ? "chat.completion" : object;
  }

  /** When it was created, in seconds since the epoch. */
  public long created() {
    return created;
  }

  /** The model that answered, as the server names it. */
  public String model() {
    return model == null ? "" : model;
  }

  /** The choices, by index. */
  public List<Choice> choices() {
    return listOf(choices);
  }

  /** The token counts, if the server sent them. */
  public Optional<Usage> usage() {
    return Optional.ofNullable(usage);
  }

  /** For the chat readers, which cannot reach {@code Usage}'s package: see {@link ApiObject#readUsage}. */
  static Usage usageAt(JsonParser parser) throws IOException {
    return readUsage(parser);
  }

  /** The server's performance metrics, when requested with {@code perf_metrics_in_response}. */
  public Optional<PerfMetrics> perfMetrics() {
    return Optional.ofNullable(perfMetrics);
  }

  /** The prompt's token ids, when requested with {@code return_token_ids}. */
  public List<Integer> promptTokenIds() {
    return listOf(promptTokenIds);
  }

  static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }

  static Optional<JsonNode> present(JsonNode node) {
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
  }

  /** One answer ({@code ChatCompletionResponseChoice}). */
  public static final class Choice extends ApiObject {
    private static final ChatMessage EMPTY = ChatMessage.builder().role(ChatRole.ASSISTANT).build();

    @JsonProperty("index")
    int index;
    @JsonProperty("message")
    ChatMessage message;
    @JsonProperty("finish_reason")
    String finishReason;
    @JsonProperty("logprobs")
    LogProbs logprobs;
    @JsonProperty("raw_output")
    JsonNode rawOutput;
    @JsonProperty("token_ids")
    List<Integer> tokenIds;

    Choice() {}

    /** For {@link CompletionReader}, which collects the unknown fields first. */
    Choice(Map<String, JsonNode> additionalProperties) {
      super(additionalProperties);
    }

    /** The choice's index. */
    public int index() {
      return index;
    }

    /** The assistant's message: content, reasoning and tool calls. */
    public ChatMessage message() {
      return message == null ? EMPTY : message;
    }

    /** Why generation stopped: {@code stop}, {@code length}, {@code tool_calls}, … (any string the server sends). */
    public Optional<String> finishReason() {
      return Optional.ofNullable(finishReason);
    }

    /** The log probabilities, when requested. */
    public Optional<LogProbs> logprobs() {
      return Optional.ofNullable(logprobs);
    }

    /** The raw prompt and completion as the model saw them, when requested with {@code raw_output}. */
    public Optional<JsonNode> rawOutput() {
      return present(rawOutput);
    }

    /** The generated token ids, when requested with {@code return_token_ids}. */
    public List<Integer> tokenIds() {
      return listOf(tokenIds);
    }
  }
}
