package dev.fireworks4j.inference.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.fireworks4j.core.error.ConnectionException;
import dev.fireworks4j.core.error.StreamException;
import dev.fireworks4j.core.http.Headers;
import dev.fireworks4j.core.http.StreamingHttpResponse;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.core.testing.Fuzz;
import dev.fireworks4j.inference.chat.ChatCompletionChunk;
import dev.fireworks4j.inference.internal.EventReader;
import dev.fireworks4j.inference.internal.SseParser;
import dev.fireworks4j.inference.internal.SseStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SSE parser and the stream over it, fed arbitrary bytes in arbitrary splits (seeded, see {@link Fuzz}):
 * only the SDK's typed stream errors, never another exception, and the same events whatever the splits.
 */
class SseFuzzTest {
  private static final EventReader<ChatCompletionChunk> CHUNKS =
      EventReader.databind(Json.mapper(), ChatCompletionChunk.class);
  private static final String[] LINE_ENDS = {"\n", "\r", "\r\n"};

  @Test
  void arbitraryBytesInArbitrarySplitsEndOrFailTyped() {
    Fuzz fuzz = new Fuzz("sse bytes");
    for (int run = 0; run < Fuzz.RUNS; run++) {
      fuzz.startRun(run);
      byte[] bytes = fuzz.nextInt(2) == 0 ? fuzz.bytes(600) : fuzz.mutate(validStream(fuzz)).getBytes(StandardCharsets.UTF_8);
      try {
        events(new SplitInputStream(bytes, fuzz.random()));
      } catch (RuntimeException | IOException e) {
        fail(fuzz.where() + " threw " + e, e);
      }
      try (SseStream<ChatCompletionChunk> stream = new SseStream<>(new StreamingHttpResponse(200, Headers.empty(),
          new SplitInputStream(bytes, fuzz.random())), CHUNKS, Duration.ofSeconds(30))) {
        stream.forEach(chunk -> assertThat(chunk).isNotNull());
      } catch (StreamException | ConnectionException e) {
        assertThat(e.getMessage()).as(fuzz.where()).isNotBlank();
      } catch (RuntimeException e) {
        fail(fuzz.where() + " threw " + e, e);
      }
    }
  }

  @Test
  void theEventsDoNotDependOnHowTheBytesAreSplit() throws IOException {
    Fuzz fuzz = new Fuzz("sse splits");
    for (int run = 0; run < Fuzz.RUNS; run++) {
      fuzz.startRun(run);
      byte[] bytes = validStream(fuzz).getBytes(StandardCharsets.UTF_8);
      List<String> whole = events(new ByteArrayInputStream(bytes));
      assertThat(events(new SplitInputStream(bytes, fuzz.random()))).as(fuzz.where()).isEqualTo(whole);
    }
  }

  @Test
  void validChunkStreamsReadInFullWhateverTheSplits() {
    Fuzz fuzz = new Fuzz("sse chunks");
    for (int run = 0; run < Fuzz.RUNS / 10; run++) {
      fuzz.startRun(run);
      StringBuilder text = new StringBuilder();
      StringBuilder body = new StringBuilder();
      int chunks = fuzz.nextInt(20);
      for (int i = 0; i < chunks; i++) {
        String piece = fuzz.string(3).replaceAll("[\\x00-\\x1f\"\\\\\\ud800-\\udfff]", "");
        text.append(piece);
        String end = fuzz.pick(LINE_ENDS); // the same twice: a CR then an LF would be one line end
        body.append(fuzz.nextInt(5) == 0 ? ": keep-alive\n\n" : "").append("data: {\"id\":\"c\",\"choices\":[{\"index\":0,")
            .append("\"delta\":{\"content\":\"").append(piece).append("\"}}]}").append(end).append(end);
      }
      body.append("data: [DONE]\n\n");
      StringBuilder read = new StringBuilder();
      try (SseStream<ChatCompletionChunk> stream = new SseStream<>(new StreamingHttpResponse(200, Headers.empty(),
          new SplitInputStream(body.toString().getBytes(StandardCharsets.UTF_8), fuzz.random())), CHUNKS,
          Duration.ofSeconds(30))) {
        stream.forEach(chunk -> chunk.choices().forEach(c -> c.delta().content().ifPresent(read::append)));
      }
      assertThat(read.toString()).as(fuzz.where()).isEqualTo(text.toString());
    }
  }

  /** Events as {@code type|data}, with the data of each. */
  private static List<String> events(InputStream in) throws IOException {
    SseParser parser = new SseParser(in);
    List<String> events = new ArrayList<>();
    while (parser.next()) {
      events.add(parser.eventType() + "|" + parser.dataText());
    }
    return events;
  }

  /** A well-formed stream: comments, pings, named events, multi-line data, every line end. */
  private static String validStream(Fuzz fuzz) {
    Random random = fuzz.random();
    StringBuilder out = new StringBuilder();
    int events = random.nextInt(8);
    for (int i = 0; i < events; i++) {
      String end = fuzz.pick(LINE_ENDS);
      if (random.nextInt(4) == 0) {
        out.append(": comment").append(end);
      }
      if (random.nextInt(4) == 0) {
        out.append("event: ").append(fuzz.pick("ping", "error", "message")).append(end);
      }
      int lines = 1 + random.nextInt(3);
      for (int l = 0; l < lines; l++) {
        out.append(fuzz.pick("data: ", "data:")).append(fuzz.string(4).replaceAll("[\r\n]", "")).append(end);
      }
      out.append(end);
    }
    return out.toString();
  }
}
