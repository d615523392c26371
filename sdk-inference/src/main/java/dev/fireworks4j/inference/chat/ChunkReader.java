package dev.fireworks4j.inference.chat;

import static dev.fireworks4j.inference.chat.Tokens.arguments;
import static dev.fireworks4j.inference.chat.Tokens.databind;
import static dev.fireworks4j.inference.chat.Tokens.expect;
import static dev.fireworks4j.inference.chat.Tokens.intValue;
import static dev.fireworks4j.inference.chat.Tokens.integers;
import static dev.fireworks4j.inference.chat.Tokens.nullOrObject;
import static dev.fireworks4j.inference.chat.Tokens.objects;
import static dev.fireworks4j.inference.chat.Tokens.role;
import static dev.fireworks4j.inference.chat.Tokens.text;
import static dev.fireworks4j.inference.chat.Tokens.unknown;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fireworks4j.inference.chat.Tokens.Reader;
import dev.fireworks4j.inference.internal.EventParser;
import dev.fireworks4j.inference.internal.EventReader;
import dev.fireworks4j.inference.internal.JsonTrees;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads stream chunks without databind, whose per-value contexts and reflection cost more than the parsing
 * itself. A chunk of the plainest shape, which servers send for every token, is taken straight from its bytes
 * by a {@link ChunkScanner}; any other is read on jackson-core's parser. That takes the shapes servers send:
 * each field as its own JSON type or null. Any other shape (a number sent as a string, a field of another type,
 * malformed JSON) makes it hand the whole event to databind, so that values and errors are always exactly
 * databind's. The types that are rare on a chunk (metrics, log probabilities) are read by databind from the
 * same parser; unknown fields, the usage and the raw output are read as trees without it ({@link JsonTrees}).
 * An instance reads one stream, with one parser ({@link EventParser}); the id, object and model, which repeat
 * on every chunk, are kept as one string each.
 */
final class ChunkReader implements EventReader<ChatCompletionChunk> {
  private final EventReader<ChatCompletionChunk> databind;
  private final EventParser events;
  private final RepeatedText id = new RepeatedText();
  private final RepeatedText object = new RepeatedText();
  private final RepeatedText model = new RepeatedText();
  /** Built once: a capturing lambda or method reference, or the field holders, would be new objects per chunk. */
  private final Reader<ChatCompletionChunk.Choice> choice = this::choice;
  private final Envelope<ChatCompletionChunk.Choice> envelope = new Envelope<>();
  private final ChoiceFields choiceFields = new ChoiceFields();
  private final Supplier<ObjectMapper> mapper;
  private final ChunkScanner scanner;

  /** A reader for one stream, on {@code mapper}'s parser factory (and so its read constraints). */
  ChunkReader(ObjectMapper mapper) {
    this.mapper = () -> mapper;
    this.databind = EventReader.databind(mapper, ChatCompletionChunk.class);
    this.events = new EventParser(mapper);
    this.scanner = new ChunkScanner(mapper.getFactory());
  }

  @Override
  public Class<ChatCompletionChunk> type() {
    return ChatCompletionChunk.class;
  }

  @Override
  public ChatCompletionChunk read(byte[] data, int offset, int length) throws IOException {
    ChatCompletionChunk chunk = scanner.scan(data, offset, length);
    if (chunk != null) {
      return chunk;
    }
    try {
      return readStreaming(data, offset, length);
    } catch (IOException e) {
      return databind.read(data, offset, length);
    }
  }

  /**
   * The chunk, read without databind for the known fields.
   *
   * @throws IOException for malformed JSON and for any shape other than the expected ones, which databind reads
   */
  ChatCompletionChunk readStreaming(byte[] data, int offset, int length) throws IOException {
    boolean read = false;
    try {
      JsonParser parser = events.start(data, offset, length);
      expect(parser.nextToken() == JsonToken.START_OBJECT);
      ChatCompletionChunk chunk = chunk(parser);
      events.finish();
      read = true;
      return chunk;
    } finally {
      if (!read) {
        events.close();
      }
    }
  }

  /** Closes the parser, which returns its buffers to Jackson's pool. */
  @Override
  public void close() {
    events.close();
  }

  private ChatCompletionChunk chunk(JsonParser parser) throws IOException {
    envelope.read(parser, id, object, model, choice, mapper);
    ChatCompletionChunk chunk = new ChatCompletionChunk(envelope.unknown);
    chunk.id = envelope.id;
    chunk.object = envelope.object;
    chunk.created = envelope.created;
    chunk.model = envelope.model;
    chunk.choices = envelope.choices;
    chunk.usage = envelope.usage;
    chunk.perfMetrics = envelope.perfMetrics;
    chunk.promptTokenIds = envelope.promptTokenIds;
    return chunk;
  }


  private ChatCompletionChunk.Choice choice(JsonParser parser) throws IOException {
    choiceFields.clear();
    ChatCompletionChunk.Delta delta = null;
    List<Integer> promptTokenIds = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      switch (name) {
        case "delta":
          delta = nullOrObject(parser) ? null : delta(parser);
          break;
        case "prompt_token_ids":
          promptTokenIds = integers(parser);
          break;
        default:
          choiceFields.read(name, token, parser, mapper);
      }
    }
    ChatCompletionChunk.Choice choice = new ChatCompletionChunk.Choice(choiceFields.unknown);
    choice.index = choiceFields.index;
    choice.delta = delta;
    choice.finishReason = choiceFields.finishReason;
    choice.logprobs = choiceFields.logprobs;
    choice.rawOutput = choiceFields.rawOutput;
    choice.promptTokenIds = promptTokenIds;
    choice.tokenIds = choiceFields.tokenIds;
    return choice;
  }

  private ChatCompletionChunk.Delta delta(JsonParser parser) throws IOException {
    ChatRole role = null;
    String content = null;
    String reasoningContent = null;
    List<ChatCompletionChunk.ToolCallDelta> toolCalls = null;
    Map<String, JsonNode> unknown = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      switch (name) {
        case "role":
          role = role(parser);
          break;
        case "content":
          content = text(parser);
          break;
        case "reasoning_content":
          reasoningContent = text(parser);
          break;
        case "tool_calls":
          toolCalls = objects(parser, this::toolCall);
          break;
        default:
          unknown = unknown(parser, unknown, name);
      }
    }
    ChatCompletionChunk.Delta delta = new ChatCompletionChunk.Delta(unknown);
    delta.role = role;
    delta.content = content;
    delta.reasoningContent = reasoningContent;
    delta.toolCalls = toolCalls;
    return delta;
  }


  private ChatCompletionChunk.ToolCallDelta toolCall(JsonParser parser) throws IOException {
    Integer index = null;
    String id = null;
    String type = null;
    ChatCompletionChunk.FunctionDelta function = null;
    Map<String, JsonNode> unknown = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      switch (name) {
        case "index":
          index = token == JsonToken.VALUE_NULL ? null : intValue(parser);
          break;
        case "id":
          id = text(parser);
          break;
        case "type":
          type = text(parser);
          break;
        case "function":
          function = nullOrObject(parser) ? null : function(parser);
          break;
        default:
          unknown = unknown(parser, unknown, name);
      }
    }
    ChatCompletionChunk.ToolCallDelta call = new ChatCompletionChunk.ToolCallDelta(unknown);
    call.index = index;
    call.id = id;
    call.type = type;
    call.function = function;
    return call;
  }

  private ChatCompletionChunk.FunctionDelta function(JsonParser parser) throws IOException {
    String name = null;
    String arguments = null;
    Map<String, JsonNode> unknown = null;
    for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
      parser.nextToken();
      switch (field) {
        case "name":
          name = text(parser);
          break;
        case "arguments":
          arguments = arguments(parser);
          break;
        default:
          unknown = unknown(parser, unknown, field);
      }
    }
    ChatCompletionChunk.FunctionDelta function = new ChatCompletionChunk.FunctionDelta(unknown);
    function.name = name;
    function.arguments = arguments;
    return function;
  }

  /** A string field that usually repeats the previous chunk's: read as that same string when it does. */
  private static final class RepeatedText implements Reader<String> {
    private String last = "";

    @Override
    public String read(JsonParser parser) throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_STRING && parser.getTextLength() == last.length()) {
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int i = 0;
        while (i < last.length() && chars[offset + i] == last.charAt(i)) {
          i++;
        }
        if (i == last.length()) {
          return last;
        }
      }
      String text = text(parser);
      if (text != null) {
        last = text;
      }
      return text;
    }
  }
}
