package dev.fireworks4j.inference.chat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the chunks that servers send for every token straight from the event's bytes, with no parser in
 * between. It takes: at the top the id, object, created, model and choices, and {@code "usage": null}; in a
 * choice the index, delta and finish reason, and {@code "logprobs": null}; in a delta the role, content and
 * reasoning content, and {@code "tool_calls": null}; strings with escapes and any well-formed UTF-8; of a
 * field sent twice, the last, as databind. For anything else it returns null and {@link ChunkReader} reads the
 * chunk as it would without it: another field, a value of another type (also null for a number), a number with
 * a sign, fraction or exponent or with more digits than surely fit, malformed or unusual JSON, bytes after the
 * chunk. What it takes is thus strict JSON of the plainest shape, which Jackson reads alike under any
 * configuration, so that values and errors stay exactly databind's; only read constraints tighter than these
 * shapes, or strict duplicate detection, turn it off.
 *
 * <p>The id, object and model, which repeat on every chunk, are kept as one string each, and compared with the
 * previous chunk's bytes rather than read again. An instance reads one stream; it is not thread-safe.
 */
final class ChunkScanner {
  /** The fields taken at each level, in the order servers send them. */
  private static final Name[] CHUNK_FIELDS = names("id", "object", "created", "model", "choices", "usage");
  private static final Name[] CHOICE_FIELDS = names("index", "delta", "finish_reason", "logprobs");
  private static final Name[] DELTA_FIELDS = names("role", "content", "reasoning_content", "tool_calls");
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** The most digits read for an int and a long: enough for a count and a time, never enough to overflow. */
  private static final int INT_DIGITS = 9;
  private static final int LONG_DIGITS = 18;
  /** The deepest nesting it reads: chunk, choices, choice, delta. */
  private static final int DEPTH = 4;
  private static final NotCommon NOT_COMMON = new NotCommon();
  private static final char[] NO_CHARS = {};

  /** The longest event it reads; -1 when the parsers' constraints or features forbid what it would take. */
  private final long maxLength;
  private final Repeated id = new Repeated();
  private final Repeated object = new Repeated();
  private final Repeated model = new Repeated();
  /** The characters of a string with escapes or non-ASCII text; allocated at the first such string. */
  private char[] chars = NO_CHARS;
  private byte[] in;
  private int pos;
  private int end;

  /** A scanner for a stream whose events Jackson reads with parsers from {@code parsers}. */
  ChunkScanner(JsonFactory parsers) {
    StreamReadConstraints constraints = parsers.streamReadConstraints();
    boolean fits = constraints.getMaxNestingDepth() >= DEPTH && constraints.getMaxNumberLength() >= LONG_DIGITS
        && constraints.getMaxNameLength() >= longest() && constraints.getMaxTokenCount() <= 0
        && !parsers.isEnabled(StreamReadFeature.STRICT_DUPLICATE_DETECTION); // it reads the last of duplicates
    long documents = constraints.getMaxDocumentLength() > 0 ? constraints.getMaxDocumentLength() : Long.MAX_VALUE;
    // no string of an event is longer than the event
    this.maxLength = fits ? Math.min(constraints.getMaxStringLength(), documents) : -1;
  }

  /** The chunk in {@code data[offset, offset + length)}, or null when it is not of the shape this scanner takes. */
  ChatCompletionChunk scan(byte[] data, int offset, int length) {
    if (length > maxLength) {
      return null;
    }
    in = data;
    pos = offset;
    end = offset + length;
    try {
      ChatCompletionChunk chunk = chunk();
      if (skipSpace() < end) {
        return null;
      }
      return chunk;
    } catch (NotCommon e) {
      return null;
    } finally {
      in = null;
    }
  }

  private ChatCompletionChunk chunk() throws NotCommon {
    expectStart('{');
    String id = null;
    String object = null;
    long created = 0;
    String model = null;
    List<ChatCompletionChunk.Choice> choices = null;
    if (!isEnd('}')) {
      int field = -1;
      do {
        field = field(CHUNK_FIELDS, field);
        switch (field) {
          case 0:
            id = repeated(this.id);
            break;
          case 1:
            object = repeated(this.object);
            break;
          case 2:
            created = digits(LONG_DIGITS);
            break;
          case 3:
            model = repeated(this.model);
            break;
          case 4:
            choices = choices();
            break;
          default:
            literalNull(); // the usage
        }
      } while (hasNext('}'));
    }
    ChatCompletionChunk chunk = new ChatCompletionChunk(null);
    chunk.id = id;
    chunk.object = object;
    chunk.created = created;
    chunk.model = model;
    chunk.choices = choices;
    return chunk;
  }

  private List<ChatCompletionChunk.Choice> choices() throws NotCommon {
    if (valueStart() == 'n') {
      literalNull();
      return null;
    }
    expectStart('[');
    List<ChatCompletionChunk.Choice> choices = new ArrayList<>(1);
    if (!isEnd(']')) {
      do {
        choices.add(choice());
      } while (hasNext(']'));
    }
    return choices;
  }

  private ChatCompletionChunk.Choice choice() throws NotCommon {
    expectStart('{');
    int index = 0;
    ChatCompletionChunk.Delta delta = null;
    String finishReason = null;
    if (!isEnd('}')) {
      int field = -1;
      do {
        field = field(CHOICE_FIELDS, field);
        switch (field) {
          case 0:
            index = (int) digits(INT_DIGITS);
            break;
          case 1:
            delta = delta();
            break;
          case 2:
            finishReason = text();
            break;
          default:
            literalNull(); // the log probabilities
        }
      } while (hasNext('}'));
    }
    ChatCompletionChunk.Choice choice = new ChatCompletionChunk.Choice(null);
    choice.index = index;
    choice.delta = delta;
    choice.finishReason = finishReason;
    return choice;
  }

  private ChatCompletionChunk.Delta delta() throws NotCommon {
    if (valueStart() == 'n') {
      literalNull();
      return null;
    }
    expectStart('{');
    ChatRole role = null;
    String content = null;
    String reasoningContent = null;
    if (!isEnd('}')) {
      int field = -1;
      do {
        field = field(DELTA_FIELDS, field);
        switch (field) {
          case 0:
            String text = text();
            role = text == null ? null : ChatRole.of(text);
            break;
          case 1:
            content = text();
            break;
          case 2:
            reasoningContent = text();
            break;
          default:
            literalNull(); // the tool calls
        }
      } while (hasNext('}'));
    }
    ChatCompletionChunk.Delta delta = new ChatCompletionChunk.Delta(null);
    delta.role = role;
    delta.content = content;
    delta.reasoningContent = reasoningContent;
    return delta;
  }

  /**
   * Reads a field's name and colon; the name's index in {@code names}, tried from the one after
   * {@code previous}, the previous field's. A name with an escape matches none of them, whatever it reads as.
   */
  private int field(Name[] names, int previous) throws NotCommon {
    int start = skipSpace();
    int i = previous;
    for (int tried = 0; tried < names.length; tried++) {
      i = i + 1 < names.length ? i + 1 : 0;
      Name name = names[i];
      if (name.isAt(in, start, end)) {
        pos = start + name.length;
        expectStart(':');
        return i;
      }
    }
    throw NOT_COMMON;
  }

  /** A string or null. */
  private String text() throws NotCommon {
    if (valueStart() != '"') {
      literalNull();
      return null;
    }
    int start = pos + 1;
    int close = plainEnd(start);
    if (close < 0) {
      return decode(start);
    }
    pos = close + 1;
    return new String(in, start, close - start, StandardCharsets.ISO_8859_1);
  }

  /** A string or null, as the same string as {@code last} when it has the same bytes. */
  private String repeated(Repeated last) throws NotCommon {
    if (valueStart() != '"') {
      literalNull();
      return null;
    }
    int start = pos + 1;
    int close = last.end(in, start, end);
    if (close >= 0) {
      pos = close + 1;
      return last.text;
    }
    close = plainEnd(start);
    if (close < 0) {
      return decode(start);
    }
    pos = close + 1;
    return last.remember(in, start, close);
  }

  /** The index of the quote that ends the string from {@code start}; -1 at an escape or a byte not printable ASCII. */
  private int plainEnd(int start) throws NotCommon {
    for (int i = start; i < end; i++) {
      byte b = in[i];
      if (b == '"') {
        return i;
      }
      if (b < 0x20 || b == '\\') { // control characters and (as signed bytes) all of non-ASCII
        return -1;
      }
    }
    throw NOT_COMMON;
  }

  /**
   * The string starting at {@code start}, which has escapes or non-ASCII text: the escapes JSON defines, and
   * UTF-8 that is well-formed (no overlong forms, no surrogates, nothing above U+10FFFF).
   */
  private String decode(int start) throws NotCommon {
    if (chars.length < end - start) { // no string has more characters than bytes
      chars = new char[Math.max(end - start, chars.length * 2)];
    }
    char[] out = chars;
    int length = 0;
    int i = start;
    while (true) {
      if (i >= end) {
        throw NOT_COMMON;
      }
      int b = in[i++];
      if (b == '"') {
        break;
      }
      if (b == '\\') {
        if (i >= end) {
          throw NOT_COMMON;
        }
        switch (in[i++]) {
          case '"':
            out[length++] = '"';
            break;
          case '\\':
            out[length++] = '\\';
            break;
          case '/':
            out[length++] = '/';
            break;
          case 'b':
            out[length++] = '\b';
            break;
          case 'f':
            out[length++] = '\f';
            break;
          case 'n':
            out[length++] = '\n';
            break;
          case 'r':
            out[length++] = '\r';
            break;
          case 't':
            out[length++] = '\t';
            break;
          case 'u':
            if (end - i < 4) {
              throw NOT_COMMON;
            }
            out[length++] = (char) (hex(in[i]) << 12 | hex(in[i + 1]) << 8 | hex(in[i + 2]) << 4 | hex(in[i + 3]));
            i += 4;
            break;
          default:
            throw NOT_COMMON;
        }
      } else if (b >= 0x20) {
        out[length++] = (char) b;
      } else if (b >= 0) {
        throw NOT_COMMON; // an unescaped control character
      } else {
        int lead = b & 0xff;
        int extra = lead >= 0xf8 ? 0 : lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
        if (extra == 0 || end - i < extra) {
          throw NOT_COMMON;
        }
        int code = lead & (0x3f >> extra);
        for (int k = 0; k < extra; k++) {
          int next = in[i++];
          if ((next & 0xc0) != 0x80) {
            throw NOT_COMMON;
          }
          code = code << 6 | next & 0x3f;
        }
        if (extra == 1 ? code < 0x80 : extra == 2 ? code < 0x800 || code >= 0xd800 && code <= 0xdfff
            : code < 0x10000 || code > 0x10ffff) {
          throw NOT_COMMON;
        }
        if (code >= 0x10000) {
          out[length++] = Character.highSurrogate(code);
          out[length++] = Character.lowSurrogate(code);
        } else {
          out[length++] = (char) code;
        }
      }
    }
    pos = i;
    return new String(out, 0, length);
  }

  private static int hex(byte b) throws NotCommon {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    throw NOT_COMMON;
  }

  /** A number of at most {@code maxDigits} digits, without sign, fraction or exponent. */
  private long digits(int maxDigits) throws NotCommon {
    byte first = valueStart();
    if (first == '0') {
      pos++; // a digit after a leading zero is not JSON: the caller, expecting a separator, fails on it
      return 0;
    }
    if (first < '1' || first > '9') {
      throw NOT_COMMON;
    }
    int start = pos;
    long value = 0;
    while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
      value = value * 10 + (in[pos++] - '0');
    }
    if (pos - start > maxDigits) {
      throw NOT_COMMON;
    }
    return value;
  }

  /** Skips white space to the literal {@code null}, and past it; the caller checks that a separator follows. */
  private void literalNull() throws NotCommon {
    skipSpace();
    if (end - pos < 4 || in[pos] != 'n' || in[pos + 1] != 'u' || in[pos + 2] != 'l' || in[pos + 3] != 'l') {
      throw NOT_COMMON;
    }
    pos += 4;
  }

  /** Skips white space to the start of a value, and returns its first byte. */
  private byte valueStart() throws NotCommon {
    if (skipSpace() >= end) {
      throw NOT_COMMON;
    }
    return in[pos];
  }

  /** Skips white space to {@code token}, and past it. */
  private void expectStart(char token) throws NotCommon {
    if (valueStart() != token) {
      throw NOT_COMMON;
    }
    pos++;
  }

  /** Just after an object's or array's start: whether it ends at once (then skipped). */
  private boolean isEnd(char close) {
    if (skipSpace() < end && in[pos] == close) {
      pos++;
      return true;
    }
    return false;
  }

  /** After a member or element: true at a comma, false at {@code close}, each skipped. */
  private boolean hasNext(char close) throws NotCommon {
    if (skipSpace() < end) {
      byte b = in[pos++];
      if (b == ',') {
        return true;
      }
      if (b == close) {
        return false;
      }
    }
    throw NOT_COMMON;
  }

  /** Skips JSON white space; the position after it. */
  private int skipSpace() {
    if (pos < end && in[pos] > ' ') {
      return pos; // the usual case, as most JSON has no white space
    }
    while (pos < end) {
      byte b = in[pos];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        break;
      }
      pos++;
    }
    return pos;
  }

  private static Name[] names(String... names) {
    Name[] quoted = new Name[names.length];
    for (int i = 0; i < names.length; i++) {
      quoted[i] = new Name(names[i]);
    }
    return quoted;
  }

  /** The length of the longest field name taken. */
  private static int longest() {
    int longest = 0;
    for (Name[] names : List.of(CHUNK_FIELDS, CHOICE_FIELDS, DELTA_FIELDS)) {
      for (Name name : names) {
        longest = Math.max(longest, name.length - 2);
      }
    }
    return longest;
  }

  /** A field name with its quotes, as the little-endian words it makes, compared eight bytes at a time. */
  private static final class Name {
    final int length;
    private final long[] words;
    /** The bytes of each word that belong to the name (all but in the last word). */
    private final long[] masks;

    Name(String name) {
      byte[] bytes = ('"' + name + '"').getBytes(StandardCharsets.US_ASCII);
      length = bytes.length;
      words = new long[(length + Long.BYTES - 1) / Long.BYTES];
      masks = new long[words.length];
      for (int i = 0; i < length; i++) {
        int shift = i % Long.BYTES * Byte.SIZE;
        words[i / Long.BYTES] |= (bytes[i] & 0xffL) << shift;
        masks[i / Long.BYTES] |= 0xffL << shift;
      }
    }

    /** Whether {@code data[start, end)} starts with this name. */
    boolean isAt(byte[] data, int start, int end) {
      if (end - start < length) {
        return false;
      }
      if (data.length - start < words.length * Long.BYTES) { // too near the array's end to read whole words
        for (int i = 0; i < length; i++) {
          if (data[start + i] != (byte) (words[i / Long.BYTES] >>> i % Long.BYTES * Byte.SIZE)) {
            return false;
          }
        }
        return true;
      }
      for (int w = 0; w < words.length; w++) {
        if (((long) LONGS.get(data, start + w * Long.BYTES) & masks[w]) != words[w]) {
          return false;
        }
      }
      return true;
    }
  }

  /** A string field that usually repeats the previous chunk's; kept with its bytes, which are printable ASCII. */
  private static final class Repeated {
    private byte[] bytes = new byte[0];
    private String text = "";

    /** The index of the quote after the same bytes as the last string's at {@code start}, or -1. */
    int end(byte[] data, int start, int end) {
      int close = start + bytes.length;
      boolean same = close < end && data[close] == '"' && Arrays.equals(data, start, close, bytes, 0, bytes.length);
      return same ? close : -1;
    }

    /** Keeps {@code data[start, end)}, which {@link #end} found to differ from the last string, as the new one. */
    String remember(byte[] data, int start, int end) {
      bytes = Arrays.copyOfRange(data, start, end);
      text = new String(bytes, StandardCharsets.ISO_8859_1);
      return text;
    }
  }

  /** The chunk is not of the shape the scanner takes; thrown as one shared instance, without a stack trace. */
  private static final class NotCommon extends Exception {
    private static final long serialVersionUID = 1L;

    NotCommon() {
      super("not a common chunk", null, false, false);
    }
  }
}
