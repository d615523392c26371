package dev.fireworks4j.testkit.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a {@code /chat/completions} or {@code /completions} request the emulator acts on, validated as
 * the real endpoint does: schema violations are 422 (FastAPI), semantic ones 400. Unknown fields are ignored.
 * Prompt tokens are counted as white-space separated words, plus 4 per chat message for its role framing.
 */
final class InferenceRequest {
  static final int MAX_N = 128;

  final boolean chat;
  final String model;
  final List<String> prompts;
  final int promptTokens;
  final Integer maxTokens;
  final int n;
  final boolean stream;
  final Long seed;
  final List<String> stops;
  final String user;
  final boolean perfMetrics;
  final boolean ignoreEos;

  private InferenceRequest(boolean chat, JsonNode body) {
    this.chat = chat;
    this.model = requiredString(body, "model");
    this.stream = bool(body, "stream");
    this.perfMetrics = bool(body, "perf_metrics_in_response");
    this.ignoreEos = bool(body, "ignore_eos");
    this.n = body.has("n") && !body.get("n").isNull() ? integer(body, "n") : 1;
    Integer maxTokens = optionalInteger(body, "max_tokens");
    Integer maxCompletionTokens = optionalInteger(body, "max_completion_tokens");
    if (maxTokens != null && maxCompletionTokens != null) {
      throw InferenceError.badRequest("max_completion_tokens",
          "max_tokens and max_completion_tokens cannot both be set");
    }
    this.maxTokens = maxTokens != null ? maxTokens : maxCompletionTokens;
    this.seed = body.has("seed") && !body.get("seed").isNull() ? Long.valueOf(integer(body, "seed")) : null;
    this.user = optionalString(body, "user");
    this.stops = stops(body);
    numberOrNull(body, "temperature");
    numberOrNull(body, "top_p");
    if (n < 1 || n > MAX_N) {
      throw InferenceError.badRequest("n", "n must be between 1 and " + MAX_N + ", was " + n);
    }
    if (this.maxTokens != null && this.maxTokens < 0) {
      throw InferenceError.badRequest("max_tokens", "max_tokens must not be negative, was " + this.maxTokens);
    }
    if (ignoreEos && this.maxTokens == null) {
      throw InferenceError.badRequest("max_tokens", "ignore_eos requires max_tokens");
    }
    List<String> texts = new ArrayList<>();
    int tokens = 0;
    if (chat) {
      StringBuilder prompt = new StringBuilder();
      JsonNode messages = body.get("messages");
      if (messages == null) {
        throw InferenceError.validation("missing", "Field required", "messages");
      }
      if (!messages.isArray()) {
        throw InferenceError.validation("list_type", "Input should be a valid list", "messages");
      }
      if (messages.isEmpty()) {
        throw InferenceError.badRequest("messages", "messages must not be empty");
      }
      for (int i = 0; i < messages.size(); i++) {
        JsonNode message = messages.get(i);
        if (!message.isObject()) {
          throw InferenceError.validation("model_type", "Input should be a valid dictionary", "messages", i);
        }
        if (!message.path("role").isTextual()) {
          throw InferenceError.validation("missing", "Field required", "messages", i, "role");
        }
        String text = content(message.get("content"), i);
        prompt.append(message.get("role").asText()).append(": ").append(text).append('\n');
        tokens += 4 + words(text);
      }
      texts.add(prompt.toString());
    } else {
      JsonNode prompt = body.get("prompt");
      if (prompt == null) {
        throw InferenceError.validation("missing", "Field required", "prompt");
      }
      if (prompt.isTextual()) {
        texts.add(prompt.asText());
        tokens = words(prompt.asText());
      } else if (prompt.isArray() && prompt.size() > 0 && prompt.get(0).isTextual()) {
        for (JsonNode p : prompt) {
          if (!p.isTextual()) {
            throw InferenceError.validation("string_type", "Input should be a valid string", "prompt");
          }
          texts.add(p.asText());
          tokens += words(p.asText());
        }
      } else if (prompt.isArray() && prompt.size() > 0) {
        texts.add(prompt.toString());
        tokens = prompt.get(0).isArray() ? prompt.get(0).size() : prompt.size();
      } else {
        throw InferenceError.validation("string_type", "Input should be a valid string", "prompt");
      }
    }
    this.prompts = List.copyOf(texts);
    this.promptTokens = tokens;
  }

  /** Parses and validates a request body. */
  static InferenceRequest parse(JsonNode body, boolean chat) {
    if (!body.isObject()) {
      throw InferenceError.validation("model_attributes_type", "Input should be a valid dictionary or object");
    }
    return new InferenceRequest(chat, body);
  }

  private static String content(JsonNode content, int index) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    if (!content.isArray()) {
      throw InferenceError.validation("string_type", "Input should be a valid string", "messages", index, "content");
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      if (part.path("text").isTextual()) {
        text.append(part.get("text").asText()).append(' ');
      }
    }
    return text.toString().strip();
  }

  static int words(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
  }

  private static String requiredString(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null) {
      throw InferenceError.validation("missing", "Field required", field);
    }
    if (!value.isTextual()) {
      throw InferenceError.validation("string_type", "Input should be a valid string", field);
    }
    return value.asText();
  }

  private static String optionalString(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw InferenceError.validation("string_type", "Input should be a valid string", field);
    }
    return value.asText();
  }

  private static boolean bool(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw InferenceError.validation("bool_type", "Input should be a valid boolean", field);
    }
    return value.asBoolean();
  }

  private static int integer(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw InferenceError.validation("int_type", "Input should be a valid integer", field);
    }
    return value.asInt();
  }

  private static Integer optionalInteger(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : integer(body, field);
  }

  private static void numberOrNull(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value != null && !value.isNull() && !value.isNumber()) {
      throw InferenceError.validation("float_type", "Input should be a valid number", field);
    }
  }

  private static List<String> stops(JsonNode body) {
    JsonNode stop = body.get("stop");
    List<String> stops = new ArrayList<>();
    if (stop == null || stop.isNull()) {
      return stops;
    }
    if (stop.isTextual()) {
      stops.add(stop.asText());
    } else if (stop.isArray()) {
      for (JsonNode s : stop) {
        if (!s.isTextual()) {
          throw InferenceError.validation("string_type", "Input should be a valid string", "stop");
        }
        stops.add(s.asText());
      }
    } else {
      throw InferenceError.validation("string_type", "Input should be a valid string", "stop");
    }
    stops.removeIf(String::isEmpty);
    return stops;
  }
}
