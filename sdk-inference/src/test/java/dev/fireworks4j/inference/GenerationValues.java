package dev.fireworks4j.inference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalInt;

/** Request values with combinations of fields that the public factories do not offer, for serialisation tests. */
public final class GenerationValues {
  private GenerationValues() {}

  /** A response format with any of its fields. */
  public static ResponseFormat responseFormat(String type, Optional<JsonNode> schema, Optional<JsonNode> jsonSchema,
      Optional<String> grammar) {
    return ImmutableResponseFormat.builder().type(type).schema(schema).jsonSchema(jsonSchema).grammar(grammar).build();
  }

  /** A thinking setting of any type and budget. */
  public static Thinking thinking(String type, OptionalInt budgetTokens) {
    return ImmutableThinking.builder().type(type).budgetTokens(budgetTokens).build();
  }
}
