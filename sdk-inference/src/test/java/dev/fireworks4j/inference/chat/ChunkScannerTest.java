package dev.fireworks4j.inference.chat;

import static dev.fireworks4j.inference.chat.ReadOutcome.assertSame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.core.testing.Fuzz;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The byte-level scanner against databind, the reference: whatever it takes, it reads as databind does, and it
 * takes the chunks servers send for every token. The rest it leaves to {@link ChunkReader}, whose results
 * {@link ChunkReaderTest} holds to databind's. Replay a failure with the seed it names.
 */
class ChunkScannerTest {
  private static final ObjectReader DATABIND = Json.mapper().readerFor(ChatCompletionChunk.class);
  private static final String HEAD = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\","
      + "\"created\":1700000000,\"model\":\"accounts/acct/routers/r\",\"choices\":[{\"index\":0,\"delta\":";
  /** Bytes that end strings, start escapes, break UTF-8 or numbers, or are white space. */
  private static final byte[] ODD_BYTES = {
    0, 0x1f, 0x7f, (byte) 0x80, (byte) 0xbf, (byte) 0xc0, (byte) 0xc1, (byte) 0xc2, (byte) 0xdf, (byte) 0xe0,
    (byte) 0xed, (byte) 0xef, (byte) 0xf0, (byte) 0xf4, (byte) 0xf5, (byte) 0xf8, (byte) 0xff, '\\', '"', 'u', ' ',
    '\t', '\r', '\n', '0', '9', '-', '+', '.', 'e', ',', ':', '}', ']', '{', '[', 'n', 'l'};
  /** UTF-8 sequences on either side of each limit of well-formedness. */
  private static final String[] SEQUENCES = {
    "c2 80", "df bf", "c1 bf", "c0 80", "e0 a0 80", "e0 9f bf", "ed 9f bf", "ed a0 80", "ed bf bf", "ee 80 80",
    "ef bf bf", "f0 90 80 80", "f0 8f bf bf", "f4 8f bf bf", "f4 90 80 80", "f5 80 80 80", "f8 88 80 80 80",
    "fc 84 80 80 80 80", "80", "c2", "e2 82", "f0 9f 98", "c2 41", "e2 41 ac", "e2 82 41"};

  @Test
  void whatItTakesItReadsAsDatabindDoes() {
    Fuzz fuzz = new Fuzz("chunk scanner");
    ChunkJson json = new ChunkJson(fuzz, true);
    ChunkScanner scanner = scanner();
    ChunkReader reader = new ChunkReader(Json.mapper());
    int taken = 0;
    for (int run = 0; run < Fuzz.RUNS * 2; run++) {
      fuzz.startRun(run);
      byte[] bytes = json.chunk(6).getBytes(StandardCharsets.UTF_8);
      taken += check(fuzz, scanner, reader, bytes) ? 1 : 0;
    }
    assertThat(taken).as("chunks taken").isGreaterThan(Fuzz.RUNS / 10);
  }

  @Test
  void whatItTakesItReadsAsDatabindDoesAlsoAmongOddBytes() {
    Fuzz fuzz = new Fuzz("chunk scanner, odd bytes");
    ChunkScanner scanner = scanner();
    ChunkReader reader = new ChunkReader(Json.mapper());
    int taken = 0;
    for (int run = 0; run < Fuzz.RUNS * 2; run++) {
      fuzz.startRun(run);
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      for (int i = fuzz.nextInt(4); i >= 0; i--) {
        switch (fuzz.nextInt(4)) {
          case 0 -> text.writeBytes(hex(fuzz.pick(SEQUENCES)));
          case 1 -> text.write(ODD_BYTES[fuzz.nextInt(ODD_BYTES.length)]);
          case 2 -> text.writeBytes(fuzz.pick("\\u00e9", "\\ud83d\\ude00", "\\uDC00", "\\u12G4", "\\u12", "\\x", "\\/",
              "\\b\\f\\n\\r\\t", "\\\"", "\\\\", "\\").getBytes(StandardCharsets.US_ASCII));
          default -> text.writeBytes(fuzz.string(3).getBytes(StandardCharsets.UTF_8));
        }
      }
      byte[] bytes = (HEAD + "{\"content\":\"" + new String(text.toByteArray(), StandardCharsets.ISO_8859_1)
          + "\"},\"finish_reason\":null}]}").getBytes(StandardCharsets.ISO_8859_1);
      if (fuzz.nextInt(3) == 0) { // an odd byte anywhere
        bytes[fuzz.nextInt(bytes.length)] = ODD_BYTES[fuzz.nextInt(ODD_BYTES.length)];
      }
      taken += check(fuzz, scanner, reader, bytes) ? 1 : 0;
    }
    assertThat(taken).as("chunks taken").isGreaterThan(Fuzz.RUNS / 10);
  }

  @Test
  void takesTheChunksServersSendForEveryToken() {
    ChunkScanner scanner = scanner();
    List<String> chunks = List.of(
        HEAD + "{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}",
        HEAD + "{\"content\":\"tok1 \"},\"finish_reason\":null}]}",
        HEAD + "{\"role\":\"assistant\",\"content\":null},\"finish_reason\":null}],\"usage\":null}",
        HEAD + "{\"content\":\"Hello\"},\"finish_reason\":null,\"logprobs\":null}],\"usage\":null}",
        HEAD + "{\"reasoning_content\":\"Let me think\",\"tool_calls\":null},\"finish_reason\":null}]}",
        HEAD + "{},\"finish_reason\":\"stop\"}]}",
        HEAD + "{\"content\":\"line\\nnext \\\"quoted\\\" \\u00e9\\ud83d\\ude00 é€😀 ü\"},"
            + "\"finish_reason\":null}]}",
        "{\"id\": \"c\", \"object\": \"chat.completion.chunk\", \"created\": 0, \"model\": \"m\", \"choices\": "
            + "[ { \"index\": 1, \"delta\": { \"content\": \"x\" }, \"finish_reason\": null } ], \"usage\": null }\r\n",
        "{\"choices\":[{\"delta\":null},{\"index\":2,\"delta\":{\"role\":\"tool\"}}],\"model\":null}",
        "{\"choices\":[]}",
        "{\"id\":\"a\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"},\"index\":1,\"delta\":null}],"
            + "\"id\":\"b\"}",
        "{}");
    for (String chunk : chunks) {
      byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
      ChatCompletionChunk scanned = scanner.scan(bytes, 0, bytes.length);
      assertThat(scanned).as(chunk).isNotNull();
      assertSame(chunk, ReadOutcome.of(() -> DATABIND.readValue(bytes)), new ReadOutcome<>(scanned, null),
          ChunkReaderTest::describe);
    }
  }

  @Test
  void leavesEveryOtherShapeToTheReader() {
    ChunkScanner scanner = scanner();
    List<String> chunks = List.of(
        "{\"system_fingerprint\":\"x\"}",
        "{\"i\\u0064\":\"a\"}", "{\"created\":-1}", "{\"created\":-0}", "{\"created\":1.0}", "{\"created\":1e2}",
        "{\"created\":01}", "{\"created\":1234567890123456789}", "{\"created\":null}", "{\"created\":\"1\"}",
        "{\"choices\":[{\"index\":1234567890}]}", "{\"choices\":[{\"index\":null}]}", "{\"usage\":{}}",
        "{\"choices\":[{\"logprobs\":{}}]}", "{\"choices\":[{\"delta\":{\"tool_calls\":[]}}]}", "{\"choices\":[null]}",
        "{\"choices\":{}}", "{\"choices\":[{\"delta\":\"x\"}]}", "{\"choices\":[{},]}", "{\"id\":\"a\",}",
        "{\"id\":nul}", "{\"id\":nullx}", "{\"id\":true}", "{\"id\":\"a\"} x", "{\"id\":\"a\"}{}", "\ufeff{}", "{",
        "[]", "", " ", "{\"id\":\"a\tb\"}", "{\"id\":\"\\x\"}", "{\"id\":\"\\u00g0\"}", "{\"id\":\"\\u00e\"}",
        "{\"id\":\"a", "{\"id\" \"a\"}", "{\"id\":'a'}", "{id:\"a\"}");
    for (String chunk : chunks) {
      byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
      assertThat(scanner.scan(bytes, 0, bytes.length)).as(chunk).isNull();
    }
    for (String sequence : SEQUENCES) {
      byte[] bytes = (HEAD + "{\"content\":\"" + new String(hex(sequence), StandardCharsets.ISO_8859_1)
          + "\"}}]}").getBytes(StandardCharsets.ISO_8859_1);
      boolean wellFormed = new String(hex(sequence), StandardCharsets.UTF_8).indexOf('\ufffd') < 0;
      assertThat(scanner.scan(bytes, 0, bytes.length) != null).as(sequence).isEqualTo(wellFormed);
    }
  }

  @Test
  void parserSettingsStricterThanItsShapesTurnItOff() {
    byte[] bytes = (HEAD + "{\"content\":\"a longer text\"},\"index\":1}]}").getBytes(StandardCharsets.UTF_8);
    List<JsonFactory> strict = List.of(
        factory(StreamReadConstraints.builder().maxStringLength(8)),
        factory(StreamReadConstraints.builder().maxNestingDepth(3)),
        factory(StreamReadConstraints.builder().maxNumberLength(9)),
        factory(StreamReadConstraints.builder().maxNameLength(12)),
        factory(StreamReadConstraints.builder().maxTokenCount(1000)),
        JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    for (JsonFactory parsers : strict) {
      assertThat(new ChunkScanner(parsers).scan(bytes, 0, bytes.length)).isNull();
      ObjectMapper mapper = JsonMapper.builder(parsers).build();
      ChunkReader reader = new ChunkReader(mapper);
      assertSame(parsers.streamReadConstraints().toString(),
          ReadOutcome.of(() -> mapper.readValue(bytes, ChatCompletionChunk.class)),
          ReadOutcome.of(() -> reader.read(bytes, 0, bytes.length)), ChunkReaderTest::describe);
    }
    assertThat(new ChunkScanner(factory(StreamReadConstraints.builder().maxDocumentLength(100)))
        .scan(bytes, 0, bytes.length)).isNull();
    assertThat(new ChunkScanner(factory(StreamReadConstraints.builder())).scan(bytes, 0, bytes.length)).isNotNull();
  }

  @Test
  void keepsTheRepeatedIdModelAndObjectAsOneString() {
    ChunkScanner scanner = scanner();
    byte[] json = (HEAD + "{}}]}").getBytes(StandardCharsets.UTF_8);
    ChatCompletionChunk first = scanner.scan(json, 0, json.length);
    ChatCompletionChunk second = scanner.scan(json, 0, json.length);
    assertThat(second.id()).isSameAs(first.id());
    assertThat(second.object()).isSameAs(first.object());
    assertThat(second.model()).isSameAs(first.model());
  }

  /**
   * Scans {@code bytes} inside a larger buffer, as the SSE parser hands them over, and reads them with
   * {@code reader} too; checks both against databind. True when the scanner took them.
   */
  private static boolean check(Fuzz fuzz, ChunkScanner scanner, ChunkReader reader, byte[] bytes) {
    int offset = fuzz.nextInt(8);
    byte[] buffer = new byte[offset + bytes.length + fuzz.nextInt(8)];
    fuzz.random().nextBytes(buffer);
    System.arraycopy(bytes, 0, buffer, offset, bytes.length);
    String where = fuzz.where() + ": " + new String(bytes, StandardCharsets.ISO_8859_1);
    ReadOutcome<ChatCompletionChunk> databind = ReadOutcome.of(() -> DATABIND.readValue(bytes));
    assertSame(where, databind, ReadOutcome.of(() -> reader.read(buffer, offset, bytes.length)),
        ChunkReaderTest::describe);
    ChatCompletionChunk scanned = scanner.scan(buffer, offset, bytes.length);
    if (scanned == null) {
      return false;
    }
    assertSame(where, databind, new ReadOutcome<>(scanned, null), ChunkReaderTest::describe);
    return true;
  }

  private static ChunkScanner scanner() {
    return new ChunkScanner(Json.mapper().getFactory());
  }

  private static JsonFactory factory(StreamReadConstraints.Builder constraints) {
    return JsonFactory.builder().streamReadConstraints(constraints.build()).build();
  }

  private static byte[] hex(String bytes) {
    String[] parts = bytes.split(" ");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return out;
  }
}
