package dev.fireworks4j.inference.chat;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fireworks4j.core.error.ValidationException;

/**
 * Whether and which tool the model calls ({@code tool_choice}): a mode, or one named function. The
 * server default is {@link #AUTO}.
 */
public final class ToolChoice {
  /** The model decides between answering and calling tools. */
  public static final ToolChoice AUTO = new ToolChoice(JsonNodeFactory.instance.textNode("auto"));
  /** The model answers without calling tools. */
  public static final ToolChoice NONE = new ToolChoice(JsonNodeFactory.instance.textNode("none"));
  /** The model must call at least one tool. */
  public static final ToolChoice REQUIRED = new ToolChoice(JsonNodeFactory.instance.textNode("required"));
  /** Fireworks' alias of {@link #REQUIRED}. */
  public static final ToolChoice ANY = new ToolChoice(JsonNodeFactory.instance.textNode("any"));

  private final JsonNode value;

  private ToolChoice(JsonNode value) {
    this.value = value;
  }

  /** The model must call the function {@code name}. */
  public static ToolChoice function(String name) {
    if (name == null || name.isBlank()) {
      throw new ValidationException("tool_choice.function.name", "must not be blank");
    }
    ObjectNode choice = JsonNodeFactory.instance.objectNode();
    choice.put("type", "function");
    choice.putObject("function").put("name", name);
    return new ToolChoice(choice);
  }

  /** The wire value: a string, or {@code {"type":"function","function":{"name":...}}}. */
  @JsonValue
  public JsonNode json() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ToolChoice && ((ToolChoice) other).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value.isTextual() ? value.asText() : value.toString();
  }
}
