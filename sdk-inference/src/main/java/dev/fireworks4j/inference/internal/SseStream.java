package dev.fireworks4j.inference.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fireworks4j.core.error.ConnectionException;
import dev.fireworks4j.core.error.ErrorBody;
import dev.fireworks4j.core.error.FireworksTimeoutException;
import dev.fireworks4j.core.error.StreamException;
import dev.fireworks4j.core.http.StreamingHttpResponse;
import dev.fireworks4j.inference.ApiObject;
import dev.fireworks4j.inference.ResponseMetadata;
import dev.fireworks4j.inference.stream.StreamResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A {@link StreamResponse} over a server-sent-events body: each {@code data:} payload is read straight
 * from the parser's buffer into the event type by an {@link EventReader}, under an idle watchdog.
 * {@code ping} events and events with empty data are skipped. The API ends every stream with
 * {@code data: [DONE]}, so a body that ends without it (cut short, or not a stream at all) fails with a
 * {@link StreamException} rather than passing for a complete answer.
 *
 * @param <T> the event type
 */
public final class SseStream<T> implements StreamResponse<T>, Iterator<T> {
  private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

  private final StreamingHttpResponse response;
  private final ResponseMetadata metadata;
  private final EventReader<T> reader;
  private final String typeName;
  private final Duration idleTimeout;
  private final IdleWatchdog.Watch watch;
  private final SseParser parser;
  private volatile boolean closed;
  private boolean finished;
  private int delivered;
  private T next;

  /** Reads {@code response}'s body, events with {@code reader}; fails after {@code idleTimeout} of silence. */
  public SseStream(StreamingHttpResponse response, EventReader<T> reader, Duration idleTimeout) {
    this.response = response;
    this.metadata = ResponseMetadata.of(response);
    this.reader = reader;
    this.typeName = reader.type().getSimpleName();
    this.idleTimeout = idleTimeout;
    this.watch = IdleWatchdog.start(idleTimeout, response::close);
    this.parser = new SseParser(new ActivityInputStream(response.body(), watch));
  }

  @Override
  public ResponseMetadata metadata() {
    return metadata;
  }

  @Override
  public Iterator<T> iterator() {
    return this;
  }

  @Override
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !finished) {
      try {
        next = read();
      } finally {
        if (finished) {
          reader.close(); // here, as the thread that reads alone may touch the reader
        }
      }
    }
    return next != null;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the stream has ended");
    }
    T value = next;
    next = null;
    return value;
  }

  @Override
  public void close() {
    closed = true;
    finish();
  }

  private void finish() {
    finished = true;
    watch.stop();
    response.close();
  }

  /** The next event, or null at the end of the stream. */
  private T read() {
    try {
      while (!closed && parser.next()) {
        if (watch.expired()) {
          throw timeout(null);
        }
        if (parser.dataEquals(DONE)) {
          finish();
          return null;
        }
        String event = parser.eventType();
        if ("ping".equals(event) || parser.dataLength() == 0) {
          continue;
        }
        if ("error".equals(event)) {
          throw inBandError(parser.dataText());
        }
        return decode();
      }
      if (watch.expired()) {
        throw timeout(null);
      }
      finish();
      if (closed) {
        return null;
      }
      throw new StreamException("the stream ended without data: [DONE] after " + delivered + " event(s); the"
          + " response is incomplete" + requestIdSuffix(), (Throwable) null);
    } catch (IOException e) {
      if (watch.expired()) {
        throw timeout(e);
      }
      finish();
      if (closed) {
        return null;
      }
      throw new ConnectionException("the stream broke off" + requestIdSuffix() + ": " + e.getMessage(), true, e);
    } catch (RuntimeException e) {
      finish();
      throw e;
    }
  }

  private T decode() {
    T value;
    try {
      value = reader.read(parser.data(), parser.dataOffset(), parser.dataLength());
    } catch (JsonProcessingException e) {
      throw new StreamException("could not read a stream event as " + typeName + requestIdSuffix() + ": "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new StreamException("could not read a stream event as " + typeName + requestIdSuffix(), e);
    }
    if (value == null) {
      throw new StreamException("the stream sent a null event" + requestIdSuffix(), (Throwable) null);
    }
    if (value instanceof ApiObject && ((ApiObject) value).additionalProperty("error").isPresent()) {
      throw inBandError(parser.dataText());
    }
    delivered++;
    return value;
  }

  private StreamException inBandError(String text) {
    ErrorBody error = ErrorBody.parse(text);
    StringBuilder message = new StringBuilder("the server sent an error inside the stream");
    error.message().ifPresent(detail -> message.append(": ").append(detail));
    error.code().ifPresent(code -> message.append(" (code ").append(code).append(')'));
    message.append(requestIdSuffix());
    return new StreamException(message.toString(), error);
  }

  private FireworksTimeoutException timeout(IOException cause) {
    finish();
    return new FireworksTimeoutException("the stream sent nothing for " + idleTimeout.toMillis()
        + " ms (the stream idle timeout)" + requestIdSuffix(), cause);
  }

  private String requestIdSuffix() {
    return metadata.requestId().map(id -> " [request id " + id + "]").orElse("");
  }
}
