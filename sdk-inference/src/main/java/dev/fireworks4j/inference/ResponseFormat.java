package dev.fireworks4j.inference;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.json.Json;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The output format the model must follow ({@code response_format}): free text, any JSON object, JSON
 * matching a schema, or a grammar. When asking for JSON, also tell the model so in a message.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableResponseFormat.class)
public abstract class ResponseFormat {
  ResponseFormat() {}

  /** {@code text}, {@code json_object}, {@code json_schema} or {@code grammar}. */
  @JsonProperty("type")
  public abstract String type();

  /** The JSON schema of a {@code json_object} format (Fireworks style). */
  @JsonProperty("schema")
  public abstract Optional<JsonNode> schema();

  /** The schema of a {@code json_schema} format (OpenAI style: {@code name}, {@code schema}, {@code strict}). */
  @JsonProperty("json_schema")
  public abstract Optional<JsonNode> jsonSchema();

  /** The grammar of a {@code grammar} format (GBNF). */
  @JsonProperty("grammar")
  public abstract Optional<String> grammar();

  /** Free text (the default). */
  public static ResponseFormat text() {
    return ImmutableResponseFormat.builder().type("text").build();
  }

  /** Any valid JSON object (JSON mode). */
  public static ResponseFormat jsonObject() {
    return ImmutableResponseFormat.builder().type("json_object").build();
  }

  /** A JSON object matching {@code schema}, a JSON Schema object (Fireworks style). */
  public static ResponseFormat jsonObject(JsonNode schema) {
    return ImmutableResponseFormat.builder().type("json_object").schema(object("schema", schema)).build();
  }

  /**
   * A JSON object matching a named schema (OpenAI style):
   * {@code {"type":"json_schema","json_schema":{"name":name,"schema":schema,"strict":strict}}}.
   */
  public static ResponseFormat jsonSchema(String name, JsonNode schema, boolean strict) {
    if (name == null || name.isBlank()) {
      throw new ValidationException("response_format.json_schema.name", "must not be blank");
    }
    ObjectNode jsonSchema = Json.mapper().createObjectNode().put("name", name);
    jsonSchema.set("schema", object("schema", schema));
    jsonSchema.put("strict", strict);
    return ImmutableResponseFormat.builder().type("json_schema").jsonSchema(jsonSchema).build();
  }

  /** Text matching a GBNF grammar. */
  public static ResponseFormat grammar(String grammar) {
    if (grammar == null || grammar.isBlank()) {
      throw new ValidationException("response_format.grammar", "must not be blank");
    }
    return ImmutableResponseFormat.builder().type("grammar").grammar(grammar).build();
  }

  private static JsonNode object(String field, JsonNode schema) {
    if (schema == null || !schema.isObject()) {
      throw new ValidationException("response_format." + field, "must be a JSON Schema object");
    }
    return schema;
  }
}
