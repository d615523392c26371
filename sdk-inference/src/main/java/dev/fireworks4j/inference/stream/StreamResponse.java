package dev.fireworks4j.inference.stream;

import dev.fireworks4j.inference.ResponseMetadata;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * A streamed response, read as it arrives: iterate it (blocking for each next event) inside
 * try-with-resources. The stream can be read once; {@link #iterator()} and {@link #stream()} continue
 * where the previous reading stopped. It is closed automatically when it ends or fails, and
 * {@link #close()} may be called from any thread to stop it early.
 *
 * <pre>{@code
 * try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().stream(params)) {
 *   for (ChatCompletionChunk chunk : stream) { ... }
 * }
 * }</pre>
 *
 * @param <T> the event type
 */
public interface StreamResponse<T> extends Iterable<T>, AutoCloseable {
  /** The response's status and headers, available before the first event. */
  ResponseMetadata metadata();

  /**
   * The events. {@code hasNext()} blocks until the next event, the end of the stream, or a failure:
   * a {@code StreamException} (error object in the stream, malformed event), a
   * {@code FireworksTimeoutException} (idle timeout) or a {@code ConnectionException}.
   */
  @Override
  Iterator<T> iterator();

  /** The events as a sequential {@link Stream}; closing it closes this response. */
  Stream<T> stream();

  /** Stops reading and releases the connection at once; a blocked reader sees the end of the stream. */
  @Override
  void close();
}
