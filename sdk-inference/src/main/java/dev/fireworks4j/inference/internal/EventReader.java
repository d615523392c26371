package dev.fireworks4j.inference.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Binds the data of one stream event to the event type. An instance reads one stream, one event at a
 * time, so it may keep what repeats from event to event.
 *
 * @param <T> the event type
 */
public interface EventReader<T> extends AutoCloseable {
  /** The event type, for error messages. */
  Class<T> type();

  /**
   * Reads the event in {@code data[offset, offset + length)}; null when the data is JSON {@code null}.
   *
   * @throws IOException when the data is not JSON or does not fit the event type
   */
  T read(byte[] data, int offset, int length) throws IOException;

  /** Releases what the reader kept, once the stream has ended; called by the stream's reader, never concurrently. */
  @Override
  default void close() {}

  /** A reader that binds with {@code mapper}'s databind; it holds no state, so streams may share one. */
  static <T> EventReader<T> databind(ObjectMapper mapper, Class<T> type) {
    return new DatabindEventReader<>(mapper, type);
  }
}
