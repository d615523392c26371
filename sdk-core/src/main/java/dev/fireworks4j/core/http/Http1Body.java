package dev.fireworks4j.core.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A response body as framed by HTTP/1.1: a fixed length, chunks, or everything until the server closes.
 * Read to its end, it gives its connection back to the pool (when the server keeps it alive); closed
 * before, it closes the connection, which also ends a read blocked in another thread.
 */
final class Http1Body extends InputStream {
  /** The framing length of a chunked body. */
  static final long CHUNKED = -1;
  /** The framing length of a body that ends when the server closes the connection. */
  static final long UNTIL_CLOSE = -2;
  /** Largest body {@link #readAll} accepts: the largest array a JVM allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final Http1Connection connection;
  private final ConnectionPool pool;
  private final boolean keepAlive;
  private final long deadline;
  private final boolean chunked;
  private final boolean untilClose;
  /** Bytes left in the body (fixed length) or in the current chunk. */
  private long remaining;
  private boolean firstChunk = true;
  private boolean ended;
  private volatile boolean closed;
  /** Set once the connection went back to the pool or was closed. */
  private final AtomicBoolean settled = new AtomicBoolean();

  /** A body read until {@code deadline} ({@link Http1Transport#NO_DEADLINE}: no limit). */
  Http1Body(Http1Connection.Http1Response response, ConnectionPool pool, long deadline) {
    this.connection = response.connection();
    this.pool = pool;
    this.keepAlive = response.keepAlive;
    this.deadline = deadline;
    this.chunked = response.length == CHUNKED;
    this.untilClose = response.length == UNTIL_CLOSE;
    this.remaining = chunked || untilClose ? 0 : response.length;
    if (response.length == 0) {
      end();
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, target.length);
    if (closed) {
      throw new IOException("the response body is closed");
    }
    if (ended) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    if (untilClose) {
      int n = readSome(target, offset, length);
      if (n < 0) {
        end();
      }
      return n;
    }
    if (chunked && remaining == 0 && !nextChunk()) {
      end();
      return -1;
    }
    int n = readSome(target, offset, (int) Math.min(length, remaining));
    if (n < 0) {
      throw new EOFException("the server closed the connection " + remaining + " bytes before the end of the body");
    }
    remaining -= n;
    if (!chunked && remaining == 0) {
      end();
    }
    return n;
  }

  @Override
  public int available() {
    return ended || closed ? 0 : (int) Math.min(connection.limit - connection.pos, untilClose ? Integer.MAX_VALUE : remaining);
  }

  /** Reads the rest of the body into one array. */
  byte[] readAll() throws IOException {
    if (!chunked && !untilClose) {
      if (remaining > MAX_ARRAY) {
        throw new ProtocolException("a response body of " + remaining + " bytes is too large to read whole");
      }
      byte[] whole = new byte[(int) remaining];
      int at = 0;
      while (at < whole.length) {
        int n = read(whole, at, whole.length - at);
        if (n < 0) {
          break; // read() throws before this: the length was announced
        }
        at += n;
      }
      return whole;
    }
    byte[] whole = new byte[8192];
    int at = 0;
    for (int n; (n = read(whole, at, whole.length - at)) >= 0; ) {
      at += n;
      if (at == whole.length) {
        if (whole.length == MAX_ARRAY) {
          throw new ProtocolException("a response body over " + MAX_ARRAY + " bytes is too large to read whole");
        }
        whole = Arrays.copyOf(whole, (int) Math.min(MAX_ARRAY, whole.length * 2L));
      }
    }
    return Arrays.copyOf(whole, at);
  }

  /** Copies buffered bytes, or reads from the socket: straight into {@code target} when it is large. */
  private int readSome(byte[] target, int offset, int length) throws IOException {
    Http1Connection c = connection;
    if (c.limit == c.pos) {
      if (length >= c.buffer.length) {
        return c.readDirect(target, offset, length, deadline);
      }
      c.pos = 0;
      c.limit = 0;
      if (c.fill(deadline) < 0) {
        return -1;
      }
    }
    int n = Math.min(length, c.limit - c.pos);
    System.arraycopy(c.buffer, c.pos, target, offset, n);
    c.pos += n;
    return n;
  }

  /** Reads the next chunk's size line; false after the last chunk (and its trailers). */
  private boolean nextChunk() throws IOException {
    Http1Connection c = connection;
    if (!firstChunk) {
      int end = c.lineEnd(deadline, false); // the CRLF after the previous chunk's data
      if (end != c.pos && !(end == c.pos + 1 && c.buffer[c.pos] == '\r')) {
        throw new ProtocolException("no line end after a chunk's data");
      }
      c.pos = end + 1;
    }
    firstChunk = false;
    int end = c.lineEnd(deadline, false);
    long size = 0;
    int i = c.pos;
    for (; i < end; i++) {
      int digit = Character.digit(c.buffer[i], 16);
      if (digit < 0) {
        break;
      }
      if (size > (Long.MAX_VALUE >> 4)) {
        throw new ProtocolException("chunk size too large");
      }
      size = size * 16 + digit;
    }
    if (i == c.pos || (i < end && c.buffer[i] != ';' && c.buffer[i] != '\r' && c.buffer[i] != ' ' && c.buffer[i] != '\t')) {
      throw new ProtocolException("invalid chunk size line");
    }
    c.pos = end + 1;
    if (size > 0) {
      remaining = size;
      return true;
    }
    while (true) { // trailer fields, ignored, up to the empty line
      end = c.lineEnd(deadline, false);
      boolean empty = end == c.pos || (end == c.pos + 1 && c.buffer[c.pos] == '\r');
      c.pos = end + 1;
      if (empty) {
        return false;
      }
    }
  }

  /** The body was read to its end: the connection goes back to the pool, or is closed. */
  private void end() {
    ended = true;
    if (settled.compareAndSet(false, true)) {
      if (connection.finish() && keepAlive) {
        pool.release(connection);
      } else {
        pool.discard(connection);
      }
    }
  }

  /** Closes the body; before its end this closes the connection too, so that no half-read body is reused. */
  @Override
  public void close() {
    closed = true;
    if (settled.compareAndSet(false, true)) {
      pool.discard(connection);
    }
  }
}
