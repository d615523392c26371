package dev.fireworks4j.inference.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.fireworks4j.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventParserTest {
  private final EventParser events = new EventParser(Json.mapper());

  @Test
  void readsEachEventAloneAndDropsWhatFollowsItsValue() throws IOException {
    assertThat(read("{\"a\":1} trailing {\"x\":")).isEqualTo("{\"a\":1}");
    assertThat(read(" {\"b\":[2]}\n")).isEqualTo("{\"b\":[2]}");
  }

  @Test
  void aTruncatedEventEndsAtItsOwnEndAndTheNextEventOpensANewParser() throws IOException {
    assertThatThrownBy(() -> read("{\"a\":")).isInstanceOf(IOException.class).hasMessageContaining("end-of-input");
    events.close();
    assertThat(read("2")).isEqualTo("2"); // a fresh parser: not the rest of the cut object
  }

  @Test
  void keepsTheMappersReadConstraints() {
    String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 1);
    assertThatThrownBy(() -> read(deep)).isInstanceOf(StreamConstraintsException.class);
  }

  @Test
  void staysOnUtf8WhateverTheFirstEventLooksLike() {
    byte[] utf16 = "{}".getBytes(StandardCharsets.UTF_16BE);
    assertThatThrownBy(() -> readTree(utf16)).isInstanceOf(IOException.class);
  }

  private String read(String event) throws IOException {
    return readTree(event.getBytes(StandardCharsets.UTF_8));
  }

  private String readTree(byte[] event) throws IOException {
    JsonParser parser = events.start(event, 0, event.length);
    parser.nextToken();
    String tree = Json.mapper().readTree(parser).toString();
    events.finish();
    return tree;
  }
}
