package dev.fireworks4j.core.internal;

import java.io.IOException;

/**
 * Reads a success response body into a value, in place of databind binding it.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface BodyReader<T> {
  /**
   * The value in {@code body}; null when the body holds JSON {@code null} (or nothing, if the reader allows it).
   *
   * @throws IOException when the body is not JSON or does not fit the value type
   */
  T read(byte[] body) throws IOException;
}
