package dev.fireworks4j.testkit.internal.control;

import java.util.List;

/**
 * One field of a control-plane message as the spec declares it: its JSON (camelCase) and proto (snake_case)
 * names, its type, and whether the server alone sets it.
 *
 * @param json the JSON name
 * @param proto the proto field name, as used in field masks, filters and orderBy
 * @param kind the type
 * @param readOnly whether clients cannot set it
 * @param enumValues the allowed values of an enum
 * @param message the schema of a message field, or of a map's or list's message values
 * @param element the element kind of a list or the value kind of a map
 */
record Field(String json, String proto, Kind kind, boolean readOnly, List<String> enumValues,
    MessageSchema message, Kind element) {

  /** JSON value kinds. */
  enum Kind { STRING, INT32, FLOAT, BOOL, TIMESTAMP, DURATION, ENUM, MESSAGE, LIST, MAP }

  /** Whether a value of this field is a scalar that a filter can compare. */
  boolean isScalar() {
    return kind != Kind.MESSAGE && kind != Kind.LIST && kind != Kind.MAP;
  }

  /** The proto name of a camelCase JSON name. */
  static String protoName(String json) {
    StringBuilder sb = new StringBuilder();
    for (char c : json.toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('_').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
