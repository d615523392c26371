package dev.fireworks4j.core.http;

import dev.fireworks4j.core.auth.ApiKey;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as the transport chain sees it: method, URL, headers, body, the credential to send,
 * and how it may be retried and timed out.
 */
public final class SdkHttpRequest {
  private final String method;
  private final URI uri;
  private final Headers headers;
  private final byte[] body;
  private final ApiKey credential;
  private final boolean idempotent;
  private final Duration attemptTimeout;
  private final Duration totalTimeout;
  private final Integer maxRetries;
  private final int attempt;
  private final RoutingContext routing;

  private SdkHttpRequest(Builder b) {
    this.method = Objects.requireNonNull(b.method, "method");
    this.uri = Objects.requireNonNull(b.uri, "uri");
    this.headers = b.headerEdits != null ? b.headerEdits.build() : b.headers;
    this.body = b.body;
    this.credential = b.credential;
    this.idempotent = b.idempotent;
    this.attemptTimeout = b.attemptTimeout;
    this.totalTimeout = b.totalTimeout;
    this.maxRetries = b.maxRetries;
    this.attempt = b.attempt;
    this.routing = b.routing;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding a copy of this request. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.method = method;
    b.uri = uri;
    b.headers = headers;
    b.body = body;
    b.credential = credential;
    b.idempotent = idempotent;
    b.attemptTimeout = attemptTimeout;
    b.totalTimeout = totalTimeout;
    b.maxRetries = maxRetries;
    b.attempt = attempt;
    b.routing = routing;
    return b;
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** The full URL. */
  public URI uri() {
    return uri;
  }

  /** The headers, without {@code Authorization} (added last, from {@link #credential()}). */
  public Headers headers() {
    return headers;
  }

  /** The body bytes, if any. The array is shared: do not modify it. */
  public Optional<byte[]> body() {
    return Optional.ofNullable(body);
  }

  /** The credential to send as a bearer token, if any. */
  public Optional<ApiKey> credential() {
    return Optional.ofNullable(credential);
  }

  /** Whether repeating the request after it may have reached the server is safe. */
  public boolean idempotent() {
    return idempotent;
  }

  /** The timeout of one attempt, if set. */
  public Optional<Duration> attemptTimeout() {
    return Optional.ofNullable(attemptTimeout);
  }

  /** The deadline across all attempts, measured from the first, if set. */
  public Optional<Duration> totalTimeout() {
    return Optional.ofNullable(totalTimeout);
  }

  /** The retries allowed for this request, when it overrides the policy. */
  public Optional<Integer> maxRetries() {
    return Optional.ofNullable(maxRetries);
  }

  /** The attempt number, from 1. */
  public int attempt() {
    return attempt;
  }

  /** The per-attempt routing of the call, when its endpoint resolver routes each attempt. */
  public Optional<RoutingContext> routing() {
    return Optional.ofNullable(routing);
  }

  /** Method and URL only. */
  @Override
  public String toString() {
    return method + " " + uri;
  }

  /** Builds an {@link SdkHttpRequest}. */
  public static final class Builder {
    private String method = "GET";
    private URI uri;
    /** The headers, copied into {@link #headerEdits} only when a header changes. */
    private Headers headers = Headers.empty();
    private Headers.Builder headerEdits;
    private byte[] body;
    private ApiKey credential;
    private boolean idempotent = true;
    private Duration attemptTimeout;
    private Duration totalTimeout;
    private Integer maxRetries;
    private int attempt = 1;
    private RoutingContext routing;

    private Builder() {}

    /** Sets the method ({@code GET}, {@code POST}, {@code PATCH}, {@code DELETE}). */
    public Builder method(String method) {
      this.method = method;
      return this;
    }

    /** Sets the URL. */
    public Builder uri(URI uri) {
      this.uri = uri;
      return this;
    }

    /** Sets a header, replacing earlier values. */
    public Builder header(String name, String value) {
      edits().set(name, value);
      return this;
    }

    /** Sets every header of {@code values}, replacing earlier values of the same names. */
    public Builder headers(Headers values) {
      if (!values.isEmpty()) {
        edits().setAll(values);
      }
      return this;
    }

    /** Removes a header. */
    public Builder removeHeader(String name) {
      edits().remove(name);
      return this;
    }

    private Headers.Builder edits() {
      if (headerEdits == null) {
        headerEdits = headers.toBuilder();
      }
      return headerEdits;
    }

    /** Sets the body bytes (not copied). */
    public Builder body(byte[] body) {
      this.body = body;
      return this;
    }

    /** Sets the credential sent as {@code Authorization: Bearer}. */
    public Builder credential(ApiKey credential) {
      this.credential = credential;
      return this;
    }

    /** Marks whether the request is safe to repeat after it may have reached the server (default true). */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /** Sets the timeout of one attempt. */
    public Builder attemptTimeout(Duration attemptTimeout) {
      this.attemptTimeout = attemptTimeout;
      return this;
    }

    /** Sets the deadline across all attempts. */
    public Builder totalTimeout(Duration totalTimeout) {
      this.totalTimeout = totalTimeout;
      return this;
    }

    /** Overrides the policy's retry count for this request. */
    public Builder maxRetries(Integer maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /** Sets the attempt number (set by the retry layer). */
    public Builder attempt(int attempt) {
      this.attempt = attempt;
      return this;
    }

    /** Routes each attempt through {@code routing}'s resolver. */
    public Builder routing(RoutingContext routing) {
      this.routing = routing;
      return this;
    }

    /** The request. */
    public SdkHttpRequest build() {
      return new SdkHttpRequest(this);
    }
  }
}
