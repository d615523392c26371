package dev.fireworks4j.inference;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.fireworks4j.core.error.ValidationException;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Extended thinking in the Anthropic style ({@code thinking}), an alternative to
 * {@link ReasoningEffort}; a request may not set both.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableThinking.class)
public abstract class Thinking {
  /** The smallest thinking budget the server accepts. */
  public static final int MIN_BUDGET_TOKENS = 1024;

  Thinking() {}

  /** {@code enabled} or {@code disabled}. */
  @JsonProperty("type")
  public abstract String type();

  /** The token budget of enabled thinking, if limited. */
  @JsonProperty("budget_tokens")
  public abstract OptionalInt budgetTokens();

  /** Thinking on, without a budget. */
  public static Thinking enabled() {
    return ImmutableThinking.builder().type("enabled").build();
  }

  /** Thinking on, with a token budget of at least {@value #MIN_BUDGET_TOKENS}. */
  public static Thinking enabled(int budgetTokens) {
    if (budgetTokens < MIN_BUDGET_TOKENS) {
      throw new ValidationException("thinking.budget_tokens",
          "must be at least " + MIN_BUDGET_TOKENS + ", was " + budgetTokens);
    }
    return ImmutableThinking.builder().type("enabled").budgetTokens(budgetTokens).build();
  }

  /** Thinking off. */
  public static Thinking disabled() {
    return ImmutableThinking.builder().type("disabled").build();
  }
}
