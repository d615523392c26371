package dev.fireworks4j.inference.chat;

import static dev.fireworks4j.inference.chat.Tokens.databind;
import static dev.fireworks4j.inference.chat.Tokens.expect;
import static dev.fireworks4j.inference.chat.Tokens.integers;
import static dev.fireworks4j.inference.chat.Tokens.longValue;
import static dev.fireworks4j.inference.chat.Tokens.objects;
import static dev.fireworks4j.inference.chat.Tokens.unknown;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fireworks4j.inference.PerfMetrics;
import dev.fireworks4j.inference.Usage;
import dev.fireworks4j.inference.chat.Tokens.Reader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The top-level fields that a chat completion and a stream chunk share, as the hand-written readers take them;
 * each reader reads its own choice type {@code C} and copies the fields into its value.
 */
final class Envelope<C> {
  String id;
  String object;
  long created;
  String model;
  List<C> choices;
  Usage usage;
  PerfMetrics perfMetrics;
  List<Integer> promptTokenIds;
  Map<String, JsonNode> unknown;

  /** An envelope to fill with {@link #read}; a stream's reader keeps one for all its chunks. */
  Envelope() {}

  /**
   * Replaces the fields with those of the object whose start the parser is at, read up to its end: each choice
   * with {@code choice}, the performance metrics with {@code mapper}, which is asked for only when present.
   */
  void read(JsonParser parser, Reader<String> id, Reader<String> object, Reader<String> model, Reader<C> choice,
      Supplier<ObjectMapper> mapper) throws IOException {
    this.id = null;
    this.object = null;
    this.created = 0;
    this.model = null;
    this.choices = null;
    this.usage = null;
    this.perfMetrics = null;
    this.promptTokenIds = null;
    this.unknown = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      switch (name) {
        case "id":
          this.id = id.read(parser);
          break;
        case "object":
          this.object = object.read(parser);
          break;
        case "created":
          this.created = token == JsonToken.VALUE_NULL ? 0 : longValue(parser);
          break;
        case "model":
          this.model = model.read(parser);
          break;
        case "choices":
          this.choices = objects(parser, choice);
          break;
        case "usage":
          this.usage = usage(parser);
          break;
        case "perf_metrics":
          this.perfMetrics = databind(mapper, parser, PerfMetrics.class);
          break;
        case "prompt_token_ids":
          this.promptTokenIds = integers(parser);
          break;
        default:
          this.unknown = unknown(parser, this.unknown, name);
      }
    }
  }

  /** The usage, read without a mapper in the shape servers send; null for null. */
  private static Usage usage(JsonParser parser) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(parser.currentToken() == JsonToken.START_OBJECT);
    Usage usage = ChatCompletion.usageAt(parser);
    expect(usage != null);
    return usage;
  }
}
