package dev.fireworks4j.routers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.routers.model.RouterStrategy;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A create or update body built field by field from parameters, so that it holds exactly the fields the
 * caller set, together with the update mask that names them (snake_case paths, as the server expects).
 */
final class JsonBody {
  private static final ObjectMapper MAPPER = Json.mapper();
  private final ObjectNode node = MAPPER.createObjectNode();
  private final Set<String> mask = new LinkedHashSet<>();

  /** Sets {@code field} without naming it in the mask, such as the resource name of an update. */
  JsonBody unmasked(String field, String value) {
    node.put(field, value);
    return this;
  }

  /** Sets {@code field} when {@code value} is present. */
  JsonBody put(String field, Optional<?> value) {
    value.ifPresent(v -> set(field, MAPPER.valueToTree(v)));
    return this;
  }

  /** Sets {@code field} to a list when it is not empty. */
  JsonBody putList(String field, List<?> values) {
    if (!values.isEmpty()) {
      set(field, MAPPER.valueToTree(values));
    }
    return this;
  }

  /** Sets {@code field} to a map when it is not empty. */
  JsonBody putMap(String field, Map<String, ?> values) {
    if (!values.isEmpty()) {
      set(field, MAPPER.valueToTree(values));
    }
    return this;
  }

  /**
   * Sets an object field whose own fields are masked one by one ({@code autoscaling_policy.scale_up_window}),
   * so that an update changes only the sub-fields given; an empty object is masked as a whole.
   */
  JsonBody putMaskedPerField(String field, Optional<?> value) {
    value.ifPresent(v -> {
      ObjectNode object = MAPPER.valueToTree(v);
      node.set(field, object);
      if (object.isEmpty()) {
        mask.add(snakeCase(field));
      }
      for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
        mask.add(snakeCase(field) + "." + snakeCase(names.next()));
      }
    });
    return this;
  }

  /** Sets the strategy's marker key, the only one of the oneof that is sent. */
  JsonBody putStrategy(Optional<RouterStrategy> strategy) {
    strategy.ifPresent(s -> set(s.value(), MAPPER.createObjectNode()));
    return this;
  }

  /** Sets the caller's extra fields as they are. */
  JsonBody putAll(Map<String, JsonNode> extra) {
    extra.forEach(this::set);
    return this;
  }

  /** The body. */
  ObjectNode node() {
    return node;
  }

  /** The update mask: the snake_case paths of every field set, comma-separated. */
  String mask() {
    return String.join(",", mask);
  }

  private void set(String field, JsonNode value) {
    node.set(field, value);
    mask.add(snakeCase(field));
  }

  /** {@code minReplicaCount} → {@code min_replica_count}. */
  static String snakeCase(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
