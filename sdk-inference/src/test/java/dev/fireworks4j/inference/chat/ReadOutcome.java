package dev.fireworks4j.inference.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

/**
 * What a reader made of one input: a value, or the exception it threw; for comparing a hand-written reader
 * with databind.
 *
 * @param <T> the value type
 */
record ReadOutcome<T>(T value, IOException error) {
  /** A read that may fail. */
  interface IoSupplier<T> {
    T get() throws IOException;
  }

  /** The outcome of {@code read}. */
  static <T> ReadOutcome<T> of(IoSupplier<T> read) {
    try {
      return new ReadOutcome<>(read.get(), null);
    } catch (IOException e) {
      return new ReadOutcome<>(null, e);
    }
  }

  /**
   * Asserts that {@code actual} is what databind made ({@code expected}): the same failure (type and message),
   * or equal values, compared through {@code describe} (every accessor), their JSON and {@code equals}.
   */
  static <T> void assertSame(String where, ReadOutcome<T> expected, ReadOutcome<T> actual,
      Function<T, String> describe) {
    if (expected.error() != null || actual.error() != null) {
      assertThat(actual.error()).as(where + " (databind: " + expected + ")").isNotNull();
      assertThat(expected.error()).as(where + " (hand-written: " + actual + ")").isNotNull();
      assertThat(actual.error()).as(where).hasMessage(expected.error().getMessage())
          .hasSameClassAs(expected.error());
      return;
    }
    if (expected.value() == null) {
      assertThat(actual.value()).as(where).isNull();
      return;
    }
    assertThat(actual.value()).as(where).isNotNull();
    assertThat(describe.apply(actual.value())).as(where).isEqualTo(describe.apply(expected.value()));
    assertThat(actual.value().toString()).as(where).isEqualTo(expected.value().toString());
    assertThat(actual.value()).as(where).isEqualTo(expected.value());
  }

  /** Unknown fields, each with the class of each of its nodes. */
  static String fields(Map<String, JsonNode> fields) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
      out.append(field.getKey()).append('=').append(node(field.getValue())).append(';');
    }
    return out.append('}').toString();
  }

  /** The node with the class of each of its nodes. */
  static String node(JsonNode node) {
    StringBuilder out = new StringBuilder(node.getClass().getSimpleName()).append(':');
    if (node.isObject()) {
      out.append('{');
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        out.append(field.getKey()).append('=').append(node(field.getValue())).append(';');
      }
      return out.append('}').toString();
    }
    if (node.isArray()) {
      out.append('[');
      node.forEach(element -> out.append(node(element)).append(';'));
      return out.append(']').toString();
    }
    return out.append(node).toString();
  }
}
