package dev.fireworks4j.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * proto3 JSON mapping of {@code google.protobuf.Timestamp}: an RFC 3339 string. Written in UTC with {@code Z} and
 * 0, 3, 6 or 9 fraction digits ({@code "2024-01-02T03:04:05Z"}); read with {@code Z} or any offset and up to nine
 * fraction digits. An empty string reads as no timestamp, as it does for Jackson's other scalars.
 */
final class ProtoTimestamps {
  private ProtoTimestamps() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("fireworks4j-proto-timestamp");
    module.addSerializer(Instant.class, new JsonSerializer<Instant>() {
      @Override
      public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(DateTimeFormatter.ISO_INSTANT.format(value));
      }
    });
    module.addDeserializer(Instant.class, new JsonDeserializer<Instant>() {
      @Override
      public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
          return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        String text = parser.getText().trim();
        if (text.isEmpty()) {
          return null;
        }
        try {
          return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
        } catch (DateTimeException e) {
          return (Instant) context.handleWeirdStringValue(Instant.class, text,
              "not an RFC 3339 timestamp such as \"2024-01-02T03:04:05Z\" (%s)", e.getMessage());
        }
      }
    });
    return module;
  }
}
