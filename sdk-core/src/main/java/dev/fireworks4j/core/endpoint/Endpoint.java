package dev.fireworks4j.core.endpoint;

import dev.fireworks4j.core.auth.ApiKey;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one request goes: a base URL, and optionally a credential that replaces the client's API key for
 * that base URL (a direct-route key, say). Paths are appended to the base URL.
 */
public final class Endpoint {
  private final URI baseUri;
  private final ApiKey credential;

  private Endpoint(URI baseUri, ApiKey credential) {
    this.baseUri = normalise(Objects.requireNonNull(baseUri, "baseUri"));
    this.credential = credential;
  }

  /** An endpoint that uses the client's API key. */
  public static Endpoint of(URI baseUri) {
    return new Endpoint(baseUri, null);
  }

  /** An endpoint with its own credential, sent only to this base URL. */
  public static Endpoint of(URI baseUri, ApiKey credential) {
    return new Endpoint(baseUri, Objects.requireNonNull(credential, "credential"));
  }

  /** The base URL, without a trailing slash. */
  public URI baseUri() {
    return baseUri;
  }

  /** The credential for this endpoint, when it is not the client's API key. */
  public Optional<ApiKey> credential() {
    return Optional.ofNullable(credential);
  }

  /** The base URL with {@code path} appended; {@code path} starts with {@code /}. */
  public URI resolve(String path) {
    return URI.create(baseUri + path);
  }

  private static URI normalise(URI uri) {
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException("an endpoint needs an absolute http(s) URL with a host: " + uri);
    }
    String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("an endpoint must use http or https: " + uri);
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("an endpoint URL may not carry user info, a query or a fragment");
    }
    String text = uri.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text);
  }

  @Override
  public String toString() {
    return baseUri + (credential != null ? " (own credential)" : "");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Endpoint && ((Endpoint) other).baseUri.equals(baseUri)
        && Objects.equals(((Endpoint) other).credential, credential);
  }

  @Override
  public int hashCode() {
    return baseUri.hashCode();
  }
}
