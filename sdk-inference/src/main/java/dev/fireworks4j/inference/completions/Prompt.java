package dev.fireworks4j.inference.completions;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.json.Json;
import java.util.List;
import java.util.Objects;

/**
 * The prompt of a text completion: one text, several texts (one choice each), or prompts already
 * tokenized as token ids. On the wire a string, a string array, an int array or an array of int arrays.
 */
public final class Prompt {
  private final JsonNode value;

  private Prompt(JsonNode value) {
    this.value = value;
  }

  /** One text prompt. */
  public static Prompt of(String text) {
    if (text == null) {
      throw new ValidationException("prompt", "must not be null");
    }
    return new Prompt(Json.mapper().getNodeFactory().textNode(text));
  }

  /** Several text prompts; the choices' indexes follow their order. */
  public static Prompt of(List<String> texts) {
    return new Prompt(Json.mapper().valueToTree(nonEmpty(texts)));
  }

  /** One prompt as token ids. */
  public static Prompt tokens(List<Integer> tokenIds) {
    return new Prompt(Json.mapper().valueToTree(nonEmpty(tokenIds)));
  }

  /** Several prompts as token ids. */
  public static Prompt tokenBatches(List<List<Integer>> batches) {
    nonEmpty(batches).forEach(Prompt::nonEmpty);
    return new Prompt(Json.mapper().valueToTree(batches));
  }

  /** The wire value. */
  @JsonValue
  public JsonNode json() {
    return value;
  }

  private static <T> List<T> nonEmpty(List<T> list) {
    if (list == null || list.isEmpty() || list.stream().anyMatch(Objects::isNull)) {
      throw new ValidationException("prompt", "must be a non-empty list without nulls");
    }
    return list;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Prompt && ((Prompt) other).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
