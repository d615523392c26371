package dev.fireworks4j.core.error;

/** A call ran past its per-attempt timeout, its total deadline, or a stream's idle timeout. */
public class FireworksTimeoutException extends FireworksException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the timeout that expired. */
  public FireworksTimeoutException(String message) {
    super(message);
  }

  /** Creates the exception with the underlying timeout. */
  public FireworksTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
