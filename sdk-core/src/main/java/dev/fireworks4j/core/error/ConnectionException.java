package dev.fireworks4j.core.error;

/** The request could not be sent or its response could not be read (refused, reset, closed early). */
public class ConnectionException extends FireworksException {
  private static final long serialVersionUID = 1L;
  private final boolean mayHaveReachedServer;

  /**
   * Creates the exception. {@code mayHaveReachedServer} is false only when the connection was never
   * established, so that repeating a non-idempotent request is known to be safe.
   */
  public ConnectionException(String message, boolean mayHaveReachedServer, Throwable cause) {
    super(message, cause);
    this.mayHaveReachedServer = mayHaveReachedServer;
  }

  /** Whether the server may have received (and acted on) the request. */
  public boolean mayHaveReachedServer() {
    return mayHaveReachedServer;
  }
}
