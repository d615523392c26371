package dev.fireworks4j.inference;

import dev.fireworks4j.core.http.Headers;
import dev.fireworks4j.core.http.ResponseHead;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What the response headers of an inference call say: the request id to quote to support, which
 * deployment and replica served the call, the server's timings and token counts, and the rate-limit
 * state. Every accessor is empty when the server did not send the header.
 */
public final class ResponseMetadata implements ResponseHead {
  private static final String RATE_LIMIT_PREFIX = "x-ratelimit-";
  private final int status;
  private final Headers headers;

  private ResponseMetadata(int status, Headers headers) {
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers");
  }

  /** The metadata of a response with this status and these headers. */
  public static ResponseMetadata of(int status, Headers headers) {
    return new ResponseMetadata(status, headers);
  }

  /** The metadata of {@code response}. */
  public static ResponseMetadata of(ResponseHead response) {
    return new ResponseMetadata(response.status(), response.headers());
  }

  @Override
  public int status() {
    return status;
  }

  @Override
  public Headers headers() {
    return headers;
  }

  /** The first value of any response header. */
  public Optional<String> header(String name) {
    return headers.first(name);
  }

  /** The deployment that served the call ({@code fireworks-deployment}). */
  public Optional<String> deployment() {
    return headers.first("fireworks-deployment");
  }

  /** The replica that served the call ({@code fireworks-backend-host}). */
  public Optional<String> backendHost() {
    return headers.first("fireworks-backend-host");
  }

  /** Time from the request's arrival to the first token ({@code fireworks-server-time-to-first-token}). */
  public Optional<Duration> serverTimeToFirstToken() {
    return Numbers.seconds(headers.first("fireworks-server-time-to-first-token").orElse(null));
  }

  /** The server's total processing time ({@code fireworks-server-processing-time}). */
  public Optional<Duration> serverProcessingTime() {
    return Numbers.seconds(headers.first("fireworks-server-processing-time").orElse(null));
  }

  /** Tokens in the prompt ({@code fireworks-prompt-tokens}). */
  public OptionalLong promptTokens() {
    return Numbers.count(headers.first("fireworks-prompt-tokens").orElse(null));
  }

  /** Prompt tokens served from the cache ({@code fireworks-cached-prompt-tokens}). */
  public OptionalLong cachedPromptTokens() {
    return Numbers.count(headers.first("fireworks-cached-prompt-tokens").orElse(null));
  }

  /**
   * Every {@code x-ratelimit-*} header, by lower-case name without the prefix ({@code limit-requests},
   * {@code remaining-tokens-generated}, {@code over-limit}, …), in name order.
   */
  public Map<String, String> rateLimits() {
    Map<String, String> limits = new TreeMap<>();
    for (String name : headers.names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith(RATE_LIMIT_PREFIX)) {
        headers.first(name).ifPresent(value -> limits.put(lower.substring(RATE_LIMIT_PREFIX.length()), value));
      }
    }
    return limits;
  }

  /** One rate-limit header as a number, by its name without the prefix, such as {@code remaining-requests}. */
  public OptionalLong rateLimit(String name) {
    return Numbers.count(headers.first(RATE_LIMIT_PREFIX + name).orElse(null));
  }

  /** Whether the account is over its guaranteed limit and the call was de-prioritised ({@code x-ratelimit-over-limit: yes}). */
  public boolean overLimit() {
    return headers.first("x-ratelimit-over-limit").map(value -> value.equalsIgnoreCase("yes")).orElse(false);
  }

  @Override
  public String toString() {
    return "ResponseMetadata{status=" + status + ", requestId=" + requestId().orElse(null) + ", deployment="
        + deployment().orElse(null) + ", backendHost=" + backendHost().orElse(null) + "}";
  }
}
