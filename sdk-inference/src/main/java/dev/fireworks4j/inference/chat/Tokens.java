package dev.fireworks4j.inference.chat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fireworks4j.inference.internal.JsonTrees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The values the hand-written readers ({@link ChunkReader}, {@link CompletionReader}) take token by token, in
 * the shapes servers send; any other shape throws {@link UnexpectedShape}, on which the reader hands the whole
 * body to databind.
 */
final class Tokens {
  private Tokens() {}

  /** Reads one value at the parser's current token. */
  interface Reader<T> {
    T read(JsonParser parser) throws IOException;
  }

  /** An array of objects, each read by {@code element} from its start, or null for null. */
  static <T> List<T> objects(JsonParser parser, Reader<T> element) throws IOException {
    if (nullOrArray(parser)) {
      return null;
    }
    List<T> values = new ArrayList<>(1);
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      expect(token == JsonToken.START_OBJECT);
      values.add(element.read(parser));
    }
    return values;
  }

  /** A string field, or null. */
  static String text(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    expect(token == JsonToken.VALUE_NULL);
    return null;
  }

  static ChatRole role(JsonParser parser) throws IOException {
    String text = text(parser);
    return text == null ? null : ChatRole.of(text);
  }

  static int intValue(JsonParser parser) throws IOException {
    expect(parser.currentToken() == JsonToken.VALUE_NUMBER_INT);
    return parser.getIntValue();
  }

  static long longValue(JsonParser parser) throws IOException {
    expect(parser.currentToken() == JsonToken.VALUE_NUMBER_INT);
    return parser.getLongValue();
  }

  static List<Integer> integers(JsonParser parser) throws IOException {
    if (nullOrArray(parser)) {
      return null;
    }
    List<Integer> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      values.add(intValue(parser));
    }
    return values;
  }

  /** As {@link ArgumentsReader}: a string as it is, null as the empty string, any other value as its JSON text. */
  static String arguments(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    return token == JsonToken.VALUE_NULL ? "" : JsonTrees.read(parser).toString();
  }

  /** A value of a type rare in responses, read by databind; null for null, which needs no mapper. */
  static <T> T databind(Supplier<ObjectMapper> mapper, JsonParser parser, Class<T> type) throws IOException {
    return parser.currentToken() == JsonToken.VALUE_NULL ? null : mapper.get().readValue(parser, type);
  }

  /** Adds the unknown field {@code name} at the parser to {@code fields}, which it creates when null. */
  static Map<String, JsonNode> unknown(JsonParser parser, Map<String, JsonNode> fields, String name)
      throws IOException {
    Map<String, JsonNode> unknown = fields == null ? new LinkedHashMap<>(4) : fields;
    unknown.put(name, JsonTrees.read(parser));
    return unknown;
  }

  /** True at null, false at the start of an array; any other value is left to databind. */
  static boolean nullOrArray(JsonParser parser) throws IOException {
    return nullOr(parser, JsonToken.START_ARRAY);
  }

  /** True at null, false at the start of an object; any other value is left to databind. */
  static boolean nullOrObject(JsonParser parser) throws IOException {
    return nullOr(parser, JsonToken.START_OBJECT);
  }

  private static boolean nullOr(JsonParser parser, JsonToken start) throws IOException {
    JsonToken token = parser.currentToken();
    expect(token == start || token == JsonToken.VALUE_NULL);
    return token == JsonToken.VALUE_NULL;
  }

  static void expect(boolean expected) throws UnexpectedShape {
    if (!expected) {
      throw new UnexpectedShape();
    }
  }

  /** A value of a shape the hand-written readers leave to databind; cheap to throw, as it carries no stack trace. */
  static final class UnexpectedShape extends IOException {
    private static final long serialVersionUID = 1L;

    UnexpectedShape() {
      super("a shape left to databind");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
