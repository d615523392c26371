package dev.fireworks4j.inference.completions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.inference.ApiObject;
import dev.fireworks4j.inference.LogProbs;
import dev.fireworks4j.inference.PerfMetrics;
import dev.fireworks4j.inference.Usage;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A text completion ({@code CompletionResponse}), and also one chunk of a streamed one
 * ({@code CompletionStreamResponse}, whose choices carry the next piece of text).
 */
public final class Completion extends ApiObject {
  @JsonProperty("id")
  private String id;
  @JsonProperty("object")
  private String object;
  @JsonProperty("created")
  private long created;
  @JsonProperty("model")
  private String model;
  @JsonProperty("choices")
  private List<Choice> choices;
  @JsonProperty("usage")
  private Usage usage;
  @JsonProperty("perf_metrics")
  private PerfMetrics perfMetrics;

  private Completion() {}

  /** The completion's id. */
  public String id() {
    return id == null ? "" : id;
  }

  /** The object type, {@code text_completion}. */
  public String object() {
    return object == null ? "text_completion" : object;
  }

  /** When it was created, in seconds since the epoch. */
  public long created() {
    return created;
  }

  /** The model that answered. */
  public String model() {
    return model == null ? "" : model;
  }

  /** The choices (in a stream, the pieces of this chunk). */
  public List<Choice> choices() {
    return listOf(choices);
  }

  /** The token counts; in a stream, on one of the last chunks if at all. */
  public Optional<Usage> usage() {
    return Optional.ofNullable(usage);
  }

  /** The server's performance metrics, when requested with {@code perf_metrics_in_response}. */
  public Optional<PerfMetrics> perfMetrics() {
    return Optional.ofNullable(perfMetrics);
  }

  private static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }

  /** One generated text ({@code Choice}). */
  public static final class Choice extends ApiObject {
    @JsonProperty("index")
    private int index;
    @JsonProperty("text")
    private String text;
    @JsonProperty("finish_reason")
    private String finishReason;
    @JsonProperty("logprobs")
    private LogProbs logprobs;
    @JsonProperty("raw_output")
    private JsonNode rawOutput;
    @JsonProperty("prompt_token_ids")
    private List<Integer> promptTokenIds;
    @JsonProperty("token_ids")
    private List<Integer> tokenIds;

    private Choice() {}

    /** The choice's index (the prompt's index when several were sent). */
    public int index() {
      return index;
    }

    /** The generated text (in a stream, the next piece). */
    public String text() {
      return text == null ? "" : text;
    }

    /** Why generation stopped: {@code stop}, {@code length}, {@code error}, … */
    public Optional<String> finishReason() {
      return Optional.ofNullable(finishReason);
    }

    /** The log probabilities, when requested. */
    public Optional<LogProbs> logprobs() {
      return Optional.ofNullable(logprobs);
    }

    /** The raw output, when requested with {@code raw_output}. */
    public Optional<JsonNode> rawOutput() {
      return rawOutput == null || rawOutput.isNull() ? Optional.empty() : Optional.of(rawOutput);
    }

    /** The prompt's token ids, when requested with {@code return_token_ids}. */
    public List<Integer> promptTokenIds() {
      return listOf(promptTokenIds);
    }

    /** The generated token ids, when requested with {@code return_token_ids}. */
    public List<Integer> tokenIds() {
      return listOf(tokenIds);
    }
  }
}
