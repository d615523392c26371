package dev.fireworks4j.core.error;

import java.util.Optional;

/** A streamed response failed after it started: malformed event, or an error object sent in the stream. */
public class StreamException extends FireworksException {
  private static final long serialVersionUID = 1L;
  private final transient ErrorBody error;

  /** Creates the exception for a malformed stream. */
  public StreamException(String message, Throwable cause) {
    super(message, cause);
    this.error = null;
  }

  /** Creates the exception for an in-band error object. */
  public StreamException(String message, ErrorBody error) {
    super(message);
    this.error = error;
  }

  /** The error object the server sent inside the stream, if that is what ended it. */
  public Optional<ErrorBody> error() {
    return Optional.ofNullable(error);
  }
}
