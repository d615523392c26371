package dev.fireworks4j.testkit.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fireworks4j.testkit.internal.control.Field.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The subset of AIP-160 filters the emulator understands: equality on top-level scalar fields, joined by
 * {@code AND}, such as {@code state = "READY" AND public = true}. Field names may be proto (snake_case) or JSON
 * (camelCase); values may be quoted or bare. Anything else is INVALID_ARGUMENT with a message saying so. A field
 * absent from a resource compares as its default value (empty string, {@code false}, 0, the
 * {@code *_UNSPECIFIED} enum value).
 */
final class Filter {
  private final List<Term> terms;

  private Filter(List<Term> terms) {
    this.terms = terms;
  }

  /** Parses a filter; a blank one matches everything. */
  static Filter parse(String text, MessageSchema schema) {
    return new Filter(text == null || text.isBlank() ? List.of() : new Parser(text, schema).terms());
  }

  /** Whether a rendered resource matches every term. */
  boolean matches(ObjectNode resource) {
    return terms.stream().allMatch(t -> t.matches(resource));
  }

  /** One {@code field = value} comparison. */
  private record Term(Field field, String value) {
    boolean matches(ObjectNode resource) {
      JsonNode actual = resource.get(field.json());
      switch (field.kind()) {
        case BOOL:
          return (actual != null && actual.asBoolean()) == Boolean.parseBoolean(value);
        case INT32:
        case FLOAT:
          return (actual == null ? 0.0 : actual.asDouble()) == Double.parseDouble(value);
        case ENUM:
          return (actual == null ? field.enumValues().get(0) : actual.asText()).equals(value);
        default:
          return (actual == null ? "" : actual.asText()).equals(value);
      }
    }
  }

  /** A hand-written scanner for the supported grammar. */
  private static final class Parser {
    private final String text;
    private final MessageSchema schema;
    private int pos;

    Parser(String text, MessageSchema schema) {
      this.text = text;
      this.schema = schema;
    }

    List<Term> terms() {
      List<Term> terms = new ArrayList<>();
      while (true) {
        terms.add(term());
        skipSpace();
        if (pos == text.length()) {
          return terms;
        }
        if (!text.startsWith("AND", pos) || pos + 3 >= text.length() || !Character.isWhitespace(text.charAt(pos + 3))) {
          throw unsupported("only AND may join comparisons");
        }
        pos += 3;
      }
    }

    private Term term() {
      skipSpace();
      int start = pos;
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      String name = text.substring(start, pos);
      if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
        throw unsupported("expected a field name at position " + start);
      }
      if (name.equals("NOT") || name.equals("OR")) {
        throw unsupported(name + " is not supported");
      }
      if (pos < text.length() && text.charAt(pos) == '.') {
        throw unsupported("nested fields such as " + name + ".… are not supported");
      }
      Field field = schema.field(name);
      if (field == null) {
        throw ApiError.invalid("invalid filter \"" + text + "\": unknown field " + name);
      }
      if (!field.isScalar()) {
        throw unsupported(name + " is not a scalar field");
      }
      skipSpace();
      if (pos >= text.length() || text.charAt(pos) != '=') {
        throw unsupported("only the = operator is supported");
      }
      pos++;
      skipSpace();
      String value = value();
      checkValue(field, value);
      return new Term(field, value);
    }

    private String value() {
      if (pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\'')) {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
          char c = text.charAt(pos++);
          if (c == '\\' && pos < text.length()) {
            c = text.charAt(pos++);
          }
          sb.append(c);
        }
        if (pos >= text.length()) {
          throw unsupported("unterminated string");
        }
        pos++;
        return sb.toString();
      }
      int start = pos;
      while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && "()=<>!:".indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
      if (start == pos) {
        throw unsupported("expected a value at position " + start);
      }
      return text.substring(start, pos);
    }

    private void checkValue(Field field, String value) {
      if (field.kind() == Kind.BOOL && !value.equals("true") && !value.equals("false")) {
        throw ApiError.invalid("invalid filter \"" + text + "\": " + field.proto() + " is a boolean, got " + value);
      }
      if ((field.kind() == Kind.INT32 || field.kind() == Kind.FLOAT) && !value.matches("-?\\d+(\\.\\d+)?")) {
        throw ApiError.invalid("invalid filter \"" + text + "\": " + field.proto() + " is a number, got " + value);
      }
    }

    private void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private ApiError unsupported(String why) {
      return ApiError.invalid("unsupported filter \"" + text + "\": " + why + "; the emulator supports equality on"
          + " top-level fields joined by AND, e.g. state = \"READY\" AND public = true");
    }
  }
}
