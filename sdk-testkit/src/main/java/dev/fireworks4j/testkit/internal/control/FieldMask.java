package dev.fireworks4j.testkit.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fireworks4j.testkit.internal.control.Field.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields an update touches, as JSON key paths. From an {@code updateMask} (comma-separated proto paths such
 * as {@code min_replica_count,autoscaling_policy.scale_down_window}; camelCase accepted too; {@code *} means
 * every writable field), or, without a mask, derived from the body as grpc-gateway does: every field present,
 * nested messages descended into, maps and lists replaced whole.
 */
final class FieldMask {
  private final List<List<String>> paths;

  private FieldMask(List<List<String>> paths) {
    this.paths = paths;
  }

  /** Parses an update mask against a schema; unknown or read-only paths are INVALID_ARGUMENT. */
  static FieldMask parse(String mask, MessageSchema schema) {
    List<List<String>> paths = new ArrayList<>();
    for (String raw : mask.split(",")) {
      String path = raw.strip();
      if (path.isEmpty()) {
        continue;
      }
      if (path.equals("*")) {
        schema.fields().stream().filter(f -> !f.readOnly()).forEach(f -> paths.add(List.of(f.json())));
        continue;
      }
      paths.add(resolve(path, schema));
    }
    if (paths.isEmpty()) {
      throw ApiError.invalid("update_mask is empty");
    }
    return new FieldMask(paths);
  }

  /** The paths of every field present in a (validated, writable-only) body. */
  static FieldMask fromBody(ObjectNode body, MessageSchema schema) {
    List<List<String>> paths = new ArrayList<>();
    collect(body, schema, new ArrayList<>(), paths);
    return new FieldMask(paths);
  }

  /** Whether the mask touches a top-level field (JSON name). */
  boolean touches(String json) {
    return paths.stream().anyMatch(p -> p.get(0).equals(json));
  }

  /** Copies each masked path from {@code source} into {@code target}; a path absent from the source is cleared. */
  void apply(ObjectNode target, ObjectNode source) {
    for (List<String> path : paths) {
      copy(target, source, path, 0);
    }
  }

  private static void copy(ObjectNode target, JsonNode source, List<String> path, int index) {
    String key = path.get(index);
    JsonNode value = source == null ? null : source.get(key);
    if (index == path.size() - 1) {
      if (value == null) {
        target.remove(key);
      } else {
        target.set(key, value.deepCopy());
      }
      return;
    }
    JsonNode child = target.get(key);
    if (child == null || !child.isObject()) {
      if (value == null) {
        return;
      }
      child = target.putObject(key);
    }
    copy((ObjectNode) child, value, path, index + 1);
  }

  private static List<String> resolve(String path, MessageSchema schema) {
    List<String> keys = new ArrayList<>();
    MessageSchema current = schema;
    String[] segments = path.split("\\.");
    for (int i = 0; i < segments.length; i++) {
      if (current == null) {
        throw ApiError.invalid("invalid update_mask path \"" + path + "\": " + segments[i - 1] + " has no subfields");
      }
      Field field = current.field(segments[i]);
      if (field == null) {
        throw ApiError.invalid("invalid update_mask path \"" + path + "\": no field " + segments[i] + " in "
            + current.name());
      }
      if (field.readOnly()) {
        throw ApiError.invalid("invalid update_mask path \"" + path + "\": " + field.proto() + " is output only");
      }
      keys.add(field.json());
      current = null;
      if (field.kind() == Kind.MESSAGE) {
        current = field.message();
      } else if (field.kind() == Kind.MAP && i + 1 < segments.length) {
        keys.add(segments[++i]);
      }
    }
    return List.copyOf(keys);
  }

  private static void collect(ObjectNode body, MessageSchema schema, List<String> prefix, List<List<String>> out) {
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      Field field = schema.field(e.getKey());
      List<String> path = new ArrayList<>(prefix);
      path.add(e.getKey());
      if (field.kind() == Kind.MESSAGE && e.getValue().size() > 0) {
        collect((ObjectNode) e.getValue(), field.message(), path, out);
      } else {
        out.add(List.copyOf(path));
      }
    }
  }
}
