package dev.fireworks4j.routers.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Builds a response example from a spec schema with every property filled, because the spec itself
 * carries no examples for routers and deployments: enums take their last value, date-times a fixed
 * instant, durations (the autoscaling windows and schedule durations, plain strings in the spec) a proto
 * duration string, maps one entry, arrays one item.
 */
public final class ExampleGenerator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final OpenApiSpec spec;

  /** A generator over {@code spec}. */
  public ExampleGenerator(OpenApiSpec spec) {
    this.spec = spec;
  }

  /** An example of {@code schema}. */
  public JsonNode example(JsonNode schema) {
    return example(schema, "", 0);
  }

  private JsonNode example(JsonNode schema, String name, int depth) {
    if (depth > 10) {
      throw new IllegalStateException("schema nesting too deep at " + name);
    }
    if (schema.has("$ref")) {
      return example(spec.resolve(schema.get("$ref").asText()), name, depth + 1);
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(schema.get("enum").size() - 1);
    }
    switch (schema.path("type").asText()) {
      case "object":
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
          object.set(property.getKey(), example(property.getValue(), property.getKey(), depth + 1));
        }
        if (schema.path("additionalProperties").isObject()) {
          object.set("default", example(schema.get("additionalProperties"), name, depth + 1));
        }
        return object;
      case "array":
        ArrayNode array = NODES.arrayNode();
        array.add(example(schema.path("items"), name, depth + 1));
        return array;
      case "string":
        if (schema.path("format").asText().equals("date-time")) {
          return NODES.textNode("2023-11-07T05:31:56Z");
        }
        if (name.endsWith("Window") || name.equals("duration")) {
          return NODES.textNode("36000s");
        }
        return NODES.textNode("example-" + name);
      case "integer":
        if (schema.path("format").asText().equals("int64")) {
          return NODES.numberNode(7L);
        }
        return NODES.numberNode(3);
      case "number":
        return NODES.numberNode(0.75);
      case "boolean":
        return NODES.booleanNode(true);
      default:
        throw new IllegalStateException("no example for schema " + schema + " at " + name);
    }
  }
}
