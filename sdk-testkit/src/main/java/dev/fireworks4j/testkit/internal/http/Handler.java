package dev.fireworks4j.testkit.internal.http;

import java.io.IOException;

/** Serves one {@link Call}. */
@FunctionalInterface
public interface Handler {
  /** Answers the call (or drops it); an exception that escapes becomes a 500 if nothing was sent yet. */
  void handle(Call call) throws IOException;
}
