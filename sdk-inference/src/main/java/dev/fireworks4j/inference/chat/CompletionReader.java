package dev.fireworks4j.inference.chat;

import static dev.fireworks4j.inference.chat.Tokens.arguments;
import static dev.fireworks4j.inference.chat.Tokens.expect;
import static dev.fireworks4j.inference.chat.Tokens.nullOrObject;
import static dev.fireworks4j.inference.chat.Tokens.objects;
import static dev.fireworks4j.inference.chat.Tokens.role;
import static dev.fireworks4j.inference.chat.Tokens.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.inference.chat.Tokens.UnexpectedShape;
import dev.fireworks4j.inference.internal.JsonTrees;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a whole chat completion on jackson-core's parser rather than databind, as {@link ChunkReader} reads
 * chunks: the shapes servers send are read token by token, any other shape (and malformed JSON) makes it hand
 * the whole body to databind, so that values and errors are always exactly databind's. Messages are built
 * through their builders, under the same checks. Unknown fields, the usage and the raw output are read as
 * trees ({@link JsonTrees}); performance metrics and log probabilities, which are only sent on request, by
 * databind, so that reading a typical response builds no mapper.
 */
final class CompletionReader {
  private CompletionReader() {}

  /** The completion in {@code body}; null when the body is JSON {@code null}. */
  static ChatCompletion read(byte[] body) throws IOException {
    try {
      return readStreaming(body);
    } catch (IOException e) {
      return Json.mapper().readValue(body, ChatCompletion.class);
    }
  }

  /**
   * The completion, read without databind for the known fields.
   *
   * @throws IOException for malformed JSON and for any shape other than the expected ones, which databind reads
   */
  static ChatCompletion readStreaming(byte[] body) throws IOException {
    try (JsonParser parser = Json.factory().createParser(body)) {
      expect(parser.nextToken() == JsonToken.START_OBJECT);
      return completion(parser);
    }
  }

  private static ChatCompletion completion(JsonParser parser) throws IOException {
    Envelope<ChatCompletion.Choice> envelope = new Envelope<>();
    envelope.read(parser, Tokens::text, Tokens::text, Tokens::text, CompletionReader::choice, Json::mapper);
    ChatCompletion completion = new ChatCompletion(envelope.unknown);
    completion.id = envelope.id;
    completion.object = envelope.object;
    completion.created = envelope.created;
    completion.model = envelope.model;
    completion.choices = envelope.choices;
    completion.usage = envelope.usage;
    completion.perfMetrics = envelope.perfMetrics;
    completion.promptTokenIds = envelope.promptTokenIds;
    return completion;
  }


  private static ChatCompletion.Choice choice(JsonParser parser) throws IOException {
    ChoiceFields fields = new ChoiceFields();
    ChatMessage message = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      if (name.equals("message")) {
        message = nullOrObject(parser) ? null : message(parser);
      } else {
        fields.read(name, token, parser, Json::mapper);
      }
    }
    ChatCompletion.Choice choice = new ChatCompletion.Choice(fields.unknown);
    choice.index = fields.index;
    choice.message = message;
    choice.finishReason = fields.finishReason;
    choice.logprobs = fields.logprobs;
    choice.rawOutput = fields.rawOutput;
    choice.tokenIds = fields.tokenIds;
    return choice;
  }

  private static ChatMessage message(JsonParser parser) throws IOException {
    ChatRole role = null;
    String content = null;
    String reasoningContent = null;
    List<ToolCall> toolCalls = null;
    String toolCallId = null;
    Map<String, JsonNode> unknown = new HashMap<>(); // as the generated binding collects them: in hash order
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      switch (name) {
        case "role":
          role = role(parser);
          break;
        case "content":
          content = text(parser); // parts are left to databind
          break;
        case "reasoning_content":
          reasoningContent = text(parser);
          break;
        case "tool_calls":
          toolCalls = objects(parser, CompletionReader::toolCall);
          break;
        case "tool_call_id":
          toolCallId = text(parser);
          break;
        default:
          unknown.put(name, JsonTrees.read(parser));
      }
    }
    ChatMessage.Builder message = ChatMessage.builder();
    if (role != null) {
      message.role(role);
    }
    if (content != null) {
      message.content(content);
    }
    if (toolCalls != null) {
      message.addAllToolCalls(toolCalls);
    }
    message.reasoningContent(Optional.ofNullable(reasoningContent)).toolCallId(Optional.ofNullable(toolCallId))
        .putAllAdditionalProperties(unknown);
    return build(message::build);
  }


  private static ToolCall toolCall(JsonParser parser) throws IOException {
    String id = null;
    String type = null;
    ToolCall.FunctionCall function = null;
    Map<String, JsonNode> unknown = new HashMap<>();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      switch (name) {
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
          unknown.put(name, JsonTrees.read(parser));
      }
    }
    ToolCall.Builder call = ToolCall.builder().id(Optional.ofNullable(id)).putAllAdditionalProperties(unknown);
    if (type != null) {
      call.type(type);
    }
    if (function != null) { // without one, the build fails, as databind's does
      call.function(function);
    }
    return build(call::build);
  }

  private static ToolCall.FunctionCall function(JsonParser parser) throws IOException {
    String name = null;
    String arguments = null;
    Map<String, JsonNode> unknown = new HashMap<>();
    for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
      parser.nextToken();
      switch (field) {
        case "name":
          String text = text(parser);
          name = text == null ? name : text; // null is skipped, as its @JsonSetter says
          break;
        case "arguments":
          arguments = arguments(parser);
          break;
        default:
          unknown.put(field, JsonTrees.read(parser));
      }
    }
    ImmutableFunctionCall.Builder function = ImmutableFunctionCall.builder().putAllAdditionalProperties(unknown);
    if (name != null) {
      function.name(name);
    }
    if (arguments != null) {
      function.arguments(arguments);
    }
    return build(function::build);
  }

  /** A value built under the builder's checks; a value they reject is left to databind, which reports it. */
  private static <T> T build(Supplier<T> builder) throws UnexpectedShape {
    try {
      return builder.get();
    } catch (RuntimeException e) {
      throw new UnexpectedShape();
    }
  }
}
