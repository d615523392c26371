package dev.fireworks4j.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A response read in full: status, headers and body bytes. */
public final class SdkHttpResponse implements ResponseHead {
  private final int status;
  private final Headers headers;
  private final byte[] body;

  /** Creates the response; the body array is kept, not copied. */
  public SdkHttpResponse(int status, Headers headers, byte[] body) {
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = body == null ? new byte[0] : body;
  }

  @Override
  public int status() {
    return status;
  }

  @Override
  public Headers headers() {
    return headers;
  }

  /** The body bytes (shared: do not modify). */
  public byte[] body() {
    return body;
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SdkHttpResponse{status=" + status + ", bytes=" + body.length + "}";
  }
}
