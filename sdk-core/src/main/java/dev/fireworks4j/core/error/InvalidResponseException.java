package dev.fireworks4j.core.error;

import java.util.Optional;

/** A success response whose body could not be read as the expected JSON (not JSON, truncated, too deep). */
public class InvalidResponseException extends FireworksException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String requestId;

  /** Creates the exception for a response with {@code status} and, if known, its request id. */
  public InvalidResponseException(String message, int status, String requestId, Throwable cause) {
    super(message + " (status " + status + (requestId != null ? ", request id " + requestId : "") + ")", cause);
    this.status = status;
    this.requestId = requestId;
  }

  /** The HTTP status of the response. */
  public int status() {
    return status;
  }

  /** The request id from {@code x-request-id}, if present. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
