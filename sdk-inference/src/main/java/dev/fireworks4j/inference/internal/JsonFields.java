package dev.fireworks4j.inference.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.core.json.OpenEnum;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The fields of request bodies by kind, with the SDK mapper's omission rules: an absent optional is not
 * written ({@code NON_ABSENT}), nor is an empty list or map whose property says {@code NON_EMPTY}.
 */
final class JsonFields {
  private JsonFields() {}

  static void intField(JsonGenerator json, String name, OptionalInt value) throws IOException {
    if (value.isPresent()) {
      json.writeNumberField(name, value.getAsInt());
    }
  }

  static void longField(JsonGenerator json, String name, OptionalLong value) throws IOException {
    if (value.isPresent()) {
      json.writeNumberField(name, value.getAsLong());
    }
  }

  static void doubleField(JsonGenerator json, String name, OptionalDouble value) throws IOException {
    if (value.isPresent()) {
      json.writeNumberField(name, value.getAsDouble());
    }
  }

  static void booleanField(JsonGenerator json, String name, Optional<Boolean> value) throws IOException {
    if (value.isPresent()) {
      json.writeBooleanField(name, value.get());
    }
  }

  static void stringField(JsonGenerator json, String name, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      json.writeStringField(name, value.get());
    }
  }

  static void enumField(JsonGenerator json, String name, Optional<? extends OpenEnum> value) throws IOException {
    if (value.isPresent()) {
      json.writeStringField(name, value.get().value());
    }
  }

  static void treeField(JsonGenerator json, String name, Optional<JsonNode> value) throws IOException {
    if (value.isPresent()) {
      json.writeFieldName(name);
      tree(json, value.get());
    }
  }

  /** A {@code NON_EMPTY} list of strings. */
  static void stringsField(JsonGenerator json, String name, List<String> values) throws IOException {
    if (!values.isEmpty()) {
      json.writeArrayFieldStart(name);
      for (String value : values) {
        json.writeString(value);
      }
      json.writeEndArray();
    }
  }

  /** A {@code NON_EMPTY} map of strings. */
  static void stringMapField(JsonGenerator json, String name, Map<String, String> values) throws IOException {
    if (!values.isEmpty()) {
      json.writeObjectFieldStart(name);
      for (Map.Entry<String, String> entry : values.entrySet()) {
        json.writeStringField(entry.getKey(), entry.getValue());
      }
      json.writeEndObject();
    }
  }

  /** A {@code NON_EMPTY} map of numbers. */
  static void doubleMapField(JsonGenerator json, String name, Map<String, Double> values) throws IOException {
    if (!values.isEmpty()) {
      json.writeObjectFieldStart(name);
      for (Map.Entry<String, Double> entry : values.entrySet()) {
        json.writeNumberField(entry.getKey(), entry.getValue());
      }
      json.writeEndObject();
    }
  }

  /** Fields of a {@code @JsonAnyGetter} map, written into the current object. */
  static void extraFields(JsonGenerator json, Map<String, JsonNode> extras) throws IOException {
    for (Map.Entry<String, JsonNode> entry : extras.entrySet()) {
      json.writeFieldName(entry.getKey());
      tree(json, entry.getValue());
    }
  }

  /** Arbitrary JSON, through the SDK's mapper: the only values that need it, so it is built on first need. */
  static void tree(JsonGenerator json, JsonNode value) throws IOException {
    Json.mapper().writeTree(json, value);
  }
}
