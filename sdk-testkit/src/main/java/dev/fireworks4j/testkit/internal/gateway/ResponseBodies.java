package dev.fireworks4j.testkit.internal.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fireworks4j.testkit.internal.gateway.TextGenerator.Generation;
import dev.fireworks4j.testkit.internal.json.JsonSupport;
import java.util.List;

/**
 * The JSON of inference responses and stream chunks, per the inference spec's response schemas:
 * {@code ChatCompletionResponse} / {@code ChatCompletionStreamResponse} ({@code object} "chat.completion" /
 * "chat.completion.chunk") and {@code CompletionResponse} / {@code CompletionStreamResponse} ("text_completion").
 * Nullable fields are written as {@code null} where real streams do ({@code usage}, {@code finish_reason},
 * {@code logprobs}).
 */
final class ResponseBodies {
  private final InferenceRequest request;
  private final String id;
  private final long created;

  ResponseBodies(InferenceRequest request, String id, long created) {
    this.request = request;
    this.id = id;
    this.created = created;
  }

  /** The complete non-streaming response. */
  ObjectNode complete(List<Generation> choices, ObjectNode usage, ObjectNode perfMetrics) {
    ObjectNode body = head();
    ArrayNode items = body.putArray("choices");
    for (int i = 0; i < choices.size(); i++) {
      Generation g = choices.get(i);
      ObjectNode choice = items.addObject().put("index", i);
      if (request.chat) {
        choice.putObject("message").put("role", "assistant").put("content", g.text());
      } else {
        choice.put("text", g.text());
      }
      choice.put("finish_reason", g.finishReason()).putNull("logprobs");
    }
    body.set("usage", usage);
    if (perfMetrics != null) {
      body.set("perf_metrics", perfMetrics);
    }
    return body;
  }

  /** The first chat chunk of a choice: {@code delta: {"role": "assistant", "content": null}}. */
  ObjectNode roleChunk(int index) {
    ObjectNode chunk = chunkHead();
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", index);
    choice.putObject("delta").put("role", "assistant").putNull("content");
    choice.putNull("finish_reason").putNull("logprobs");
    return chunk.putNull("usage");
  }

  /** A chunk carrying one token of a choice. */
  ObjectNode tokenChunk(int index, String token) {
    ObjectNode chunk = chunkHead();
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", index);
    if (request.chat) {
      choice.putObject("delta").put("content", token);
    } else {
      choice.put("text", token);
    }
    choice.putNull("finish_reason").putNull("logprobs");
    return chunk.putNull("usage");
  }

  /** The chunk that ends a choice, with its finish reason, and the usage and metrics when given. */
  ObjectNode finishChunk(int index, String finishReason, ObjectNode usage, ObjectNode perfMetrics) {
    ObjectNode chunk = chunkHead();
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", index);
    if (request.chat) {
      choice.putObject("delta");
    } else {
      choice.put("text", "");
    }
    choice.put("finish_reason", finishReason).putNull("logprobs");
    if (usage != null) {
      chunk.set("usage", usage);
    } else {
      chunk.putNull("usage");
    }
    if (perfMetrics != null) {
      chunk.set("perf_metrics", perfMetrics);
    }
    return chunk;
  }

  /** A chunk with no choices that carries only the usage (the {@code USAGE_ONLY_FINAL_CHUNK} quirk). */
  ObjectNode usageChunk(ObjectNode usage, ObjectNode perfMetrics) {
    ObjectNode chunk = chunkHead();
    chunk.putArray("choices");
    chunk.set("usage", usage);
    if (perfMetrics != null) {
      chunk.set("perf_metrics", perfMetrics);
    }
    return chunk;
  }

  static ObjectNode usage(int promptTokens, int completionTokens) {
    return JsonSupport.object().put("prompt_tokens", promptTokens).put("total_tokens", promptTokens + completionTokens)
        .put("completion_tokens", completionTokens);
  }

  private ObjectNode head() {
    return JsonSupport.object().put("id", id).put("object", request.chat ? "chat.completion" : "text_completion")
        .put("created", created).put("model", request.model);
  }

  private ObjectNode chunkHead() {
    return JsonSupport.object().put("id", id)
        .put("object", request.chat ? "chat.completion.chunk" : "text_completion")
        .put("created", created).put("model", request.model);
  }
}
