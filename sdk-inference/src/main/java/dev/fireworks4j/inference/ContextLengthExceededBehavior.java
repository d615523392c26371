package dev.fireworks4j.inference;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.fireworks4j.core.json.KnownValues;
import dev.fireworks4j.core.json.OpenEnum;
import java.util.List;

/**
 * What the server does when the prompt plus {@code max_tokens} exceeds the context window ({@code
 * context_length_exceeded_behavior}). Open: values this SDK version does not know are kept.
 */
public final class ContextLengthExceededBehavior extends OpenEnum {
  private static final KnownValues<ContextLengthExceededBehavior> VALUES = new KnownValues<>(ContextLengthExceededBehavior::new);

  /** Fail the request. */
  public static final ContextLengthExceededBehavior ERROR = VALUES.known("error");
  /** Lower {@code max_tokens} to fit (the server default; OpenAI behaves like {@code error}). */
  public static final ContextLengthExceededBehavior TRUNCATE = VALUES.known("truncate");

  private ContextLengthExceededBehavior(String value, boolean known) {
    super(value, known);
  }

  /** The value for a wire string, known or not. */
  @JsonCreator
  public static ContextLengthExceededBehavior of(String value) {
    return VALUES.of(value);
  }

  /** The values this SDK version declares. */
  public static List<ContextLengthExceededBehavior> knownValues() {
    return VALUES.values();
  }
}
