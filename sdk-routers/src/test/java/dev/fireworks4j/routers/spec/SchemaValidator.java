package dev.fireworks4j.routers.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small OpenAPI 3.1 schema validator for the subset the gateway spec uses: {@code $ref}, object
 * properties, {@code required}, {@code additionalProperties} maps, arrays, enums, string formats and
 * integer ranges. In request mode, read-only properties are errors; properties the schema does not
 * declare are always errors.
 */
public final class SchemaValidator {
  private final OpenApiSpec spec;
  private final boolean request;

  private SchemaValidator(OpenApiSpec spec, boolean request) {
    this.spec = spec;
    this.request = request;
  }

  /** A validator for request bodies: read-only properties must not be sent. */
  public static SchemaValidator forRequests(OpenApiSpec spec) {
    return new SchemaValidator(spec, true);
  }

  /** A validator for response bodies. */
  public static SchemaValidator forResponses(OpenApiSpec spec) {
    return new SchemaValidator(spec, false);
  }

  /** Every problem of {@code value} against {@code schema}; {@code extraTopLevel} are top-level names also allowed. */
  public List<String> validate(JsonNode schema, JsonNode value, Set<String> extraTopLevel) {
    List<String> problems = new ArrayList<>();
    check(schema, value, "$", problems, extraTopLevel);
    return problems;
  }

  private void check(JsonNode schema, JsonNode value, String at, List<String> problems, Set<String> extra) {
    if (schema.has("$ref")) {
      check(spec.resolve(schema.get("$ref").asText()), value, at, problems, extra);
      return;
    }
    String type = schema.path("type").asText("");
    if (schema.has("enum") && !contains(schema.get("enum"), value)) {
      problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
      return;
    }
    switch (type) {
      case "object":
        checkObject(schema, value, at, problems, extra);
        break;
      case "array":
        if (!value.isArray()) {
          problems.add(at + ": expected an array, got " + value.getNodeType());
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          check(schema.path("items"), value.get(i), at + "[" + i + "]", problems, Set.of());
        }
        break;
      case "string":
        if (!value.isTextual()) {
          problems.add(at + ": expected a string, got " + value.getNodeType());
        } else if (schema.path("format").asText().equals("date-time")) {
          try {
            OffsetDateTime.parse(value.asText());
          } catch (DateTimeParseException e) {
            problems.add(at + ": \"" + value.asText() + "\" is not an RFC 3339 date-time");
          }
        }
        break;
      case "integer":
        if (!value.isIntegralNumber()) {
          problems.add(at + ": expected an integer, got " + value.getNodeType());
        } else if (schema.path("format").asText().equals("int32") && !value.canConvertToInt()) {
          problems.add(at + ": " + value + " is outside int32");
        }
        break;
      case "number":
        if (!value.isNumber()) {
          problems.add(at + ": expected a number, got " + value.getNodeType());
        }
        break;
      case "boolean":
        if (!value.isBoolean()) {
          problems.add(at + ": expected a boolean, got " + value.getNodeType());
        }
        break;
      default:
        problems.add(at + ": the schema has no type the validator knows: " + schema);
    }
  }

  private void checkObject(JsonNode schema, JsonNode value, String at, List<String> problems, Set<String> extra) {
    if (!value.isObject()) {
      problems.add(at + ": expected an object, got " + value.getNodeType());
      return;
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.path("additionalProperties");
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String where = at + "." + field.getKey();
      JsonNode property = properties.path(field.getKey());
      if (!property.isMissingNode()) {
        if (request && readOnly(property)) {
          problems.add(where + ": read-only, must not be sent");
        }
        check(property, field.getValue(), where, problems, Set.of());
      } else if (additional.isObject()) {
        check(additional, field.getValue(), where, problems, Set.of());
      } else if (!(additional.isBoolean() && additional.asBoolean()) && !extra.contains(field.getKey())) {
        problems.add(where + ": not a property of the schema");
      }
    }
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        problems.add(at + ": required property " + required.asText() + " is missing");
      }
    }
  }

  private boolean readOnly(JsonNode property) {
    if (property.path("readOnly").asBoolean(false)) {
      return true;
    }
    return property.has("$ref") && spec.resolve(property.get("$ref").asText()).path("readOnly").asBoolean(false);
  }

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode candidate : values) {
      if (candidate.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
