package dev.fireworks4j.core.http;

import java.util.Objects;

/**
 * A parsed response with its HTTP status and headers: what {@code withRawResponse()} calls return.
 *
 * @param <T> the parsed body type
 */
public final class ApiResponse<T> implements ResponseHead {
  private final int status;
  private final Headers headers;
  private final T value;

  /** Creates the response. */
  public ApiResponse(int status, Headers headers, T value) {
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.value = value;
  }

  @Override
  public int status() {
    return status;
  }

  @Override
  public Headers headers() {
    return headers;
  }

  /** The parsed body ({@code null} for calls without one). */
  public T value() {
    return value;
  }

  /** This response with another value (same status and headers). */
  public <U> ApiResponse<U> withValue(U newValue) {
    return new ApiResponse<>(status, headers, newValue);
  }

  @Override
  public String toString() {
    return "ApiResponse{status=" + status + ", requestId=" + requestId().orElse(null) + ", value=" + value + "}";
  }
}
