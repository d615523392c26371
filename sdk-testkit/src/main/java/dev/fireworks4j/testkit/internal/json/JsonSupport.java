package dev.fireworks4j.testkit.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator's own JSON handling: a plain Jackson tree mapper, independent of the SDK's configuration, so
 * that the emulator reads and writes the wire format on its own.
 */
public final class JsonSupport {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d{1,9})?)(s|ms)");

  private JsonSupport() {}

  /** A new empty object node. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** A new empty array node. */
  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Parses JSON text; throws {@link IllegalArgumentException} with the parser's message when it is not JSON. */
  public static JsonNode parse(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("empty JSON document");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses JSON bytes (UTF-8). */
  public static JsonNode parse(byte[] bytes) {
    return parse(new String(bytes, StandardCharsets.UTF_8));
  }

  /** Compact JSON text of a node. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  /** Compact UTF-8 JSON bytes of a node. */
  public static byte[] bytes(JsonNode node) {
    return write(node).getBytes(StandardCharsets.UTF_8);
  }

  /** An RFC 3339 timestamp in UTC with at most microsecond precision, as protobuf JSON writes it. */
  public static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).toString();
  }

  /** Formats a duration as a protobuf {@code Duration} string ({@code "30s"}, {@code "0.250s"}). */
  public static String duration(Duration duration) {
    long seconds = duration.getSeconds();
    int nanos = duration.getNano();
    if (nanos == 0) {
      return seconds + "s";
    }
    String fraction = String.format("%09d", nanos);
    while (fraction.endsWith("000")) {
      fraction = fraction.substring(0, fraction.length() - 3);
    }
    return seconds + "." + fraction + "s";
  }

  /**
   * Parses a protobuf {@code Duration} string ({@code "30s"}, {@code "1.5s"}) or a millisecond string
   * ({@code "20ms"}); returns {@code null} when the text is neither.
   */
  public static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    String number = m.group(1);
    if (m.group(2).equals("ms")) {
      return number.contains(".") ? null : Duration.ofMillis(Long.parseLong(number));
    }
    int dot = number.indexOf('.');
    if (dot < 0) {
      return Duration.ofSeconds(Long.parseLong(number));
    }
    String fraction = (number.substring(dot + 1) + "000000000").substring(0, 9);
    return Duration.ofSeconds(Long.parseLong(number.substring(0, dot)), Long.parseLong(fraction));
  }

  /** The text of a field when it is a JSON string, else {@code null}. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
