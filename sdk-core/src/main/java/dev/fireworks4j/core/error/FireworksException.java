package dev.fireworks4j.core.error;

/** Root of every exception the SDK throws; unchecked, so callers catch only what they can handle. */
public class FireworksException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public FireworksException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the failure that caused it. */
  public FireworksException(String message, Throwable cause) {
    super(message, cause);
  }
}
