package dev.fireworks4j.inference;

import com.fasterxml.jackson.annotation.JsonProperty;
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

    /** Prompt tokens served from the prompt cache, if the server said. */
    public OptionalInt cachedTokens() {
      return cachedTokens == null ? OptionalInt.empty() : OptionalInt.of(cachedTokens);
    }
  }
}
