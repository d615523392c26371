package dev.fireworks4j.core.error;

/** The request could not be sent or its response could not be read (refused, reset, closed early). */
public class ConnectionException extends FireworksException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the I/O failure that caused it. */
  public ConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
