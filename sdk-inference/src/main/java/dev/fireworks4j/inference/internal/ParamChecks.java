package dev.fireworks4j.inference.internal;

import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.inference.GenerationParams;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Client-side checks of request parameters, run when they are built; each failure names the wire field. */
public final class ParamChecks {
  /** The most stop sequences the server accepts. */
  static final int MAX_STOP_SEQUENCES = 4;

  private ParamChecks() {}

  /** Checks the fields every generation request shares. */
  public static void generation(GenerationParams params) {
    if (params.model().isBlank()) {
      throw new ValidationException("model", "is required: a model, deployment or router name");
    }
    range("temperature", params.temperature(), 0, 2);
    range("top_p", params.topP(), 0, 1);
    range("top_k", params.topK(), 0, 100);
    range("min_p", params.minP(), 0, 1);
    range("typical_p", params.typicalP(), 0, 1);
    range("n", params.n(), 1, 128);
    range("frequency_penalty", params.frequencyPenalty(), -2, 2);
    range("presence_penalty", params.presencePenalty(), -2, 2);
    range("repetition_penalty", params.repetitionPenalty(), 0, 2);
    range("top_logprobs", params.topLogprobs(), 0, 5);
    range("max_tokens", params.maxTokens(), 1, Integer.MAX_VALUE);
    range("max_completion_tokens", params.maxCompletionTokens(), 1, Integer.MAX_VALUE);
    range("echo_last", params.echoLast(), 0, Integer.MAX_VALUE);
    if (params.maxTokens().isPresent() && params.maxCompletionTokens().isPresent()) {
      throw new ValidationException("max_completion_tokens", "cannot be combined with max_tokens; set only one");
    }
    if (params.thinking().isPresent() && params.reasoningEffort().isPresent()) {
      throw new ValidationException("thinking", "cannot be combined with reasoning_effort; set only one");
    }
    if (params.stop().size() > MAX_STOP_SEQUENCES) {
      throw new ValidationException("stop", "at most " + MAX_STOP_SEQUENCES + " sequences, got " + params.stop().size());
    }
    if (params.stop().stream().anyMatch(String::isEmpty)) {
      throw new ValidationException("stop", "a stop sequence must not be empty");
    }
    for (Map.Entry<String, Double> bias : params.logitBias().entrySet()) {
      if (!isTokenId(bias.getKey())) {
        throw new ValidationException("logit_bias", "keys are token ids, got \"" + bias.getKey() + "\"");
      }
      range("logit_bias", OptionalDouble.of(bias.getValue()), -100, 100);
    }
    if (params.additionalBodyProperties().containsKey("stream")) {
      throw new ValidationException("stream", "is set by the stream(...) methods, not as an additional body property");
    }
  }

  /** Rejects a present value outside [{@code min}, {@code max}] (NaN included). */
  public static void range(String field, OptionalDouble value, double min, double max) {
    if (value.isPresent() && !(value.getAsDouble() >= min && value.getAsDouble() <= max)) {
      throw new ValidationException(field, "must be between " + min + " and " + max + ", was " + value.getAsDouble());
    }
  }

  /** Rejects a present value outside [{@code min}, {@code max}]. */
  public static void range(String field, OptionalInt value, int min, int max) {
    if (value.isPresent() && (value.getAsInt() < min || value.getAsInt() > max)) {
      throw new ValidationException(field, max == Integer.MAX_VALUE
          ? "must be at least " + min + ", was " + value.getAsInt()
          : "must be between " + min + " and " + max + ", was " + value.getAsInt());
    }
  }

  private static boolean isTokenId(String key) {
    if (key.isEmpty() || key.length() > 10) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) < '0' || key.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
