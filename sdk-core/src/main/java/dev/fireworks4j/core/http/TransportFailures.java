package dev.fireworks4j.core.http;

import dev.fireworks4j.core.error.ConnectionException;
import dev.fireworks4j.core.error.FireworksTimeoutException;

/** The failures both transports report alike, with the same messages. */
final class TransportFailures {
  private TransportFailures() {}

  /** No connection within the connect timeout: the request never left. */
  static ConnectionException connectTimedOut(SdkHttpRequest request, Throwable cause) {
    return new ConnectionException(request + ": connect timed out", false, cause);
  }

  /** No connection at all (refused, no route, unknown host), for {@code reason} if known (may be null). */
  static ConnectionException couldNotConnect(SdkHttpRequest request, String reason, Throwable cause) {
    return new ConnectionException(request + ": could not connect" + (reason == null ? "" : " (" + reason + ")"),
        false, cause);
  }

  /** The attempt timeout passed before the response was complete. */
  static FireworksTimeoutException attemptTimedOut(SdkHttpRequest request, Throwable cause) {
    return new FireworksTimeoutException(
        request + ": no response within the attempt timeout of " + request.attemptTimeout().orElse(null), cause);
  }
}
