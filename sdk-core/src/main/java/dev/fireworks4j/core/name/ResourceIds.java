package dev.fireworks4j.core.name;

import dev.fireworks4j.core.error.ValidationException;

/** Checks the ids inside resource names. */
final class ResourceIds {
  /** Longest id accepted; real ids are far shorter, this only stops garbage early. */
  static final int MAX_LENGTH = 128;

  private ResourceIds() {}

  /** Returns {@code id} when it is a valid id, else throws naming {@code field} and the problem. */
  static String check(String field, String id) {
    if (id == null) {
      throw new ValidationException(field, "must not be null");
    }
    if (id.isEmpty()) {
      throw new ValidationException(field, "must not be empty");
    }
    if (id.length() > MAX_LENGTH) {
      throw new ValidationException(
          field, "is " + id.length() + " characters long; the maximum is " + MAX_LENGTH);
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '-' || c == '_' || c == '.';
      if (!allowed) {
        throw new ValidationException(field, "\"" + printable(id) + "\" contains "
            + describe(c) + " at index " + i + "; ids use letters, digits, '-', '_' and '.'");
      }
    }
    return id;
  }

  private static String describe(char c) {
    if (c == '/') {
      return "'/'";
    }
    if (Character.isWhitespace(c)) {
      return "white space";
    }
    return Character.isISOControl(c) ? String.format("control character U+%04X", (int) c) : "'" + c + "'";
  }

  private static String printable(String id) {
    StringBuilder out = new StringBuilder();
    id.codePoints().limit(64).forEach(cp -> {
      if (Character.isISOControl(cp)) {
        out.append(String.format("\\u%04X", cp));
      } else {
        out.appendCodePoint(cp);
      }
    });
    return id.length() > 64 ? out + "…" : out.toString();
  }
}
