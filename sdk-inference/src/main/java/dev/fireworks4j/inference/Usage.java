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
    Integer prompt = 0;
    Integer completion = null;
    Integer total = 0;
    PromptTokensDetails details = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      switch (name) {
        case "prompt_tokens" -> prompt = token == JsonToken.VALUE_NULL ? Integer.valueOf(0) : intOrNull(parser);
        case "completion_tokens" -> completion = intOrNull(parser);
        case "total_tokens" -> total = token == JsonToken.VALUE_NULL ? Integer.valueOf(0) : intOrNull(parser);
        case "prompt_tokens_details" -> {
          if (token == JsonToken.START_OBJECT) {
            details = PromptTokensDetails.read(parser);
            if (details == null) {
              return null;
            }
          } else if (token == JsonToken.VALUE_NULL) {
            details = null;
          } else {
            return null;
          }
        }
        default -> unknown.put(name, JsonTrees.read(parser));
      }
      if (prompt == null || total == null || completion == null && token != JsonToken.VALUE_NULL
          && name.equals("completion_tokens")) {
        return null;
      }
    }
    Usage usage = new Usage(unknown);
    usage.promptTokens = prompt;
    usage.completionTokens = completion;
    usage.totalTokens = total;
    usage.promptTokensDetails = details;
    return usage;
  }

  /** An int at the parser; null for null and for anything else (which the caller tells apart by the token). */
  private static Integer intOrNull(JsonParser parser) throws IOException {
    return parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
        ? parser.getIntValue() : null;
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
      Map<String, JsonNode> unknown = new LinkedHashMap<>();
      Integer cached = null;
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        JsonToken token = parser.nextToken();
        if (name.equals("cached_tokens")) {
          cached = intOrNull(parser);
          if (cached == null && token != JsonToken.VALUE_NULL) {
            return null;
          }
        } else {
          unknown.put(name, JsonTrees.read(parser));
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
