package dev.fireworks4j.core;

import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.http.Headers;
import java.time.Duration;
import java.util.Optional;

/** Per-call overrides of the client's timeouts, retries and headers. */
public final class RequestOptions {
  private static final RequestOptions NONE = builder().build();
  private final Duration timeout;
  private final Duration totalTimeout;
  private final Integer maxRetries;
  private final Duration streamIdleTimeout;
  private final Headers headers;

  private RequestOptions(Builder b) {
    this.timeout = b.timeout;
    this.totalTimeout = b.totalTimeout;
    this.maxRetries = b.maxRetries;
    this.streamIdleTimeout = b.streamIdleTimeout;
    this.headers = b.headers.build();
  }

  /** No overrides. */
  public static RequestOptions none() {
    return NONE;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to derive changed ones. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.timeout = timeout;
    b.totalTimeout = totalTimeout;
    b.maxRetries = maxRetries;
    b.streamIdleTimeout = streamIdleTimeout;
    b.headers.setAll(headers);
    return b;
  }

  /** The per-attempt timeout for this call, if overridden. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** The deadline across all attempts of this call, if overridden. */
  public Optional<Duration> totalTimeout() {
    return Optional.ofNullable(totalTimeout);
  }

  /** The retry count for this call, if overridden. */
  public Optional<Integer> maxRetries() {
    return Optional.ofNullable(maxRetries);
  }

  /** The longest silence allowed between two events of this call's stream, if overridden. */
  public Optional<Duration> streamIdleTimeout() {
    return Optional.ofNullable(streamIdleTimeout);
  }

  /** Extra headers for this call; they replace client headers of the same name. */
  public Headers headers() {
    return headers;
  }

  @Override
  public String toString() {
    return "RequestOptions{timeout=" + timeout + ", totalTimeout=" + totalTimeout + ", maxRetries=" + maxRetries
        + ", streamIdleTimeout=" + streamIdleTimeout + ", headers=" + headers + "}";
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private Duration timeout;
    private Duration totalTimeout;
    private Integer maxRetries;
    private Duration streamIdleTimeout;
    private final Headers.Builder headers = Headers.builder();

    private Builder() {}

    /** The per-attempt timeout. */
    public Builder timeout(Duration timeout) {
      this.timeout = ClientOptions.positive("timeout", timeout);
      return this;
    }

    /** The deadline across all attempts. */
    public Builder totalTimeout(Duration totalTimeout) {
      this.totalTimeout = ClientOptions.positive("totalTimeout", totalTimeout);
      return this;
    }

    /** The retry count (0 disables retries for this call). */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new ValidationException("maxRetries", "must be 0 or more, was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /** The longest silence allowed between two events of a streamed response. */
    public Builder streamIdleTimeout(Duration streamIdleTimeout) {
      this.streamIdleTimeout = ClientOptions.positive("streamIdleTimeout", streamIdleTimeout);
      return this;
    }

    /** Adds or replaces a header. */
    public Builder header(String name, String value) {
      ClientOptions.checkHeader(name, value);
      headers.set(name, value);
      return this;
    }

    /** The options. */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
