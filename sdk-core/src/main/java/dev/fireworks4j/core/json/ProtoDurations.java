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
import java.math.BigDecimal;
import java.time.Duration;

/** proto3 JSON mapping of {@code google.protobuf.Duration}: seconds with up to nine fraction digits and {@code s}. */
final class ProtoDurations {
  /** proto Duration's range: ±315,576,000,000 seconds (10,000 years). */
  private static final long MAX_SECONDS = 315_576_000_000L;

  private ProtoDurations() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("fireworks4j-proto-duration");
    module.addSerializer(Duration.class, new JsonSerializer<Duration>() {
      @Override
      public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(format(value));
      }
    });
    module.addDeserializer(Duration.class, new JsonDeserializer<Duration>() {
      @Override
      public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
          return (Duration) context.handleUnexpectedToken(Duration.class, parser);
        }
        try {
          return parse(parser.getText());
        } catch (IllegalArgumentException e) {
          return (Duration) context.handleWeirdStringValue(Duration.class, parser.getText(), e.getMessage());
        }
      }
    });
    return module;
  }

  static String format(Duration duration) {
    BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
    String digits = seconds.stripTrailingZeros().toPlainString();
    return digits + "s";
  }

  static Duration parse(String text) {
    if (text == null || text.length() < 2 || text.charAt(text.length() - 1) != 's') {
      throw new IllegalArgumentException("not a proto Duration (expected a number of seconds such as \"30s\"): " + quoted(text));
    }
    String number = text.substring(0, text.length() - 1);
    if (!number.matches("-?\\d+(\\.\\d{1,9})?")) {
      throw new IllegalArgumentException("not a proto Duration (expected a number of seconds such as \"30s\"): " + quoted(text));
    }
    BigDecimal seconds = new BigDecimal(number);
    if (seconds.abs().compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0) {
      throw new IllegalArgumentException("proto Duration out of range (±315576000000s): " + quoted(text));
    }
    long whole = seconds.longValue();
    int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValueExact();
    return Duration.ofSeconds(whole, nanos);
  }

  private static String quoted(String text) {
    if (text == null) {
      return "null";
    }
    return '"' + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + '"';
  }
}
