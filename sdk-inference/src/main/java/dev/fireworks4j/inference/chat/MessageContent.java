package dev.fireworks4j.inference.chat;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.fireworks4j.core.error.ValidationException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a chat message: either plain text or a list of parts (text, images, videos). On the
 * wire it is a string or an array.
 */
@JsonDeserialize(using = MessageContent.Reader.class)
public final class MessageContent {
  private final String text;
  private final List<ContentPart> parts;

  private MessageContent(String text, List<ContentPart> parts) {
    this.text = text;
    this.parts = parts;
  }

  /** Plain-text content. */
  public static MessageContent of(String text) {
    return new MessageContent(Objects.requireNonNull(text, "text"), null);
  }

  /** Content made of parts. */
  public static MessageContent of(List<ContentPart> parts) {
    if (parts == null || parts.isEmpty()) {
      throw new ValidationException("content", "a list of content parts must not be empty");
    }
    return new MessageContent(null, List.copyOf(parts));
  }

  /** Whether this is plain text rather than parts. */
  public boolean isText() {
    return text != null;
  }

  /** The plain text, if this is plain-text content. */
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  /** The parts, or an empty list for plain-text content. */
  public List<ContentPart> parts() {
    return parts == null ? List.of() : parts;
  }

  /** The text: the plain text, or the text parts joined without separator. */
  public String asText() {
    if (text != null) {
      return text;
    }
    StringBuilder joined = new StringBuilder();
    for (ContentPart part : parts) {
      part.text().ifPresent(joined::append);
    }
    return joined.toString();
  }

  /** The wire value: a {@code String} or a {@code List<ContentPart>}. */
  @JsonValue
  public Object json() {
    return text != null ? text : parts;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MessageContent && Objects.equals(((MessageContent) other).text, text)
        && Objects.equals(((MessageContent) other).parts, parts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, parts);
  }

  @Override
  public String toString() {
    return text != null ? text : parts.toString();
  }

  /** Reads a string or an array of parts. */
  static final class Reader extends JsonDeserializer<MessageContent> {
    private static final TypeReference<List<ContentPart>> PARTS = new TypeReference<>() {};

    @Override
    public MessageContent deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        return new MessageContent(parser.getText(), null);
      }
      if (parser.currentToken() == JsonToken.START_ARRAY) {
        List<ContentPart> parts = context.readValue(parser, context.getTypeFactory().constructType(PARTS));
        return new MessageContent(null, List.copyOf(parts));
      }
      return (MessageContent) context.handleUnexpectedToken(MessageContent.class, parser);
    }
  }
}
