package dev.fireworks4j.core.http;

import java.util.Objects;

/** Base of the transport decorators: holds the next transport and closes it. */
public abstract class ForwardingTransport implements HttpTransport {
  private final HttpTransport next;

  /** Wraps {@code next}. */
  protected ForwardingTransport(HttpTransport next) {
    this.next = Objects.requireNonNull(next, "next");
  }

  /** The wrapped transport. */
  protected final HttpTransport next() {
    return next;
  }

  @Override
  public void close() {
    next.close();
  }
}
