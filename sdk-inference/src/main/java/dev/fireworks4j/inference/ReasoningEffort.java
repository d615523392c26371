package dev.fireworks4j.inference;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.fireworks4j.core.error.ValidationException;
import java.util.Objects;

/**
 * How much a reasoning model reasons ({@code reasoning_effort}): an effort level (OpenAI style), a token
 * limit, or on/off (Fireworks extensions). Which forms a model accepts differs per model.
 */
public final class ReasoningEffort {
  /** Little reasoning. */
  public static final ReasoningEffort LOW = new ReasoningEffort("low");
  /** Medium reasoning. */
  public static final ReasoningEffort MEDIUM = new ReasoningEffort("medium");
  /** Much reasoning. */
  public static final ReasoningEffort HIGH = new ReasoningEffort("high");
  /** The most reasoning the model offers. */
  public static final ReasoningEffort MAX = new ReasoningEffort("max");
  /** No reasoning. */
  public static final ReasoningEffort NONE = new ReasoningEffort("none");

  private final Object value;

  private ReasoningEffort(Object value) {
    this.value = value;
  }

  /** An effort level by name, including levels this SDK version does not know. */
  public static ReasoningEffort of(String level) {
    if (level == null || level.isBlank()) {
      throw new ValidationException("reasoning_effort", "must not be blank");
    }
    return new ReasoningEffort(level);
  }

  /** A hard limit on reasoning tokens (grammar-based reasoning models only). */
  public static ReasoningEffort tokens(int maxReasoningTokens) {
    if (maxReasoningTokens <= 0) {
      throw new ValidationException("reasoning_effort", "a token limit must be positive, was " + maxReasoningTokens);
    }
    return new ReasoningEffort(maxReasoningTokens);
  }

  /** Reasoning on ({@code true}, which the server reads as {@code medium}) or off ({@code none}). */
  public static ReasoningEffort enabled(boolean enabled) {
    return new ReasoningEffort(enabled);
  }

  /** The wire value: a {@code String}, an {@code Integer} or a {@code Boolean}. */
  @JsonValue
  public Object value() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReasoningEffort && ((ReasoningEffort) other).value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  @Override
  public String toString() {
    return String.valueOf(value);
  }
}
