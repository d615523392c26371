package dev.fireworks4j.inference.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads a JSON value into the tree the SDK's mapper would build ({@code readTree}), straight from the parser:
 * the same node types (int, long or big integer nodes by size, double nodes for decimals, null nodes for null),
 * and the last of duplicate keys kept at the first one's place. It needs no mapper, which costs milliseconds to
 * build in a cold JVM.
 */
public final class JsonTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /**
   * The value at the parser's current token, which is left at the value's last token.
   *
   * @throws IOException when the JSON is malformed or the current token starts no value
   */
  public static JsonNode read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new IOException("no value to read");
    }
    switch (token) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
          parser.nextToken();
          object.replace(name, read(parser));
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(parser));
        }
        return array;
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return integer(parser);
      case VALUE_NUMBER_FLOAT:
        return decimal(parser);
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IOException("unexpected token " + token);
    }
  }

  private static JsonNode integer(JsonParser parser) throws IOException {
    switch (parser.getNumberType()) {
      case INT:
        return NODES.numberNode(parser.getIntValue());
      case LONG:
        return NODES.numberNode(parser.getLongValue());
      default:
        return NODES.numberNode(parser.getBigIntegerValue());
    }
  }

  private static JsonNode decimal(JsonParser parser) throws IOException {
    switch (parser.getNumberType()) {
      case BIG_DECIMAL:
        return NODES.numberNode(parser.getDecimalValue());
      case FLOAT:
        return NODES.numberNode(parser.getFloatValue());
      default:
        return NODES.numberNode(parser.getDoubleValue());
    }
  }
}
