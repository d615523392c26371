package dev.fireworks4j.inference.internal;

import dev.fireworks4j.core.error.StreamException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads server-sent events straight from bytes as they arrive, with reusable buffers and no per-line
 * objects; the data of an event that came as one line, the usual case, is handed over where it lies in the
 * read buffer, without a copy. Lines end in LF, CR or CRLF, split anywhere across reads; comment lines
 * ({@code :...}) and the {@code id} and {@code retry} fields are skipped; the data lines of an event are
 * joined with LF; an event is dispatched at a blank line when it has data. At the end of input an event whose
 * data lines arrived is still dispatched, so that a stream cut short surfaces as a malformed last event rather
 * than silently.
 */
public final class SseParser {
  /** The longest line, and the most data of one event, accepted; real events are a few hundred bytes. */
  static final int MAX_LINE_BYTES = 16 * 1024 * 1024;
  private static final byte[] DATA = {'d', 'a', 't', 'a'};
  private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};
  private static final byte[] PING = {'p', 'i', 'n', 'g'};
  private static final byte[] ERROR = {'e', 'r', 'r', 'o', 'r'};
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long LINE_FEEDS = ONES * '\n';
  private static final long CARRIAGE_RETURNS = ONES * '\r';

  private final InputStream in;
  private byte[] buffer = new byte[8192];
  private int position;
  private int limit;
  private boolean endOfInput;
  /** The previous line ended in CR: a LF right after it belongs to the same line end. */
  private boolean skipLineFeed;
  /** The data of the current event when it is not (or no longer) where it was read in {@link #buffer}. */
  private byte[] data = new byte[1024];
  /** The current event's data is {@code buffer[dataOffset, dataOffset + dataLength)}, not in {@link #data}. */
  private boolean dataInBuffer;
  private int dataOffset;
  private int dataLength;
  private boolean hasData;
  private String eventType;

  /** A parser of {@code in}, which it reads in large blocks. */
  public SseParser(InputStream in) {
    this.in = in;
  }

  /**
   * Advances to the next event with data; false at the end of input.
   *
   * @throws IOException when reading fails
   * @throws StreamException when a line, or the data of one event, exceeds {@value #MAX_LINE_BYTES} bytes
   */
  public boolean next() throws IOException {
    eventType = null;
    dataInBuffer = false;
    dataOffset = 0;
    dataLength = 0;
    hasData = false;
    while (true) {
      int end = nextLineEnd();
      if (end < 0) {
        if (position < limit) {
          field(position, limit); // a last line without its line end
          position = limit;
        }
        return hasData;
      }
      int start = position;
      position = end + 1;
      skipLineFeed = buffer[end] == '\r';
      if (end == start) {
        if (hasData) {
          return true;
        }
        eventType = null; // an event without data is not dispatched
      } else {
        field(start, end);
      }
    }
  }

  /** The event type of the current event, or null when it had no {@code event} field. */
  public String eventType() {
    return eventType;
  }

  /**
   * The array that holds the current event's data, from {@link #dataOffset()} for {@link #dataLength()} bytes;
   * valid until the next call of {@link #next()}, and not to be written to.
   */
  public byte[] data() {
    return dataInBuffer ? buffer : data;
  }

  /** Where the current event's data starts in {@link #data()}. */
  public int dataOffset() {
    return dataOffset;
  }

  /** The length of the current event's data. */
  public int dataLength() {
    return dataLength;
  }

  /** Whether the current event's data is exactly {@code expected}. */
  public boolean dataEquals(byte[] expected) {
    return Arrays.equals(data(), dataOffset, dataOffset + dataLength, expected, 0, expected.length);
  }

  /** The current event's data as text. */
  public String dataText() {
    return new String(data(), dataOffset, dataLength, StandardCharsets.UTF_8);
  }

  /** The index of the next line end in the buffer, reading more as needed; -1 at the end of input. */
  private int nextLineEnd() throws IOException {
    int scanned = 0;
    while (true) {
      if (skipLineFeed && position < limit) {
        skipLineFeed = false;
        if (buffer[position] == '\n') {
          position++;
        }
      }
      if (!skipLineFeed) {
        int end = lineEnd(buffer, position + scanned, limit);
        if (end >= 0) {
          return end;
        }
        scanned = limit - position;
      }
      if (!fill()) {
        return -1;
      }
    }
  }

  /** The index of the first CR or LF in {@code bytes[from, to)}, or -1; eight bytes at a time. */
  static int lineEnd(byte[] bytes, int from, int to) {
    int i = from;
    for (; i <= to - Long.BYTES; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i);
      long found = zeroBytes(word ^ LINE_FEEDS) | zeroBytes(word ^ CARRIAGE_RETURNS);
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n' || bytes[i] == '\r') {
        return i;
      }
    }
    return -1;
  }

  /**
   * The high bit of each zero byte of {@code word} set; bytes above the lowest zero one may be marked
   * wrongly (a borrow), which does not matter as only the lowest is used.
   */
  private static long zeroBytes(long word) {
    return (word - ONES) & ~word & HIGH_BITS;
  }

  /**
   * Moves the unread bytes to the front, grows the buffer if a line fills it, and reads more; first copies the
   * data of the current event out of the buffer, as those bytes are read already and may be overwritten.
   */
  private boolean fill() throws IOException {
    if (endOfInput) {
      return false;
    }
    if (dataInBuffer) {
      copyData(0);
    }
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
    }
    if (limit == buffer.length) {
      if (buffer.length >= MAX_LINE_BYTES) {
        throw new StreamException("a stream line is longer than " + MAX_LINE_BYTES + " bytes", (Throwable) null);
      }
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      endOfInput = true;
      return false;
    }
    limit += read;
    return true;
  }

  private void field(int start, int end) {
    if (buffer[start] == ':') {
      return; // comment
    }
    int colon = start;
    while (colon < end && buffer[colon] != ':') {
      colon++;
    }
    int valueStart = colon < end ? colon + 1 : end;
    if (valueStart < end && buffer[valueStart] == ' ') {
      valueStart++;
    }
    if (Arrays.equals(buffer, start, colon, DATA, 0, DATA.length)) {
      appendData(valueStart, end);
    } else if (Arrays.equals(buffer, start, colon, EVENT, 0, EVENT.length)) {
      eventType = eventName(valueStart, end);
    }
  }

  private void appendData(int start, int end) {
    int length = end - start;
    if (!hasData) {
      dataInBuffer = true; // a line is at most MAX_LINE_BYTES long
      dataOffset = start;
      dataLength = length;
      hasData = true;
      return;
    }
    int needed = dataLength + 1 + length;
    if (needed > MAX_LINE_BYTES) {
      throw new StreamException("a stream event has more than " + MAX_LINE_BYTES + " bytes of data", (Throwable) null);
    }
    if (dataInBuffer) {
      copyData(needed);
    } else if (needed > data.length) {
      data = Arrays.copyOf(data, Math.max(needed, data.length * 2));
    }
    data[dataLength++] = '\n';
    System.arraycopy(buffer, start, data, dataLength, length);
    dataLength += length;
  }

  /** Copies the current event's data from the buffer to the front of {@link #data}, with room for {@code capacity}. */
  private void copyData(int capacity) {
    int needed = Math.max(capacity, dataLength);
    if (needed > data.length) {
      data = new byte[Math.max(needed, data.length * 2)];
    }
    System.arraycopy(buffer, dataOffset, data, 0, dataLength);
    dataOffset = 0;
    dataInBuffer = false;
  }

  private String eventName(int start, int end) {
    if (Arrays.equals(buffer, start, end, PING, 0, PING.length)) {
      return "ping";
    }
    if (Arrays.equals(buffer, start, end, ERROR, 0, ERROR.length)) {
      return "error";
    }
    return new String(buffer, start, end - start, StandardCharsets.UTF_8);
  }
}
