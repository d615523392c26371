package dev.fireworks4j.inference;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Log probabilities of the generated tokens, in either of the two shapes the server uses: the OpenAI
 * shape ({@link #content()}, when {@code logprobs} was {@code true}) or the legacy shape
 * ({@link #tokens()}, {@link #tokenLogprobs()}, …, when {@code logprobs} was an integer). The lists of
 * the shape not used are empty.
 */
public final class LogProbs extends ApiObject {
  @JsonProperty("content")
  private List<TokenLogProb> content;
  @JsonProperty("tokens")
  private List<String> tokens;
  @JsonProperty("token_logprobs")
  private List<Double> tokenLogprobs;
  @JsonProperty("top_logprobs")
  private List<Map<String, Double>> topLogprobs;
  @JsonProperty("text_offset")
  private List<Integer> textOffset;
  @JsonProperty("token_ids")
  private List<Integer> tokenIds;

  private LogProbs() {}

  /** One entry per generated token (OpenAI shape). */
  public List<TokenLogProb> content() {
    return listOf(content);
  }

  /** The generated tokens (legacy shape). */
  public List<String> tokens() {
    return listOf(tokens);
  }

  /** The log probability of each token (legacy shape). */
  public List<Double> tokenLogprobs() {
    return listOf(tokenLogprobs);
  }

  /** The most likely alternatives at each position, token to log probability (legacy shape). */
  public List<Map<String, Double>> topLogprobs() {
    return listOf(topLogprobs);
  }

  /** The character offset of each token in the text (legacy shape). */
  public List<Integer> textOffset() {
    return listOf(textOffset);
  }

  /** The token ids (legacy shape). */
  public List<Integer> tokenIds() {
    return listOf(tokenIds);
  }

  /** The log probabilities of consecutive pieces of one answer, such as a stream's chunks, joined in order. */
  public static LogProbs concat(List<LogProbs> pieces) {
    LogProbs joined = new LogProbs();
    for (LogProbs piece : pieces) {
      joined.content = append(joined.content, piece.content);
      joined.tokens = append(joined.tokens, piece.tokens);
      joined.tokenLogprobs = append(joined.tokenLogprobs, piece.tokenLogprobs);
      joined.topLogprobs = append(joined.topLogprobs, piece.topLogprobs);
      joined.textOffset = append(joined.textOffset, piece.textOffset);
      joined.tokenIds = append(joined.tokenIds, piece.tokenIds);
    }
    return joined;
  }

  private static <T> List<T> append(List<T> joined, List<T> piece) {
    if (piece == null) {
      return joined;
    }
    List<T> target = joined == null ? new ArrayList<>(piece.size()) : joined;
    target.addAll(piece);
    return target;
  }

  static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }

  /** The log probability of one token and, for a generated token, its most likely alternatives. */
  public static final class TokenLogProb extends ApiObject {
    @JsonProperty("token")
    private String token;
    @JsonProperty("logprob")
    private double logprob;
    @JsonProperty("sampling_logprob")
    private Double samplingLogprob;
    @JsonProperty("bytes")
    private List<Integer> bytes;
    @JsonProperty("top_logprobs")
    private List<TokenLogProb> topLogprobs;
    @JsonProperty("token_id")
    private Integer tokenId;
    @JsonProperty("text_offset")
    private Integer textOffset;

    private TokenLogProb() {}

    /** The token text. */
    public String token() {
      return token == null ? "" : token;
    }

    /** Its log probability. */
    public double logprob() {
      return logprob;
    }

    /** Its log probability under the sampling distribution, if the server sent one. */
    public Optional<Double> samplingLogprob() {
      return Optional.ofNullable(samplingLogprob);
    }

    /** The UTF-8 bytes of the token. */
    public List<Integer> bytes() {
      return listOf(bytes);
    }

    /** The most likely alternatives at this position. */
    public List<TokenLogProb> topLogprobs() {
      return listOf(topLogprobs);
    }

    /** The token id, if sent. */
    public Optional<Integer> tokenId() {
      return Optional.ofNullable(tokenId);
    }

    /** The character offset of the token in the text, if sent. */
    public Optional<Integer> textOffset() {
      return Optional.ofNullable(textOffset);
    }
  }
}
