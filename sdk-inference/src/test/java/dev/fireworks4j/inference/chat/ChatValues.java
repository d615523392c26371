package dev.fireworks4j.inference.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** Chat values with combinations of fields that the public factories do not offer, for serialisation tests. */
public final class ChatValues {
  private ChatValues() {}

  /** A content part with any of its fields. */
  public static ContentPart part(String type, Optional<String> text, Optional<ContentPart.ImageUrl> image,
      Optional<ContentPart.VideoUrl> video, Map<String, JsonNode> extras) {
    return ImmutableContentPart.builder().type(type).text(text).imageUrl(image).videoUrl(video)
        .additionalProperties(extras).build();
  }

  /** A tool of any type. */
  public static Tool tool(String type, Tool.Function function) {
    return ImmutableTool.builder().type(type).function(function).build();
  }

  /** A function call with unknown fields. */
  public static ToolCall.FunctionCall functionCall(String name, String arguments, Map<String, JsonNode> extras) {
    return ImmutableFunctionCall.builder().name(name).arguments(arguments).additionalProperties(extras).build();
  }
}
