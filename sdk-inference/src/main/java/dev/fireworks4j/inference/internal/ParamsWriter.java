package dev.fireworks4j.inference.internal;

import static dev.fireworks4j.inference.internal.JsonFields.booleanField;
import static dev.fireworks4j.inference.internal.JsonFields.doubleField;
import static dev.fireworks4j.inference.internal.JsonFields.doubleMapField;
import static dev.fireworks4j.inference.internal.JsonFields.enumField;
import static dev.fireworks4j.inference.internal.JsonFields.extraFields;
import static dev.fireworks4j.inference.internal.JsonFields.intField;
import static dev.fireworks4j.inference.internal.JsonFields.longField;
import static dev.fireworks4j.inference.internal.JsonFields.stringField;
import static dev.fireworks4j.inference.internal.JsonFields.stringMapField;
import static dev.fireworks4j.inference.internal.JsonFields.stringsField;
import static dev.fireworks4j.inference.internal.JsonFields.treeField;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.inference.GenerationParams;
import dev.fireworks4j.inference.Prediction;
import dev.fireworks4j.inference.ReasoningEffort;
import dev.fireworks4j.inference.ResponseFormat;
import dev.fireworks4j.inference.Thinking;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.completions.CompletionParams;
import java.io.IOException;

/**
 * Writes request parameters as JSON on jackson-core's generator: byte for byte what databind writes from
 * their Jackson annotations (field order, omission rules, number formats), without databind's introspection of
 * the parameter types (over 100 ms in a cold JVM) or its per-call overhead. Only values that are arbitrary JSON
 * (extra fields, schemas, a tool choice by name, a prompt of several texts or tokens) go through the SDK's
 * mapper, which is then built on first need.
 *
 * <p>The order of the fields is that of the Immutables-generated classes, which databind follows; a test
 * fails when a property exists that this writer does not write.
 */
public final class ParamsWriter {
  private ParamsWriter() {}

  /**
   * The JSON body of {@code params}, with {@code "stream":true} as its first field when {@code stream}.
   *
   * @throws IOException when an arbitrary JSON value cannot be written
   * @throws IllegalArgumentException when {@code params} is of a type this writer does not know
   */
  public static byte[] write(GenerationParams params, boolean stream) throws IOException {
    JsonFactory factory = Json.factory();
    // the factory's pooled buffers, as ObjectMapper.writeValueAsBytes uses them
    try (ByteArrayBuilder out = new ByteArrayBuilder(factory._getBufferRecycler())) {
      try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
        json.writeStartObject();
        if (stream) {
          json.writeBooleanField("stream", true);
        }
        generation(json, params);
        if (params instanceof ChatCompletionParams) {
          ChatFields.write(json, (ChatCompletionParams) params);
        } else if (params instanceof CompletionParams) {
          completion(json, (CompletionParams) params);
        } else {
          throw new IllegalArgumentException("no JSON writer for " + params.getClass().getName());
        }
        extraFields(json, params.additionalBodyProperties());
        json.writeEndObject();
      }
      byte[] body = out.toByteArray();
      out.release();
      return body;
    }
  }

  private static void generation(JsonGenerator json, GenerationParams params) throws IOException {
    json.writeStringField("model", params.model());
    doubleField(json, "temperature", params.temperature());
    doubleField(json, "top_p", params.topP());
    intField(json, "top_k", params.topK());
    doubleField(json, "min_p", params.minP());
    doubleField(json, "typical_p", params.typicalP());
    intField(json, "n", params.n());
    stringsField(json, "stop", params.stop());
    intField(json, "max_tokens", params.maxTokens());
    intField(json, "max_completion_tokens", params.maxCompletionTokens());
    doubleField(json, "frequency_penalty", params.frequencyPenalty());
    doubleField(json, "presence_penalty", params.presencePenalty());
    doubleField(json, "repetition_penalty", params.repetitionPenalty());
    doubleField(json, "mirostat_target", params.mirostatTarget());
    doubleField(json, "mirostat_lr", params.mirostatLr());
    longField(json, "seed", params.seed());
    intField(json, "top_logprobs", params.topLogprobs());
    doubleMapField(json, "logit_bias", params.logitBias());
    stringField(json, "user", params.user());
    stringField(json, "prompt_cache_key", params.promptCacheKey());
    stringField(json, "prompt_cache_isolation_key", params.promptCacheIsolationKey());
    enumField(json, "service_tier", params.serviceTier());
    enumField(json, "context_length_exceeded_behavior", params.contextLengthExceededBehavior());
    booleanField(json, "perf_metrics_in_response", params.perfMetricsInResponse());
    booleanField(json, "raw_output", params.rawOutput());
    booleanField(json, "return_token_ids", params.returnTokenIds());
    booleanField(json, "echo", params.echo());
    intField(json, "echo_last", params.echoLast());
    booleanField(json, "ignore_eos", params.ignoreEos());
    if (params.responseFormat().isPresent()) {
      responseFormat(json, params.responseFormat().get());
    }
    if (params.prediction().isPresent()) {
      prediction(json, params.prediction().get());
    }
    stringField(json, "speculation", params.speculation());
    if (params.reasoningEffort().isPresent()) {
      reasoningEffort(json, params.reasoningEffort().get());
    }
    enumField(json, "reasoning_history", params.reasoningHistory());
    if (params.thinking().isPresent()) {
      thinking(json, params.thinking().get());
    }
    stringMapField(json, "metadata", params.metadata());
  }

  private static void completion(JsonGenerator json, CompletionParams params) throws IOException {
    if (params.prompt().isPresent()) {
      json.writeFieldName("prompt");
      JsonNode prompt = params.prompt().get().json();
      if (prompt.isTextual()) {
        json.writeString(prompt.textValue());
      } else {
        JsonFields.tree(json, prompt);
      }
    }
    stringsField(json, "images", params.images());
    intField(json, "logprobs", params.logprobs());
  }

  private static void responseFormat(JsonGenerator json, ResponseFormat format) throws IOException {
    json.writeObjectFieldStart("response_format");
    json.writeStringField("type", format.type());
    treeField(json, "schema", format.schema());
    treeField(json, "json_schema", format.jsonSchema());
    stringField(json, "grammar", format.grammar());
    json.writeEndObject();
  }

  private static void prediction(JsonGenerator json, Prediction prediction) throws IOException {
    json.writeObjectFieldStart("prediction");
    // databind follows the generated class's fields, where the derived type comes last
    json.writeStringField("content", prediction.content());
    json.writeStringField("type", prediction.type());
    json.writeEndObject();
  }

  private static void reasoningEffort(JsonGenerator json, ReasoningEffort effort) throws IOException {
    json.writeFieldName("reasoning_effort");
    Object value = effort.value();
    if (value instanceof String) {
      json.writeString((String) value);
    } else if (value instanceof Integer) {
      json.writeNumber((Integer) value);
    } else {
      json.writeBoolean((Boolean) value);
    }
  }

  private static void thinking(JsonGenerator json, Thinking thinking) throws IOException {
    json.writeObjectFieldStart("thinking");
    json.writeStringField("type", thinking.type());
    intField(json, "budget_tokens", thinking.budgetTokens());
    json.writeEndObject();
  }
}
