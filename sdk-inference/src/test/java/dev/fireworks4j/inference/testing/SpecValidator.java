package dev.fireworks4j.inference.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates JSON against the schemas of the official inference OpenAPI spec (test resource
 * {@code inference-openapi.yml}): types (with {@code null}), {@code required}, {@code properties},
 * {@code additionalProperties}, {@code enum}, {@code const}, {@code items}, {@code $ref}, {@code anyOf}
 * and {@code oneOf}. Enough of JSON Schema for the request bodies the SDK sends.
 */
public final class SpecValidator {
  private static final SpecValidator INSTANCE = load();
  private final JsonNode schemas;

  private SpecValidator(JsonNode spec) {
    this.schemas = spec.path("components").path("schemas");
  }

  /** The validator of the bundled spec. */
  public static SpecValidator inference() {
    return INSTANCE;
  }

  /** The problems of {@code json} against the named component schema; empty when valid. */
  public List<String> validate(String schemaName, JsonNode json) {
    List<String> problems = new ArrayList<>();
    JsonNode schema = schemas.get(schemaName);
    if (schema == null) {
      throw new IllegalArgumentException("no schema " + schemaName);
    }
    check(schema, json, "$", problems);
    return problems;
  }

  private void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      check(schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), value, path, problems);
      return;
    }
    for (String combinator : new String[] {"anyOf", "oneOf"}) {
      if (schema.has(combinator)) {
        int matches = 0;
        List<String> firstProblems = null;
        for (JsonNode option : schema.get(combinator)) {
          List<String> optionProblems = new ArrayList<>();
          check(option, value, path, optionProblems);
          if (optionProblems.isEmpty()) {
            matches++;
          } else if (firstProblems == null) {
            firstProblems = optionProblems;
          }
        }
        if (matches == 0 || combinator.equals("oneOf") && matches > 1) {
          problems.add(path + ": matches " + matches + " of the " + combinator + " options"
              + (firstProblems != null ? " (first option: " + firstProblems + ")" : ""));
        }
        return;
      }
    }
    if (schema.has("const") && !schema.get("const").equals(value)) {
      problems.add(path + ": must be " + schema.get("const"));
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode allowed : schema.get("enum")) {
        found |= allowed.equals(value);
      }
      if (!found) {
        problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
      }
    }
    if (schema.has("type") && !typeMatches(schema.get("type").asText(), value)) {
      problems.add(path + ": expected " + schema.get("type").asText() + ", got " + value.getNodeType());
      return;
    }
    if (value.isObject()) {
      checkObject(schema, value, path, problems);
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), path + "[" + i + "]", problems);
      }
    }
  }

  private void checkObject(JsonNode schema, JsonNode value, String path, List<String> problems) {
    JsonNode properties = schema.path("properties");
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        problems.add(path + ": missing required " + required.asText());
      }
    }
    JsonNode additional = schema.get("additionalProperties");
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String fieldPath = path + "." + field.getKey();
      if (properties.has(field.getKey())) {
        check(properties.get(field.getKey()), field.getValue(), fieldPath, problems);
      } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
        problems.add(fieldPath + ": not a property of the schema");
      } else if (additional != null && additional.isObject()) {
        check(additional, field.getValue(), fieldPath, problems);
      }
    }
  }

  private static boolean typeMatches(String type, JsonNode value) {
    switch (type) {
      case "object": return value.isObject();
      case "array": return value.isArray();
      case "string": return value.isTextual();
      case "integer": return value.isIntegralNumber();
      case "number": return value.isNumber();
      case "boolean": return value.isBoolean();
      case "null": return value.isNull();
      default: throw new IllegalArgumentException("unknown type " + type);
    }
  }

  private static SpecValidator load() {
    try (InputStream in = SpecValidator.class.getResourceAsStream("/inference-openapi.yml")) {
      return new SpecValidator(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
