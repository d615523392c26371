package dev.fireworks4j.inference.chat;

import static dev.fireworks4j.inference.chat.Tokens.databind;
import static dev.fireworks4j.inference.chat.Tokens.intValue;
import static dev.fireworks4j.inference.chat.Tokens.integers;
import static dev.fireworks4j.inference.chat.Tokens.text;
import static dev.fireworks4j.inference.chat.Tokens.unknown;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fireworks4j.inference.LogProbs;
import dev.fireworks4j.inference.internal.JsonTrees;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The fields that a completion's choice and a chunk's choice share, as the hand-written readers take them;
 * each reader reads its own fields (the message or the delta) and hands every other one to {@link #read}.
 */
final class ChoiceFields {
  int index;
  String finishReason;
  LogProbs logprobs;
  JsonNode rawOutput;
  List<Integer> tokenIds;
  Map<String, JsonNode> unknown;

  /** Fields to fill with {@link #read}; a stream's reader keeps one for all its choices. */
  ChoiceFields() {}

  /** Forgets the fields of the choice read before. */
  void clear() {
    index = 0;
    finishReason = null;
    logprobs = null;
    rawOutput = null;
    tokenIds = null;
    unknown = null;
  }

  /**
   * Reads the value of field {@code name} at the parser, whose token is {@code token}: a shared field, or else
   * an unknown one. {@code mapper} reads the log probabilities, and is asked for only when they are present.
   */
  void read(String name, JsonToken token, JsonParser parser, Supplier<ObjectMapper> mapper) throws IOException {
    switch (name) {
      case "index":
        index = token == JsonToken.VALUE_NULL ? 0 : intValue(parser);
        break;
      case "finish_reason":
        finishReason = text(parser);
        break;
      case "logprobs":
        logprobs = databind(mapper, parser, LogProbs.class);
        break;
      case "raw_output":
        rawOutput = JsonTrees.read(parser); // a JsonNode field keeps null as NullNode
        break;
      case "token_ids":
        tokenIds = integers(parser);
        break;
      default:
        unknown = unknown(parser, unknown, name);
    }
  }
}
