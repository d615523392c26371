package dev.fireworks4j.inference;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.fireworks4j.core.json.KnownValues;
import dev.fireworks4j.core.json.OpenEnum;
import java.util.List;

/**
 * How earlier assistant reasoning is kept in the prompt of a multi-turn conversation ({@code
 * reasoning_history}). Open: values this SDK version does not know are kept.
 */
public final class ReasoningHistory extends OpenEnum {
  private static final KnownValues<ReasoningHistory> VALUES = new KnownValues<>(ReasoningHistory::new);

  /** Strip {@code reasoning_content} from every message. */
  public static final ReasoningHistory DISABLED = VALUES.known("disabled");
  /** Strip it up to and including the last user message. */
  public static final ReasoningHistory INTERLEAVED = VALUES.known("interleaved");
  /** Keep it everywhere. */
  public static final ReasoningHistory PRESERVED = VALUES.known("preserved");

  private ReasoningHistory(String value, boolean known) {
    super(value, known);
  }

  /** The value for a wire string, known or not. */
  @JsonCreator
  public static ReasoningHistory of(String value) {
    return VALUES.of(value);
  }

  /** The values this SDK version declares. */
  public static List<ReasoningHistory> knownValues() {
    return VALUES.values();
  }
}
