package dev.fireworks4j.inference;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.core.json.Json;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Base of the inference response types. Values are read from the server and not changed afterwards;
 * fields this SDK version does not know are kept in {@link #additionalProperties()} and written back.
 * {@link #toString()} is the object's JSON; two objects are equal when their JSON is.
 */
public abstract class ApiObject {
  /** Unknown fields; null until the first one arrives, so that the common case allocates nothing. */
  private Map<String, JsonNode> additionalProperties;

  /** For subclasses, which Jackson fills field by field. */
  protected ApiObject() {}

  /**
   * For subclasses filled by a hand-written reader, which collects the unknown fields first.
   *
   * @param additionalProperties the unknown fields in the order they arrived, or null when there were none
   */
  protected ApiObject(Map<String, JsonNode> additionalProperties) {
    if (additionalProperties != null && !additionalProperties.isEmpty()) {
      this.additionalProperties = new LinkedHashMap<>(additionalProperties);
    }
  }

  /**
   * For the hand-written readers of subclasses: the {@link Usage} whose object starts at the parser, when it has
   * the shape servers send; else null, and the reader leaves the whole body to databind.
   *
   * @throws IOException when the JSON is malformed
   */
  protected static Usage readUsage(JsonParser parser) throws IOException {
    return Usage.read(parser);
  }

  /** Fields this SDK version does not know, by wire name. */
  @JsonAnyGetter
  public final Map<String, JsonNode> additionalProperties() {
    return additionalProperties == null ? Map.of() : Collections.unmodifiableMap(additionalProperties);
  }

  /** One unknown field by wire name, if the server sent it. */
  public final Optional<JsonNode> additionalProperty(String name) {
    return additionalProperties == null ? Optional.empty() : Optional.ofNullable(additionalProperties.get(name));
  }

  @JsonAnySetter
  private void putAdditionalProperty(String name, JsonNode value) {
    if (additionalProperties == null) {
      additionalProperties = new LinkedHashMap<>(4);
    }
    additionalProperties.put(name, value);
  }

  /** The object as JSON, in wire format. */
  @Override
  public final String toString() {
    try {
      return Json.mapper().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      return getClass().getSimpleName() + "<unprintable: " + e.getOriginalMessage() + ">";
    }
  }

  /** Whether {@code other} is of the same type with the same JSON. */
  @Override
  public final boolean equals(Object other) {
    return other != null && other.getClass() == getClass() && toJsonTree().equals(((ApiObject) other).toJsonTree());
  }

  @Override
  public final int hashCode() {
    return toJsonTree().hashCode();
  }

  private JsonNode toJsonTree() {
    return Json.mapper().valueToTree(this);
  }
}
