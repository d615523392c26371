package dev.fireworks4j.testkit.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fireworks4j.testkit.internal.control.Field.Kind;
import dev.fireworks4j.testkit.internal.json.JsonSupport;
import java.util.ArrayList;
import java.util.List;

/** A {@code readMask}: the fields to return (paths as in update masks, read-only fields allowed); empty or "*": all. */
final class ReadMask {
  private static final ReadMask ALL = new ReadMask(List.of());

  private final List<List<String>> paths;

  private ReadMask(List<List<String>> paths) {
    this.paths = paths;
  }

  /** Parses a read mask; unknown paths are INVALID_ARGUMENT. */
  static ReadMask parse(String mask, MessageSchema schema) {
    if (mask == null || mask.isBlank() || mask.strip().equals("*")) {
      return ALL;
    }
    List<List<String>> paths = new ArrayList<>();
    for (String raw : mask.split(",")) {
      if (raw.isBlank()) {
        continue;
      }
      List<String> keys = new ArrayList<>();
      MessageSchema current = schema;
      for (String segment : raw.strip().split("\\.")) {
        Field field = current == null ? null : current.field(segment);
        if (field == null) {
          throw ApiError.invalid("invalid read_mask path \"" + raw.strip() + "\"");
        }
        keys.add(field.json());
        current = field.kind() == Kind.MESSAGE ? field.message() : null;
      }
      paths.add(keys);
    }
    return new ReadMask(paths);
  }

  /** The resource restricted to the mask (the resource itself when the mask selects everything). */
  ObjectNode apply(ObjectNode resource) {
    if (paths.isEmpty()) {
      return resource;
    }
    ObjectNode out = JsonSupport.object();
    for (List<String> path : paths) {
      JsonNode source = resource;
      ObjectNode target = out;
      for (int i = 0; i < path.size() && source != null; i++) {
        JsonNode value = source.get(path.get(i));
        if (value == null) {
          break;
        }
        if (i == path.size() - 1) {
          target.set(path.get(i), value.deepCopy());
        } else {
          JsonNode existing = target.get(path.get(i));
          target = existing instanceof ObjectNode ? (ObjectNode) existing : target.putObject(path.get(i));
        }
        source = value;
      }
    }
    return out;
  }
}
