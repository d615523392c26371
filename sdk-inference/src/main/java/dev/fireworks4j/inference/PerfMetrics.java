package dev.fireworks4j.inference;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Server performance metrics sent in the body when {@code perf_metrics_in_response} is true (on the final
 * chunk of a stream). Keys are hyphenated ({@code server-time-to-first-token}); every key is available
 * through {@link #get(String)}, the common ones through typed accessors. Several exist only for dedicated
 * deployments.
 */
public final class PerfMetrics extends ApiObject {
  private PerfMetrics() {}

  /** The metric {@code key} as sent, such as {@code "prefill-duration"}. */
  public Optional<JsonNode> get(String key) {
    return additionalProperty(key);
  }

  /** Tokens in the prompt ({@code prompt-tokens}). */
  public OptionalLong promptTokens() {
    return Numbers.count(Numbers.text(get("prompt-tokens")));
  }

  /** Prompt tokens served from the cache ({@code cached-prompt-tokens}). */
  public OptionalLong cachedPromptTokens() {
    return Numbers.count(Numbers.text(get("cached-prompt-tokens")));
  }

  /** Time from the request's arrival to the first token ({@code server-time-to-first-token}). */
  public Optional<Duration> serverTimeToFirstToken() {
    return Numbers.seconds(Numbers.text(get("server-time-to-first-token")));
  }

  /** Total processing time of a completed request ({@code server-processing-time}). */
  public Optional<Duration> serverProcessingTime() {
    return Numbers.seconds(Numbers.text(get("server-processing-time")));
  }

  /** The deployment that served the request ({@code deployment}; dedicated deployments only). */
  public Optional<String> deployment() {
    return Optional.ofNullable(Numbers.text(get("deployment")));
  }

  /** The replica that served the request ({@code backend-host}; dedicated deployments only). */
  public Optional<String> backendHost() {
    return Optional.ofNullable(Numbers.text(get("backend-host")));
  }
}
