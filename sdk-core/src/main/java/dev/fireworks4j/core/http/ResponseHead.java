package dev.fireworks4j.core.http;

import java.util.Optional;

/** What every response has before its body is read: the status and the headers. */
public interface ResponseHead {
  /** The HTTP status code. */
  int status();

  /** The response headers. */
  Headers headers();

  /** Whether the status is 2xx. */
  default boolean isSuccess() {
    return status() >= 200 && status() < 300;
  }

  /** The request id from {@code x-request-id}, if present. */
  default Optional<String> requestId() {
    return headers().first("x-request-id");
  }
}
