package dev.fireworks4j.inference;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.fireworks4j.core.error.ValidationException;
import org.immutables.value.Value;

/**
 * Predicted output for speculative decoding ({@code prediction}, OpenAI style): text the answer is
 * expected to largely repeat, such as a file being edited.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePrediction.class)
public abstract class Prediction {
  Prediction() {}

  /** Always {@code content}. */
  @JsonProperty("type")
  @Value.Derived
  public String type() {
    return "content";
  }

  /** The predicted text. */
  @JsonProperty("content")
  public abstract String content();

  /** A prediction of {@code text}. */
  public static Prediction content(String text) {
    if (text == null || text.isEmpty()) {
      throw new ValidationException("prediction.content", "must not be empty");
    }
    return ImmutablePrediction.builder().content(text).build();
  }
}
