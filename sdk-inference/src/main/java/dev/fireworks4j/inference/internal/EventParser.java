package dev.fireworks4j.inference.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One Jackson parser for all the events of a stream, as creating a parser costs more than reading a chunk.
 * Each event is the parser's whole input in turn, then the end of input, so that a truncated event fails
 * as it would alone. The parser comes from the mapper's factory, under its read constraints, and is always
 * the UTF-8 one: its first input is a constant empty object, whatever the first event holds (an event in
 * another encoding fails to parse). Not thread-safe: the reader of the stream alone uses it.
 */
public final class EventParser {
  private static final byte[] PRIMER = {'{', '}', ' ', ' '};
  private static final OutputStream DISCARD = OutputStream.nullOutputStream();

  private final ObjectMapper mapper;
  private final EventInput input = new EventInput();
  /** Open from the first event until {@link #close()}. */
  private JsonParser parser;

  /** A parser on {@code mapper}'s factory, opened at the first event. */
  public EventParser(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The parser, just before the event in {@code data[offset, offset + length)}. */
  public JsonParser start(byte[] data, int offset, int length) throws IOException {
    if (parser == null) {
      parser = open();
    }
    input.set(data, offset, length);
    return parser;
  }

  /** Ends the event once its root value is read: what follows that value is dropped, as databind ignores it. */
  public void finish() throws IOException {
    parser.releaseBuffered(DISCARD);
  }

  /**
   * Closes the parser, which returns its buffers to Jackson's pool; call it after an event that failed, in
   * whatever state that left the parser, and at the end of the stream. A later event opens a new parser.
   */
  public void close() {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException e) {
        // it had nothing to close but buffers
      }
      parser = null;
    }
  }

  private JsonParser open() throws IOException {
    input.set(PRIMER, 0, PRIMER.length);
    JsonParser primed = mapper.createParser(input);
    primed.nextToken();
    primed.nextToken();
    primed.releaseBuffered(DISCARD);
    return primed;
  }

  /** The bytes of one event at a time, then the end of input. */
  private static final class EventInput extends InputStream {
    private byte[] bytes;
    private int position;
    private int limit;

    void set(byte[] data, int offset, int length) {
      bytes = data;
      position = offset;
      limit = offset + length;
    }

    @Override
    public int read() {
      return position < limit ? bytes[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= limit) {
        return -1;
      }
      int count = Math.min(length, limit - position);
      System.arraycopy(bytes, position, buffer, offset, count);
      position += count;
      return count;
    }
  }
}
