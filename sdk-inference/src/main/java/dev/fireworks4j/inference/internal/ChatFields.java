package dev.fireworks4j.inference.internal;

import static dev.fireworks4j.inference.internal.JsonFields.booleanField;
import static dev.fireworks4j.inference.internal.JsonFields.doubleField;
import static dev.fireworks4j.inference.internal.JsonFields.extraFields;
import static dev.fireworks4j.inference.internal.JsonFields.intField;
import static dev.fireworks4j.inference.internal.JsonFields.stringField;
import static dev.fireworks4j.inference.internal.JsonFields.treeField;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.chat.ChatMessage;
import dev.fireworks4j.inference.chat.ContentPart;
import dev.fireworks4j.inference.chat.MessageContent;
import dev.fireworks4j.inference.chat.Tool;
import dev.fireworks4j.inference.chat.ToolCall;
import java.io.IOException;

/** The fields only chat completion requests have: the conversation and the tools, in databind's order. */
final class ChatFields {
  private ChatFields() {}

  static void write(JsonGenerator json, ChatCompletionParams params) throws IOException {
    json.writeArrayFieldStart("messages");
    for (ChatMessage message : params.messages()) {
      message(json, message);
    }
    json.writeEndArray();
    if (!params.tools().isEmpty()) {
      json.writeArrayFieldStart("tools");
      for (Tool tool : params.tools()) {
        tool(json, tool);
      }
      json.writeEndArray();
    }
    if (params.toolChoice().isPresent()) {
      json.writeFieldName("tool_choice");
      JsonNode choice = params.toolChoice().get().json();
      if (choice.isTextual()) {
        json.writeString(choice.textValue());
      } else {
        JsonFields.tree(json, choice);
      }
    }
    booleanField(json, "parallel_tool_calls", params.parallelToolCalls());
    booleanField(json, "logprobs", params.logprobs());
    intField(json, "prompt_truncate_len", params.promptTruncateLen());
    booleanField(json, "safe_tokenization", params.safeTokenization());
  }

  private static void message(JsonGenerator json, ChatMessage message) throws IOException {
    json.writeStartObject();
    json.writeStringField("role", message.role().value());
    if (message.content().isPresent()) {
      json.writeFieldName("content");
      content(json, message.content().get());
    }
    stringField(json, "reasoning_content", message.reasoningContent());
    if (!message.toolCalls().isEmpty()) {
      json.writeArrayFieldStart("tool_calls");
      for (ToolCall call : message.toolCalls()) {
        toolCall(json, call);
      }
      json.writeEndArray();
    }
    stringField(json, "tool_call_id", message.toolCallId());
    extraFields(json, message.additionalProperties());
    json.writeEndObject();
  }

  private static void content(JsonGenerator json, MessageContent content) throws IOException {
    if (content.isText()) {
      json.writeString(content.asText());
      return;
    }
    json.writeStartArray();
    for (ContentPart part : content.parts()) {
      part(json, part);
    }
    json.writeEndArray();
  }

  private static void part(JsonGenerator json, ContentPart part) throws IOException {
    json.writeStartObject();
    json.writeStringField("type", part.type());
    stringField(json, "text", part.text());
    if (part.imageUrl().isPresent()) {
      ContentPart.ImageUrl image = part.imageUrl().get();
      json.writeObjectFieldStart("image_url");
      json.writeStringField("url", image.url());
      stringField(json, "detail", image.detail());
      extraFields(json, image.additionalProperties());
      json.writeEndObject();
    }
    if (part.videoUrl().isPresent()) {
      ContentPart.VideoUrl video = part.videoUrl().get();
      json.writeObjectFieldStart("video_url");
      json.writeStringField("url", video.url());
      stringField(json, "detail", video.detail());
      intField(json, "max_frames", video.maxFrames());
      intField(json, "spatial_limit", video.spatialLimit());
      doubleField(json, "sample_fps", video.sampleFps());
      extraFields(json, video.additionalProperties());
      json.writeEndObject();
    }
    extraFields(json, part.additionalProperties());
    json.writeEndObject();
  }

  private static void toolCall(JsonGenerator json, ToolCall call) throws IOException {
    json.writeStartObject();
    stringField(json, "id", call.id());
    json.writeStringField("type", call.type());
    ToolCall.FunctionCall function = call.function();
    json.writeObjectFieldStart("function");
    json.writeStringField("name", function.name());
    json.writeStringField("arguments", function.arguments());
    extraFields(json, function.additionalProperties());
    json.writeEndObject();
    extraFields(json, call.additionalProperties());
    json.writeEndObject();
  }

  private static void tool(JsonGenerator json, Tool tool) throws IOException {
    json.writeStartObject();
    json.writeStringField("type", tool.type());
    Tool.Function function = tool.function();
    json.writeObjectFieldStart("function");
    json.writeStringField("name", function.name());
    stringField(json, "description", function.description());
    treeField(json, "parameters", function.parameters());
    booleanField(json, "strict", function.strict());
    json.writeEndObject();
    json.writeEndObject();
  }
}
