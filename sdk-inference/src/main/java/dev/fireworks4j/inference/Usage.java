package dev.fireworks4j.inference;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.inference.internal.JsonTrees;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Token counts of one request ({@code UsageInfo}); in a stream it arrives on one of the last chunks, if at all. */
public final class Usage extends ApiObject {
  @JsonProperty("prompt_tokens")
  private int promptTokens;
  @JsonProperty("completion_tokens")
  private Integer completionTokens;
  @JsonProperty("total_tokens")
  private int totalTokens;
  @JsonProperty("prompt_tokens_details")
  private PromptTokensDetails promptTokensDetails;

  private Usage() {}

  private Usage(Map<String, JsonNode> additionalProperties) {
    super(additionalProperties);
  }

  /**
   * The usage at the parser, which is at the start of its object, when it has the shape servers send (each
   * count an int or null, which reads as 0 where the count is not optional; every occurrence of a repeated
   * field valid); null for any other shape, which databind reads instead. Unknown fields are read as trees,
   * without a mapper.
   */
  static Usage read(JsonParser parser) throws IOException {
    Map<String, JsonNode> unknown = new LinkedHashMap<>();
    int prompt = 0;
    Integer completion = null;
    int total = 0;
    PromptTokensDetails details = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      boolean isNull = parser.nextToken() == JsonToken.VALUE_NULL;
      switch (name) {
        case "prompt_tokens" -> {
          if (!isIntOrNull(parser)) {
            return null;
          }
          prompt = isNull ? 0 : parser.getIntValue();
        }
        case "completion_tokens" -> {
          if (!isIntOrNull(parser)) {
            return null;
          }
          completion = isNull ? null : parser.getIntValue();
        }
        case "total_tokens" -> {
          if (!isIntOrNull(parser)) {
            return null;
          }
          total = isNull ? 0 : parser.getIntValue();
        }
        case "prompt_tokens_details" -> {
          details = isNull ? null : PromptTokensDetails.read(parser);
          if (details == null && !isNull) {
            return null;
          }
        }
        default -> unknown.put(name, JsonTrees.read(parser));
      }
    }
    Usage usage = new Usage(unknown);
    usage.promptTokens = prompt;
    usage.completionTokens = completion;
    usage.totalTokens = total;
    usage.promptTokensDetails = details;
    return usage;
  }

  /** Whether the parser is at null or at a number that fits an int. */
  private static boolean isIntOrNull(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    return token == JsonToken.VALUE_NULL
        || token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT;
  }

  /** Tokens in the prompt. */
  public int promptTokens() {
    return promptTokens;
  }

  /** Tokens generated, if the server said. */
  public OptionalInt completionTokens() {
    return completionTokens == null ? OptionalInt.empty() : OptionalInt.of(completionTokens);
  }

  /** Prompt plus generated tokens. */
  public int totalTokens() {
    return totalTokens;
  }

  /** The breakdown of the prompt tokens, if the server sent one. */
  public Optional<PromptTokensDetails> promptTokensDetails() {
    return Optional.ofNullable(promptTokensDetails);
  }

  /** Prompt tokens served from the prompt cache (0 when the server did not say). */
  public int cachedTokens() {
    return promptTokensDetails == null ? 0 : promptTokensDetails.cachedTokens().orElse(0);
  }

  /** The breakdown of the prompt tokens ({@code PromptTokensDetails}). */
  public static final class PromptTokensDetails extends ApiObject {
    @JsonProperty("cached_tokens")
    private Integer cachedTokens;

    private PromptTokensDetails() {}

    private PromptTokensDetails(Map<String, JsonNode> additionalProperties) {
      super(additionalProperties);
    }

    /** As {@link Usage#read}, for the details object. */
    static PromptTokensDetails read(JsonParser parser) throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Map<String, JsonNode> unknown = new LinkedHashMap<>();
      Integer cached = null;
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        boolean isNull = parser.nextToken() == JsonToken.VALUE_NULL;
        if (!name.equals("cached_tokens")) {
          unknown.put(name, JsonTrees.read(parser));
        } else if (isIntOrNull(parser)) {
          cached = isNull ? null : parser.getIntValue();
        } else {
          return null;
        }
      }
      PromptTokensDetails details = new PromptTokensDetails(unknown);
      details.cachedTokens = cached;
      return details;
    }

    /** Prompt tokens served from the prompt cache, if the server said. */
    public OptionalInt cachedTokens() {
      return cachedTokens == null ? OptionalInt.empty() : OptionalInt.of(cachedTokens);
    }
  }
}
