package dev.fireworks4j.inference.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.fireworks4j.inference.ApiObject;
import dev.fireworks4j.inference.LogProbs;
import dev.fireworks4j.inference.PerfMetrics;
import dev.fireworks4j.inference.Usage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One event of a streamed chat completion ({@code ChatCompletionStreamResponse}). The first chunk
 * usually carries the role, later ones pieces of content, reasoning or tool-call arguments, the last ones
 * the finish reason and the usage. {@link #choices()} may be empty (a chunk carrying only the usage), and
 * the usage may never come. Join chunks with {@link ChatCompletionAccumulator}.
 */
public final class ChatCompletionChunk extends ApiObject {
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

  private ChatCompletionChunk() {}

  /** For {@link ChunkReader}, with the unknown fields it collected (or null). */
  ChatCompletionChunk(Map<String, JsonNode> additionalProperties) {
    super(additionalProperties);
  }

  /** The id of the completion, the same on every chunk. */
  public String id() {
    return id == null ? "" : id;
  }

  /** The object type, {@code chat.completion.chunk}. */
  public String object() {
    return object == null ? "chat.completion.chunk" : object;
  }

  /** When the completion was created, in seconds since the epoch. */
  public long created() {
    return created;
  }

  /** The model that answers. */
  public String model() {
    return model == null ? "" : model;
  }

  /** The changes to each choice; empty on a usage-only chunk. */
  public List<Choice> choices() {
    return ChatCompletion.listOf(choices);
  }

  /** The token counts, on one of the last chunks, if the server sends them at all. */
  public Optional<Usage> usage() {
    return Optional.ofNullable(usage);
  }

  /** The performance metrics, on the final chunk when requested with {@code perf_metrics_in_response}. */
  public Optional<PerfMetrics> perfMetrics() {
    return Optional.ofNullable(perfMetrics);
  }

  /** The prompt's token ids, when requested with {@code return_token_ids}. */
  public List<Integer> promptTokenIds() {
    return ChatCompletion.listOf(promptTokenIds);
  }

  /** The change to one choice ({@code ChatCompletionResponseStreamChoice}). */
  public static final class Choice extends ApiObject {
    @JsonProperty("index")
    int index;
    @JsonProperty("delta")
    Delta delta;
    @JsonProperty("finish_reason")
    String finishReason;
    @JsonProperty("logprobs")
    LogProbs logprobs;
    @JsonProperty("raw_output")
    JsonNode rawOutput;
    @JsonProperty("prompt_token_ids")
    List<Integer> promptTokenIds;
    @JsonProperty("token_ids")
    List<Integer> tokenIds;

    private Choice() {}

    /** For {@link ChunkReader}, with the unknown fields it collected (or null). */
    Choice(Map<String, JsonNode> additionalProperties) {
      super(additionalProperties);
    }

    /** The choice's index. */
    public int index() {
      return index;
    }

    /** What this chunk adds to the choice's message. */
    public Delta delta() {
      return delta == null ? Delta.EMPTY : delta;
    }

    /** Why generation stopped, on the choice's last chunk. */
    public Optional<String> finishReason() {
      return Optional.ofNullable(finishReason);
    }

    /** The log probabilities of this chunk's tokens, when requested. */
    public Optional<LogProbs> logprobs() {
      return Optional.ofNullable(logprobs);
    }

    /** The raw output, when requested with {@code raw_output}. */
    public Optional<JsonNode> rawOutput() {
      return ChatCompletion.present(rawOutput);
    }

    /** The prompt's token ids, when requested with {@code return_token_ids}. */
    public List<Integer> promptTokenIds() {
      return ChatCompletion.listOf(promptTokenIds);
    }

    /** This chunk's token ids, when requested with {@code return_token_ids}. */
    public List<Integer> tokenIds() {
      return ChatCompletion.listOf(tokenIds);
    }
  }

  /** A piece of a message ({@code DeltaMessage}). */
  public static final class Delta extends ApiObject {
    static final Delta EMPTY = new Delta();

    @JsonProperty("role")
    ChatRole role;
    @JsonProperty("content")
    String content;
    @JsonProperty("reasoning_content")
    String reasoningContent;
    @JsonProperty("tool_calls")
    List<ToolCallDelta> toolCalls;

    private Delta() {}

    /** For {@link ChunkReader}, with the unknown fields it collected (or null). */
    Delta(Map<String, JsonNode> additionalProperties) {
      super(additionalProperties);
    }

    /** The role, usually on the first chunk only. */
    public Optional<ChatRole> role() {
      return Optional.ofNullable(role);
    }

    /** The next piece of content. */
    public Optional<String> content() {
      return Optional.ofNullable(content);
    }

    /** The next piece of reasoning. */
    public Optional<String> reasoningContent() {
      return Optional.ofNullable(reasoningContent);
    }

    /** Pieces of tool calls: a header with id and name, then fragments of the arguments. */
    public List<ToolCallDelta> toolCalls() {
      return ChatCompletion.listOf(toolCalls);
    }
  }

  /** A piece of a tool call; {@link #index()} says which call of the message it belongs to. */
  public static final class ToolCallDelta extends ApiObject {
    @JsonProperty("index")
    Integer index;
    @JsonProperty("id")
    String id;
    @JsonProperty("type")
    String type;
    @JsonProperty("function")
    FunctionDelta function;

    private ToolCallDelta() {}

    /** For {@link ChunkReader}, with the unknown fields it collected (or null). */
    ToolCallDelta(Map<String, JsonNode> additionalProperties) {
      super(additionalProperties);
    }

    /** The position of the call in the message, if the server sent it. */
    public Optional<Integer> index() {
      return Optional.ofNullable(index);
    }

    /** The call's id, on its first piece. */
    public Optional<String> id() {
      return Optional.ofNullable(id);
    }

    /** The call's type ({@code function}), on its first piece. */
    public Optional<String> type() {
      return Optional.ofNullable(type);
    }

    /** The function name and the next fragment of its arguments. */
    public Optional<FunctionDelta> function() {
      return Optional.ofNullable(function);
    }
  }

  /** A piece of a function call: its name (first piece) and a fragment of the arguments' JSON text. */
  public static final class FunctionDelta extends ApiObject {
    @JsonProperty("name")
    String name;
    @JsonProperty("arguments")
    @JsonDeserialize(using = ArgumentsReader.class)
    String arguments;

    private FunctionDelta() {}

    /** For {@link ChunkReader}, with the unknown fields it collected (or null). */
    FunctionDelta(Map<String, JsonNode> additionalProperties) {
      super(additionalProperties);
    }

    /** The function name, on the call's first piece. */
    public Optional<String> name() {
      return Optional.ofNullable(name);
    }

    /** The next fragment of the arguments. */
    public Optional<String> arguments() {
      return Optional.ofNullable(arguments);
    }
  }
}
