package dev.fireworks4j.inference;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** Lenient reading of the numbers the server sends as header strings or JSON numbers or strings. */
final class Numbers {
  private Numbers() {}

  /** A count, or empty when absent or not an integer. */
  static OptionalLong count(String text) {
    if (text == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(text.strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** A duration given in (fractional) seconds, or empty when absent, negative or not a number. */
  static Optional<Duration> seconds(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      double seconds = Double.parseDouble(text.strip());
      return seconds >= 0 && seconds < Long.MAX_VALUE / 1e9
          ? Optional.of(Duration.ofNanos(Math.round(seconds * 1e9)))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The text of a scalar JSON value, or null for absent, null and container values. */
  static String text(Optional<JsonNode> node) {
    return node.filter(JsonNode::isValueNode).filter(n -> !n.isNull()).map(JsonNode::asText).orElse(null);
  }
}
