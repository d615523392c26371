package dev.fireworks4j.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A response whose body is read as it arrives. {@link #close()} releases the connection at once, also when
 * the body was not read to its end.
 */
public final class StreamingHttpResponse implements ResponseHead, AutoCloseable {
  private final int status;
  private final Headers headers;
  private final InputStream body;

  /** Creates the response over {@code body}, which {@link #close()} closes. */
  public StreamingHttpResponse(int status, Headers headers, InputStream body) {
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = Objects.requireNonNull(body, "body");
  }

  @Override
  public int status() {
    return status;
  }

  @Override
  public Headers headers() {
    return headers;
  }

  /** The body as it arrives. */
  public InputStream body() {
    return body;
  }

  /** Reads at most {@code limit} bytes of the body as UTF-8 and closes the response (for error bodies). */
  public String readTextAndClose(int limit) {
    try (this) {
      return new String(body.readNBytes(limit), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes the body and releases the connection; safe to call more than once. */
  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException ignored) {
      // nothing to do: the connection is being dropped anyway
    }
  }
}
