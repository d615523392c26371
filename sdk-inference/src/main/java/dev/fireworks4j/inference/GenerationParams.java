package dev.fireworks4j.inference;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The request fields that chat completions and text completions share: the model, sampling, limits,
 * output format, reasoning, caching and the Fireworks extensions. Unset fields are not sent, so the
 * server's defaults apply. Field names in errors and on the wire are the snake_case names.
 */
public interface GenerationParams {
  /**
   * The model to use: a model ({@code accounts/fireworks/models/...}), a deployment
   * ({@code accounts/<account>/deployments/<id>}) or a router alias ({@code accounts/<account>/routers/<id>}).
   */
  @JsonProperty("model")
  @Value.Default
  default String model() {
    return "";
  }

  /** Sampling temperature, 0 to 2; higher is more random. */
  @JsonProperty("temperature")
  OptionalDouble temperature();

  /** Nucleus sampling: only tokens within this cumulative probability, 0 to 1. */
  @JsonProperty("top_p")
  OptionalDouble topP();

  /** Only the k most probable tokens, 0 to 100 (Fireworks extension). */
  @JsonProperty("top_k")
  OptionalInt topK();

  /** Only tokens at least this probable, 0 to 1 (Fireworks extension). */
  @JsonProperty("min_p")
  OptionalDouble minP();

  /** Typical-p sampling, 0 to 1 (Fireworks extension). */
  @JsonProperty("typical_p")
  OptionalDouble typicalP();

  /** How many choices to generate, 1 to 128 (server default 1). */
  @JsonProperty("n")
  OptionalInt n();

  /** Up to 4 sequences that end generation; they are not part of the returned text. */
  @JsonProperty("stop")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<String> stop();

  /** The most tokens to generate; cannot be combined with {@link #maxCompletionTokens()}. */
  @JsonProperty("max_tokens")
  OptionalInt maxTokens();

  /** OpenAI's newer name for {@link #maxTokens()}; cannot be combined with it. */
  @JsonProperty("max_completion_tokens")
  OptionalInt maxCompletionTokens();

  /** Penalty for tokens by how often they appeared, -2 to 2. */
  @JsonProperty("frequency_penalty")
  OptionalDouble frequencyPenalty();

  /** Penalty for tokens that appeared at all, -2 to 2. */
  @JsonProperty("presence_penalty")
  OptionalDouble presencePenalty();

  /** Multiplicative penalty on repeated tokens, 0 to 2; 1 means none (Fireworks extension). */
  @JsonProperty("repetition_penalty")
  OptionalDouble repetitionPenalty();

  /** Target perplexity of Mirostat sampling; unset disables Mirostat (Fireworks extension). */
  @JsonProperty("mirostat_target")
  OptionalDouble mirostatTarget();

  /** Learning rate of Mirostat sampling (Fireworks extension). */
  @JsonProperty("mirostat_lr")
  OptionalDouble mirostatLr();

  /** Seed for reproducible sampling. */
  @JsonProperty("seed")
  OptionalLong seed();

  /** Alternatives to return per token position with their log probabilities, 0 to 5. */
  @JsonProperty("top_logprobs")
  OptionalInt topLogprobs();

  /** Token id (as a string) to a bias from -100 to 100 added to its logit. */
  @JsonProperty("logit_bias")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Map<String, Double> logitBias();

  /** An id of the end user, for abuse monitoring and, without a prompt cache key, session affinity. */
  @JsonProperty("user")
  Optional<String> user();

  /** Requests with the same key go to the same replica, to reuse its prompt cache (Fireworks extension). */
  @JsonProperty("prompt_cache_key")
  Optional<String> promptCacheKey();

  /** Isolates prompt-cache entries between tenants (Fireworks extension). */
  @JsonProperty("prompt_cache_isolation_key")
  Optional<String> promptCacheIsolationKey();

  /** The processing tier; only {@code priority} has an effect. */
  @JsonProperty("service_tier")
  Optional<ServiceTier> serviceTier();

  /** What to do when prompt plus {@code max_tokens} exceeds the context (server default {@code truncate}). */
  @JsonProperty("context_length_exceeded_behavior")
  Optional<ContextLengthExceededBehavior> contextLengthExceededBehavior();

  /** Whether to return the server's performance metrics in the body (Fireworks extension). */
  @JsonProperty("perf_metrics_in_response")
  Optional<Boolean> perfMetricsInResponse();

  /** Whether to return the raw prompt and completion as the model saw them (Fireworks extension). */
  @JsonProperty("raw_output")
  Optional<Boolean> rawOutput();

  /** Whether to return the token ids (Fireworks extension). */
  @JsonProperty("return_token_ids")
  Optional<Boolean> returnTokenIds();

  /** Whether to echo the prompt before the completion (Fireworks extension). */
  @JsonProperty("echo")
  Optional<Boolean> echo();

  /** Echo only the last this many prompt tokens (Fireworks extension). */
  @JsonProperty("echo_last")
  OptionalInt echoLast();

  /** Whether to keep generating after the end-of-sequence token (Fireworks extension). */
  @JsonProperty("ignore_eos")
  Optional<Boolean> ignoreEos();

  /** The output format: text, JSON, JSON matching a schema, or a grammar. */
  @JsonProperty("response_format")
  Optional<ResponseFormat> responseFormat();

  /** Predicted output that speeds up generation when the answer largely repeats it. */
  @JsonProperty("prediction")
  Optional<Prediction> prediction();

  /** Speculative-decoding text (Fireworks extension; {@link #prediction()} is the OpenAI form). */
  @JsonProperty("speculation")
  Optional<String> speculation();

  /** How much a reasoning model reasons; cannot be combined with {@link #thinking()}. */
  @JsonProperty("reasoning_effort")
  Optional<ReasoningEffort> reasoningEffort();

  /** How earlier reasoning is kept in multi-turn prompts (Fireworks extension). */
  @JsonProperty("reasoning_history")
  Optional<ReasoningHistory> reasoningHistory();

  /** Anthropic-style thinking switch; cannot be combined with {@link #reasoningEffort()}. */
  @JsonProperty("thinking")
  Optional<Thinking> thinking();

  /** String metadata stored with the request for tracing. */
  @JsonProperty("metadata")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Map<String, String> metadata();

  /**
   * Extra body fields sent as given, after the typed ones: the escape hatch for fields this SDK version
   * does not model. ({@code stream} is reserved: use the clients' {@code stream} methods.)
   */
  @JsonAnyGetter
  Map<String, JsonNode> additionalBodyProperties();
}
