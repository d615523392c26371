package dev.fireworks4j.testkit.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.fireworks4j.testkit.internal.control.Field.Kind;
import dev.fireworks4j.testkit.internal.json.JsonSupport;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's own description of a control-plane message (its fields as in the spec), used to validate
 * request bodies, resolve field-mask, filter and orderBy paths, and order rendered fields.
 */
final class MessageSchema {
  private final String name;
  private final Map<String, Field> byJson = new LinkedHashMap<>();
  private final Map<String, Field> byProto = new LinkedHashMap<>();

  private MessageSchema(String name) {
    this.name = name;
  }

  /** A schema built field by field. */
  static MessageSchema named(String name) {
    return new MessageSchema(name);
  }

  MessageSchema string(String json) {
    return add(json, Kind.STRING, false, List.of(), null, null);
  }

  MessageSchema readOnly(String json, Kind kind) {
    return add(json, kind, true, List.of(), null, null);
  }

  MessageSchema field(String json, Kind kind) {
    return add(json, kind, false, List.of(), null, null);
  }

  MessageSchema enumField(String json, boolean readOnly, List<String> values) {
    return add(json, Kind.ENUM, readOnly, values, null, null);
  }

  MessageSchema message(String json, boolean readOnly, MessageSchema message) {
    return add(json, Kind.MESSAGE, readOnly, List.of(), message, null);
  }

  MessageSchema list(String json, boolean readOnly, Kind element, List<String> enumValues) {
    return add(json, Kind.LIST, readOnly, enumValues, null, element);
  }

  MessageSchema map(String json, Kind value, MessageSchema valueMessage) {
    return add(json, Kind.MAP, false, List.of(), valueMessage, value);
  }

  private MessageSchema add(String json, Kind kind, boolean readOnly, List<String> values, MessageSchema message,
      Kind element) {
    Field field = new Field(json, Field.protoName(json), kind, readOnly, values, message, element);
    byJson.put(json, field);
    byProto.put(field.proto(), field);
    return this;
  }

  /** The schema's name, for messages. */
  String name() {
    return name;
  }

  /** The fields in declaration order. */
  Collection<Field> fields() {
    return byJson.values();
  }

  /** The field with this JSON or proto name, or {@code null}. */
  Field field(String name) {
    Field field = byJson.get(name);
    return field != null ? field : byProto.get(name);
  }

  /**
   * Checks a request body against the schema and returns a copy holding only the writable fields, with values
   * normalised (numbers in strings read as numbers, enum numbers as names); JSON {@code null} means "not set",
   * as in proto3 JSON, and unknown or read-only fields are ignored. Throws INVALID_ARGUMENT naming the field.
   */
  ObjectNode writableCopy(JsonNode body, String path) {
    if (!body.isObject()) {
      throw ApiError.invalid(path + " must be a JSON object");
    }
    ObjectNode out = JsonSupport.object();
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      Field field = field(e.getKey());
      if (field == null || field.readOnly() || e.getValue().isNull()) {
        continue;
      }
      out.set(field.json(), value(field.kind(), field, e.getValue(), join(path, field.json())));
    }
    return out;
  }

  private JsonNode value(Kind kind, Field field, JsonNode value, String path) {
    switch (kind) {
      case STRING:
        return expect(value.isTextual(), value, path, "a string");
      case BOOL:
        return expect(value.isBoolean(), value, path, "a boolean");
      case INT32:
        return int32(value, path);
      case FLOAT:
        if (value.isNumber()) {
          return value;
        }
        try {
          return value.isTextual() ? DoubleNode.valueOf(Double.parseDouble(value.asText()))
              : fail(path, "a number", value);
        } catch (NumberFormatException e) {
          return fail(path, "a number", value);
        }
      case TIMESTAMP:
        expect(value.isTextual(), value, path, "an RFC 3339 timestamp");
        try {
          Instant.parse(value.asText());
          return value;
        } catch (DateTimeParseException e) {
          return fail(path, "an RFC 3339 timestamp", value);
        }
      case DURATION:
        expect(value.isTextual() && value.asText().endsWith("s") && !value.asText().endsWith("ms")
            && JsonSupport.parseDuration(value.asText()) != null, value, path, "a duration such as \"30s\"");
        return value;
      case ENUM:
        return enumValue(field.enumValues(), value, path);
      case MESSAGE:
        return field.message().writableCopy(value, path);
      case LIST:
        if (!value.isArray()) {
          return fail(path, "an array", value);
        }
        ArrayNode items = JsonSupport.array();
        for (int i = 0; i < value.size(); i++) {
          items.add(value(field.element(), field, value.get(i), path + "[" + i + "]"));
        }
        return items;
      case MAP:
        if (!value.isObject()) {
          return fail(path, "an object", value);
        }
        ObjectNode entries = JsonSupport.object();
        value.properties().forEach(e -> entries.set(e.getKey(), field.element() == Kind.MESSAGE
            ? field.message().writableCopy(e.getValue(), path + "." + e.getKey())
            : value(field.element(), field, e.getValue(), path + "." + e.getKey())));
        return entries;
      default:
        throw new IllegalStateException("unhandled kind " + kind);
    }
  }

  private static JsonNode int32(JsonNode value, String path) {
    long number;
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      number = value.asLong();
    } else if (value.isTextual() && value.asText().matches("-?\\d{1,10}")) {
      number = Long.parseLong(value.asText());
    } else {
      return fail(path, "a 32-bit integer", value);
    }
    if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
      return fail(path, "a 32-bit integer", value);
    }
    return IntNode.valueOf((int) number);
  }

  private static JsonNode enumValue(List<String> values, JsonNode value, String path) {
    if (value.isTextual() && values.contains(value.asText())) {
      return value;
    }
    if (value.isIntegralNumber() && value.asInt() >= 0 && value.asInt() < values.size()) {
      return TextNode.valueOf(values.get(value.asInt()));
    }
    throw ApiError.invalid("invalid value for " + path + ": " + value + " (expected one of " + values + ")");
  }

  private static JsonNode expect(boolean ok, JsonNode value, String path, String what) {
    return ok ? value : fail(path, what, value);
  }

  private static JsonNode fail(String path, String what, JsonNode value) {
    throw ApiError.invalid("invalid value for " + path + ": expected " + what + ", got " + value);
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
