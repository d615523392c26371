package dev.fireworks4j.inference.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.fireworks4j.core.json.KnownValues;
import dev.fireworks4j.core.json.OpenEnum;
import java.util.List;

/** The author of a chat message ({@code role}). Open: roles this SDK version does not know are kept. */
public final class ChatRole extends OpenEnum {
  private static final KnownValues<ChatRole> VALUES = new KnownValues<>(ChatRole::new);

  /** Instructions that frame the conversation. */
  public static final ChatRole SYSTEM = VALUES.known("system");
  /** The user. */
  public static final ChatRole USER = VALUES.known("user");
  /** The model. */
  public static final ChatRole ASSISTANT = VALUES.known("assistant");
  /** The result of a tool call, answering the assistant's {@code tool_calls}. */
  public static final ChatRole TOOL = VALUES.known("tool");

  private ChatRole(String value, boolean known) {
    super(value, known);
  }

  /** The role for a wire string, known or not. */
  @JsonCreator
  public static ChatRole of(String value) {
    return VALUES.of(value);
  }

  /** The roles this SDK version declares. */
  public static List<ChatRole> knownValues() {
    return VALUES.values();
  }
}
