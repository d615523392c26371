package dev.fireworks4j.testkit.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.testkit.internal.json.JsonSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes server-sent events: data-only JSON events, named events, and the {@code data: [DONE]} terminator. */
final class SseWriter {
  private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

  private final OutputStream out;

  SseWriter(OutputStream out) {
    this.out = out;
  }

  /** {@code data: <json>} and a blank line, flushed. */
  void data(JsonNode json) throws IOException {
    out.write(("data: " + JsonSupport.write(json) + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** {@code event: <name>}, {@code data: <json>} and a blank line, flushed. */
  void event(String name, JsonNode json) throws IOException {
    out.write(("event: " + name + "\ndata: " + JsonSupport.write(json) + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** {@code data: [DONE]}, flushed. */
  void done() throws IOException {
    out.write(DONE);
    out.flush();
  }
}
