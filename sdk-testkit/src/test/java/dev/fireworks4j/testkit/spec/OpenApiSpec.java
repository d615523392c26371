package dev.fireworks4j.testkit.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small OpenAPI 3.1 response-schema validator for the emulator's conformance tests: {@code type} (one or a
 * list), {@code required}, {@code properties}, {@code additionalProperties} (false, true or a schema, as maps),
 * {@code enum}, {@code $ref} (with sibling keywords), {@code items}, {@code anyOf}/{@code oneOf}, and the formats
 * {@code int32} and {@code date-time}.
 *
 * <p>It is stricter than OpenAPI on one point: an object property that its schema does not declare is an error
 * unless the schema has {@code additionalProperties}. The emulator writes only declared fields, so an undeclared
 * one is a typo or a field the spec does not have.
 */
public final class OpenApiSpec {
  private static final Map<String, OpenApiSpec> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  private final JsonNode root;

  private OpenApiSpec(JsonNode root) {
    this.root = root;
  }

  /** The control-plane spec, {@code spec/gateway-openapi.yml}. */
  public static OpenApiSpec gateway() {
    return load("spec/gateway-openapi.yml");
  }

  /** The inference spec, {@code spec/inference-openapi.yml}. */
  public static OpenApiSpec inference() {
    return load("spec/inference-openapi.yml");
  }

  private static OpenApiSpec load(String resource) {
    return CACHE.computeIfAbsent(resource, r -> {
      try (InputStream in = OpenApiSpec.class.getClassLoader().getResourceAsStream(r)) {
        if (in == null) {
          throw new IllegalStateException("missing test resource " + r);
        }
        return new OpenApiSpec(new ObjectMapper(new YAMLFactory()).readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The schema of a path's response, e.g. ({@code /v1/accounts/{account_id}/routers}, get, 200, application/json). */
  public JsonNode responseSchema(String path, String method, String status, String mediaType) {
    JsonNode schema = root.path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT))
        .path("responses").path(status).path("content").path(mediaType).path("schema");
    if (schema.isMissingNode()) {
      throw new IllegalArgumentException("the spec has no " + mediaType + " schema for " + method + " " + path + " "
          + status);
    }
    return schema;
  }

  /** A component schema by name, e.g. {@code googlerpcStatus}. */
  public JsonNode schema(String name) {
    JsonNode schema = root.path("components").path("schemas").path(name);
    if (schema.isMissingNode()) {
      throw new IllegalArgumentException("the spec has no schema " + name);
    }
    return schema;
  }

  /** The violations of {@code value} against {@code schema}; empty when it conforms. */
  public List<String> validate(JsonNode value, JsonNode schema) {
    List<String> errors = new ArrayList<>();
    check(value, schema, "$", errors);
    return errors;
  }

  private void check(JsonNode value, JsonNode schema, String at, List<String> errors) {
    if (schema.has("$ref")) {
      check(value, resolve(schema.get("$ref").asText()), at, errors);
    }
    if (schema.has("anyOf") || schema.has("oneOf")) {
      JsonNode options = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
      int matches = 0;
      List<String> firstErrors = null;
      for (JsonNode option : options) {
        List<String> optionErrors = new ArrayList<>();
        check(value, option, at, optionErrors);
        if (optionErrors.isEmpty()) {
          matches++;
        } else if (firstErrors == null) {
          firstErrors = optionErrors;
        }
      }
      if (matches == 0) {
        errors.add(at + ": matches none of " + options.size() + " alternatives (first: " + firstErrors + ")");
      } else if (schema.has("oneOf") && matches > 1) {
        errors.add(at + ": matches " + matches + " oneOf alternatives");
      }
    }
    if (schema.has("type") && !typeMatches(value, schema.get("type"))) {
      errors.add(at + ": expected " + schema.get("type") + ", got " + describe(value));
      return;
    }
    if (schema.has("enum") && !contains(schema.get("enum"), value)) {
      errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
    }
    String format = schema.path("format").asText("");
    if (format.equals("int32") && value.isIntegralNumber() && !value.canConvertToInt()) {
      errors.add(at + ": " + value + " is outside int32");
    }
    if (format.equals("date-time") && value.isTextual()) {
      try {
        OffsetDateTime.parse(value.asText());
      } catch (DateTimeParseException e) {
        errors.add(at + ": \"" + value.asText() + "\" is not an RFC 3339 date-time");
      }
    }
    if (value.isObject()) {
      checkObject(value, schema, at, errors);
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(value.get(i), schema.get("items"), at + "[" + i + "]", errors);
      }
    }
  }

  private void checkObject(JsonNode value, JsonNode schema, String at, List<String> errors) {
    boolean describesObject = schema.has("properties") || schema.has("additionalProperties")
        || schema.path("type").asText("").equals("object");
    if (!describesObject) {
      return;
    }
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        errors.add(at + ": missing required property " + required.asText());
      }
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.get("additionalProperties");
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      String where = at + "." + e.getKey();
      if (properties.has(e.getKey())) {
        check(e.getValue(), properties.get(e.getKey()), where, errors);
      } else if (additional == null) {
        if (!schema.has("$ref")) {
          errors.add(where + ": not declared by the schema");
        }
      } else if (additional.isBoolean()) {
        if (!additional.asBoolean()) {
          errors.add(where + ": additional property not allowed");
        }
      } else {
        check(e.getValue(), additional, where, errors);
      }
    }
  }

  private JsonNode resolve(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalArgumentException("only local $refs are supported: " + ref);
    }
    JsonNode node = root;
    for (String part : ref.substring(2).split("/")) {
      node = node.path(part.replace("~1", "/").replace("~0", "~"));
    }
    if (node.isMissingNode()) {
      throw new IllegalArgumentException("unresolved $ref " + ref);
    }
    return node;
  }

  private static boolean typeMatches(JsonNode value, JsonNode type) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (typeMatches(value, t)) {
          return true;
        }
      }
      return false;
    }
    switch (type.asText()) {
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

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode v : values) {
      if (v.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(JsonNode value) {
    String text = value.toString();
    return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
        + (text.length() > 80 ? text.substring(0, 80) + "…" : text);
  }
}
