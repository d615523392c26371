package dev.fireworks4j.core.auth;

import dev.fireworks4j.core.error.ValidationException;

/**
 * A secret credential: a Fireworks API key or a direct-route key. It never appears in {@code toString()},
 * logs or exception messages; only the transport reads it, to build the {@code Authorization} header.
 */
public final class ApiKey {
  private final String secret;

  private ApiKey(String secret) {
    this.secret = secret;
  }

  /** Wraps a key; rejects blank keys and keys with white space or control characters (header injection). */
  public static ApiKey of(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new ValidationException("apiKey", "must not be blank");
    }
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        throw new ValidationException("apiKey", "contains white space or a control character at index " + i);
      }
    }
    return new ApiKey(secret);
  }

  /** The secret itself, for building the {@code Authorization} header. Never log it. */
  public String reveal() {
    return secret;
  }

  /** The value of the {@code Authorization} header: {@code Bearer <key>}. */
  public String bearer() {
    return "Bearer " + secret;
  }

  /** Never the secret. */
  @Override
  public String toString() {
    return "ApiKey[redacted]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiKey && java.security.MessageDigest.isEqual(
        ((ApiKey) other).secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return secret.hashCode();
  }
}
