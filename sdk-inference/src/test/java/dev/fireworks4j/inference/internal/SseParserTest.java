package dev.fireworks4j.inference.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.core.error.StreamException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SseParserTest {
  /** Every event as "type|data" (type "-" when absent). */
  private static List<String> events(InputStream in) throws IOException {
    SseParser parser = new SseParser(in);
    List<String> events = new ArrayList<>();
    while (parser.next()) {
      events.add((parser.eventType() == null ? "-" : parser.eventType()) + "|" + parser.dataText());
    }
    return events;
  }

  private static List<String> events(String text) throws IOException {
    return events(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsDataEventsAndDone() throws IOException {
    assertThat(events("data: {\"a\":1}\n\ndata: {\"a\":2}\n\ndata: [DONE]\n\n"))
        .containsExactly("-|{\"a\":1}", "-|{\"a\":2}", "-|[DONE]");
  }

  @Test
  void skipsCommentsAndKeepsEventTypes() throws IOException {
    assertThat(events(": keep-alive\n\nevent: ping\ndata: {}\n\n:comment\ndata: x\n\n"))
        .containsExactly("ping|{}", "-|x");
  }

  @Test
  void joinsMultiLineDataWithLineFeeds() throws IOException {
    assertThat(events("data: {\"a\":\ndata:  1}\n\n")).containsExactly("-|{\"a\":\n 1}");
  }

  @Test
  void acceptsCrLfAndLoneCrLineEnds() throws IOException {
    assertThat(events("data: a\r\n\r\ndata: b\r\rdata: c\n\n")).containsExactly("-|a", "-|b", "-|c");
  }

  @Test
  void dataWithoutSpaceAfterColonAndFieldsWithoutValue() throws IOException {
    assertThat(events("data:x\nid: 7\nretry: 10\nunknown\n\ndata\n\n")).containsExactly("-|x", "-|");
  }

  @Test
  void eventsWithoutDataAreNotDispatchedAndResetTheType() throws IOException {
    assertThat(events("event: ping\n\ndata: x\n\n")).containsExactly("-|x");
  }

  @Test
  void aLastEventCutOffByTheEndOfInputIsStillDelivered() throws IOException {
    assertThat(events("data: a\n\ndata: [DONE]")).containsExactly("-|a", "-|[DONE]");
    assertThat(events("data: a\n")).containsExactly("-|a");
  }

  @Test
  void sameEventsWhateverTheReadBoundaries() throws IOException {
    String text = "data: {\"id\":\"x\",\"choices\":[]}\r\n\r\n: c\r\nevent: ping\r\ndata: {}\r\n\r\n"
        + "data: {\"a\":\r\ndata: \"é€😀\"}\r\n\r\ndata: [DONE]\r\n\r\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<String> expected = events(text);
    assertThat(expected).hasSize(4);
    for (int split = 1; split <= bytes.length; split++) {
      assertThat(events(new ChoppedInputStream(bytes, split, null))).as("reads of %d bytes", split)
          .isEqualTo(expected);
    }
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      assertThat(events(new ChoppedInputStream(bytes, 0, random))).isEqualTo(expected);
    }
  }

  @Test
  void findsTheFirstLineEndEightBytesAtATimeAsOneAtATimeWould() {
    Random random = new Random(20_261_122L);
    // bytes a bit or a borrow away from CR and LF, which a word-at-a-time search could confuse with them
    byte[] alphabet = {'\n', '\r', 0x0b, 0x0c, 0x09, 0x0e, 0x00, (byte) 0x8a, (byte) 0x8d, 0x1a, 0x2d, (byte) 0xff};
    for (int run = 0; run < 20_000; run++) {
      byte[] bytes = new byte[random.nextInt(40)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
      int to = from + random.nextInt(bytes.length - from + 1);
      int expected = -1;
      for (int i = from; i < to && expected < 0; i++) {
        if (bytes[i] == '\n' || bytes[i] == '\r') {
          expected = i;
        }
      }
      assertThat(SseParser.lineEnd(bytes, from, to)).as("run %d", run).isEqualTo(expected);
    }
  }

  @Test
  void handsOverTheDataInPlaceOrCopiedTheSameWhateverTheReadBoundaries() throws IOException {
    byte[] bytes = "data: one\n\nid: 1\ndata: two\n: c\n\ndata: th\ndata: ree\n\ndata: [DONE]\n\n"
        .getBytes(StandardCharsets.UTF_8);
    for (int split = 1; split <= bytes.length; split++) {
      SseParser parser = new SseParser(new ChoppedInputStream(bytes, split, null));
      List<String> events = new ArrayList<>();
      while (parser.next()) {
        events.add(new String(parser.data(), parser.dataOffset(), parser.dataLength(), StandardCharsets.UTF_8)
            + (parser.dataEquals("[DONE]".getBytes(StandardCharsets.US_ASCII)) ? "!" : ""));
      }
      assertThat(events).as("reads of %d bytes", split).containsExactly("one", "two", "th\nree", "[DONE]!");
    }
  }

  @Test
  void linesLongerThanTheBufferGrowIt() throws IOException {
    String big = "x".repeat(100_000);
    assertThat(events("data: " + big + "\n\n")).containsExactly("-|" + big);
  }

  @Test
  void rejectsAbsurdlyLongLines() {
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 'x';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        java.util.Arrays.fill(b, off, off + len, (byte) 'x');
        return len;
      }
    };
    assertThatThrownBy(() -> events(endless)).isInstanceOf(StreamException.class).hasMessageContaining("longer than");
  }

  /** Returns at most {@code size} bytes per read, or a random 1..16 when {@code random} is set. */
  static final class ChoppedInputStream extends InputStream {
    private final byte[] bytes;
    private final int size;
    private final Random random;
    private int position;

    ChoppedInputStream(byte[] bytes, int size, Random random) {
      this.bytes = bytes;
      this.size = size;
      this.random = random;
    }

    @Override
    public int read() {
      return position < bytes.length ? bytes[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, random != null ? 1 + random.nextInt(16) : size), bytes.length - position);
      System.arraycopy(bytes, position, b, off, n);
      position += n;
      return n;
    }
  }

  @Test
  void anEventThatNeverEndsIsRefusedInsteadOfFillingTheHeap() {
    InputStream endless = new InputStream() {
      private final byte[] line = ("data: " + "x".repeat(1017) + "\n").getBytes(StandardCharsets.US_ASCII);
      private long position;

      @Override
      public int read() {
        return line[(int) (position++ % line.length)];
      }
    };

    assertThatThrownBy(() -> new SseParser(endless).next()).isInstanceOf(StreamException.class)
        .hasMessageContaining("more than " + SseParser.MAX_LINE_BYTES + " bytes of data");
  }
}
