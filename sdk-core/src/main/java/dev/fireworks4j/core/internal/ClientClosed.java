package dev.fireworks4j.core.internal;

/** The failure of a call on a closed client: one message wherever the client is found closed. */
public final class ClientClosed {
  /** What happened, and what to do about it. */
  private static final String MESSAGE = "this Fireworks client is closed; build a new one";

  private ClientClosed() {}

  /** A new exception saying that the client is closed. */
  public static IllegalStateException exception() {
    return new IllegalStateException(MESSAGE);
  }

  /** A new exception saying that the client is closed, which ended the call that failed with {@code cause}. */
  public static IllegalStateException exception(Throwable cause) {
    return new IllegalStateException(MESSAGE, cause);
  }
}
