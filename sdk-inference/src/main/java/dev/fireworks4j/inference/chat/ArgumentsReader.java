package dev.fireworks4j.inference.chat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;

/**
 * Reads tool-call arguments, which the spec allows as a JSON string (the OpenAI form) or as an object;
 * an object is kept as its JSON text, and null as the empty string.
 */
final class ArgumentsReader extends JsonDeserializer<String> {
  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    return context.readTree(parser).toString();
  }

  @Override
  public String getNullValue(DeserializationContext context) {
    return "";
  }
}
