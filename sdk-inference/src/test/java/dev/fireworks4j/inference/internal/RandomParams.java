package dev.fireworks4j.inference.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.fireworks4j.inference.ContextLengthExceededBehavior;
import dev.fireworks4j.inference.GenerationParams;
import dev.fireworks4j.inference.GenerationValues;
import dev.fireworks4j.inference.Prediction;
import dev.fireworks4j.inference.ReasoningEffort;
import dev.fireworks4j.inference.ReasoningHistory;
import dev.fireworks4j.inference.ResponseFormat;
import dev.fireworks4j.inference.ServiceTier;
import dev.fireworks4j.inference.Thinking;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.chat.ChatMessage;
import dev.fireworks4j.inference.chat.ChatRole;
import dev.fireworks4j.inference.chat.ChatValues;
import dev.fireworks4j.inference.chat.ContentPart;
import dev.fireworks4j.inference.chat.MessageContent;
import dev.fireworks4j.inference.chat.Tool;
import dev.fireworks4j.inference.chat.ToolCall;
import dev.fireworks4j.inference.chat.ToolChoice;
import dev.fireworks4j.inference.completions.CompletionParams;
import dev.fireworks4j.inference.completions.Prompt;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Chat and completion parameters drawn from a seed: every property set with a given probability, nested
 * messages, parts, tool calls and tools, strings with escapes and multi-byte characters, extreme numbers and
 * trees of every node type.
 */
final class RandomParams {
  private static final String[] FRAGMENTS = {"", "a", "model", " ", "\"", "\\", "/", "\n\r\t\b\f", "\u0000\u0001\u001f",
    "\u007f", "é", "ß", "\u00a0", "\u2028\u2029", "中文", "\ud83d\ude00", "</script>", "{\"x\":1}", "null", "0"};
  private static final double[] ANY_DOUBLES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
    Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -0.0, 0.0, 1e21, 1e-7, 1e7, 0.1 + 0.2, 123456789.125, -1.5};

  private final Random random;
  private final double density;

  /** Parameters from {@code seed}, each optional property set with probability {@code density}. */
  RandomParams(long seed, double density) {
    this.random = new Random(seed);
    this.density = density;
  }

  ChatCompletionParams chat() {
    ChatCompletionParams.Builder params = ChatCompletionParams.builder().model("m" + string());
    generation(params);
    int messages = 1 + random.nextInt(4);
    for (int i = 0; i < messages; i++) {
      params.addMessages(message());
    }
    params.tools(list(this::tool));
    params.toolChoice(optional(this::toolChoice));
    params.parallelToolCalls(optional(random::nextBoolean));
    params.logprobs(optional(random::nextBoolean));
    params.promptTruncateLen(optionalInt(1, Integer.MAX_VALUE));
    params.safeTokenization(optional(random::nextBoolean));
    return params.build();
  }

  CompletionParams completion() {
    return CompletionParams.builder().from((GenerationParams) chat()).prompt(prompt()).images(list(this::string))
        .logprobs(optionalInt(0, 5)).build();
  }

  private void generation(ChatCompletionParams.Builder params) {
    params.temperature(optionalDouble(0, 2)).topP(optionalDouble(0, 1)).topK(optionalInt(0, 100))
        .minP(optionalDouble(0, 1)).typicalP(optionalDouble(0, 1)).n(optionalInt(1, 128));
    if (set()) {
      for (int i = random.nextInt(4); i >= 0; i--) {
        params.addStop("s" + string());
      }
    }
    if (random.nextBoolean()) {
      params.maxTokens(optionalInt(1, Integer.MAX_VALUE));
    } else {
      params.maxCompletionTokens(optionalInt(1, Integer.MAX_VALUE));
    }
    params.frequencyPenalty(optionalDouble(-2, 2)).presencePenalty(optionalDouble(-2, 2))
        .repetitionPenalty(optionalDouble(0, 2)).mirostatTarget(anyOptionalDouble())
        .mirostatLr(anyOptionalDouble()).topLogprobs(optionalInt(0, 5));
    if (set()) {
      params.seed(random.nextBoolean() ? random.nextLong() : random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE);
    } else {
      params.seed(OptionalLong.empty());
    }
    if (set()) {
      for (int i = random.nextInt(3); i >= 0; i--) {
        params.putLogitBias(Integer.toString(random.nextInt(Integer.MAX_VALUE)), inRange(-100, 100));
      }
    }
    params.user(optional(this::string)).promptCacheKey(optional(this::string))
        .promptCacheIsolationKey(optional(this::string))
        .serviceTier(optional(() -> random.nextBoolean() ? ServiceTier.PRIORITY : ServiceTier.of(string())))
        .contextLengthExceededBehavior(optional(() -> random.nextBoolean()
            ? ContextLengthExceededBehavior.TRUNCATE : ContextLengthExceededBehavior.of(string())))
        .perfMetricsInResponse(optional(random::nextBoolean)).rawOutput(optional(random::nextBoolean))
        .returnTokenIds(optional(random::nextBoolean)).echo(optional(random::nextBoolean))
        .echoLast(optionalInt(0, Integer.MAX_VALUE)).ignoreEos(optional(random::nextBoolean))
        .responseFormat(optional(this::responseFormat))
        .prediction(optional(() -> Prediction.content("p" + string())))
        .speculation(optional(this::string))
        .reasoningHistory(optional(() -> random.nextBoolean() ? ReasoningHistory.PRESERVED
            : ReasoningHistory.of(string())));
    if (random.nextBoolean()) {
      params.reasoningEffort(optional(this::reasoningEffort));
    } else {
      params.thinking(optional(this::thinking));
    }
    if (set()) {
      params.putMetadata(string(), string()).putMetadata("k" + string(), string());
    }
    params.additionalBodyProperties(extras());
  }

  private ChatMessage message() {
    ChatRole role = List.of(ChatRole.SYSTEM, ChatRole.USER, ChatRole.ASSISTANT, ChatRole.TOOL, ChatRole.of("r" + string()))
        .get(random.nextInt(5));
    ChatMessage.Builder message = ChatMessage.builder().role(role);
    if (!role.equals(ChatRole.ASSISTANT) || set()) {
      message.content(random.nextBoolean() ? MessageContent.of(string()) : MessageContent.of(nonEmptyList(this::part)));
    }
    message.reasoningContent(optional(this::string)).toolCalls(list(this::toolCall))
        .toolCallId(role.equals(ChatRole.TOOL) ? Optional.of(string()) : optional(this::string))
        .additionalProperties(extras());
    return message.build();
  }

  private ContentPart part() {
    String type = List.of("text", "image_url", "video_url", string()).get(random.nextInt(4));
    return ChatValues.part(type, optional(this::string), optional(this::image), optional(this::video), extras());
  }

  private ContentPart.ImageUrl image() {
    return ContentPart.ImageUrl.builder().url(string()).detail(optional(this::string))
        .additionalProperties(extras()).build();
  }

  private ContentPart.VideoUrl video() {
    return ContentPart.VideoUrl.builder().url(string()).detail(optional(this::string))
        .maxFrames(optionalInt(Integer.MIN_VALUE, Integer.MAX_VALUE))
        .spatialLimit(optionalInt(Integer.MIN_VALUE, Integer.MAX_VALUE)).sampleFps(anyOptionalDouble())
        .additionalProperties(extras()).build();
  }

  private ToolCall toolCall() {
    ToolCall.Builder call = ToolCall.builder().id(optional(this::string))
        .function(ChatValues.functionCall(string(), string(), extras())).additionalProperties(extras());
    if (set()) {
      call.type(string());
    }
    return call.build();
  }

  private Tool tool() {
    Tool.Function function = Tool.Function.builder().name(name()).description(optional(this::string))
        .parameters(optional(() -> object(2))).strict(optional(random::nextBoolean)).build();
    return set() ? ChatValues.tool(string(), function) : Tool.function(function);
  }

  private ToolChoice toolChoice() {
    return List.of(ToolChoice.AUTO, ToolChoice.NONE, ToolChoice.REQUIRED, ToolChoice.ANY, ToolChoice.function("f" + string()))
        .get(random.nextInt(5));
  }

  private Prompt prompt() {
    switch (random.nextInt(4)) {
      case 0:
        return Prompt.of(string());
      case 1:
        return Prompt.of(nonEmptyList(this::string));
      case 2:
        return Prompt.tokens(nonEmptyList(random::nextInt));
      default:
        return Prompt.tokenBatches(nonEmptyList(() -> nonEmptyList(random::nextInt)));
    }
  }

  private ResponseFormat responseFormat() {
    return GenerationValues.responseFormat(string(), optional(() -> object(2)), optional(() -> object(2)),
        optional(this::string));
  }

  private ReasoningEffort reasoningEffort() {
    switch (random.nextInt(4)) {
      case 0:
        return ReasoningEffort.HIGH;
      case 1:
        return ReasoningEffort.of("e" + string());
      case 2:
        return ReasoningEffort.tokens(1 + random.nextInt(Integer.MAX_VALUE));
      default:
        return ReasoningEffort.enabled(random.nextBoolean());
    }
  }

  private Thinking thinking() {
    return GenerationValues.thinking(string(), optionalInt(Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  private Map<String, JsonNode> extras() {
    Map<String, JsonNode> extras = new LinkedHashMap<>();
    if (set()) {
      for (int i = random.nextInt(3); i >= 0; i--) {
        extras.put("x" + string(), tree(2));
      }
    }
    return extras;
  }

  private ObjectNode object(int depth) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    for (int i = random.nextInt(4); i > 0; i--) {
      object.set(string(), tree(depth - 1));
    }
    return object;
  }

  private JsonNode tree(int depth) {
    switch (random.nextInt(depth > 0 ? 14 : 12)) {
      case 0:
        return JsonNodeFactory.instance.textNode(string());
      case 1:
        return JsonNodeFactory.instance.numberNode(random.nextInt());
      case 2:
        return JsonNodeFactory.instance.numberNode(random.nextLong());
      case 3:
        return DoubleNode.valueOf(anyDouble());
      case 4:
        return FloatNode.valueOf(random.nextBoolean() ? Float.NaN : random.nextFloat() * 1e30f);
      case 5:
        return DecimalNode.valueOf(List.of(new BigDecimal("1E+400"), new BigDecimal("-12.3450"), new BigDecimal("0.000"),
            BigDecimal.valueOf(random.nextLong(), random.nextInt(40) - 20)).get(random.nextInt(4)));
      case 6:
        return BigIntegerNode.valueOf(BigInteger.valueOf(random.nextLong()).shiftLeft(70));
      case 7:
        return JsonNodeFactory.instance.booleanNode(random.nextBoolean());
      case 8:
        return JsonNodeFactory.instance.nullNode();
      case 9:
        return BinaryNode.valueOf(string().getBytes(StandardCharsets.UTF_8));
      case 10:
        Map<String, Object> pojo = new LinkedHashMap<>();
        pojo.put(string(), List.of(anyDouble(), string()));
        return new POJONode(pojo);
      case 11:
        return JsonNodeFactory.instance.objectNode();
      case 12:
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(tree(depth - 1));
        }
        return array;
      default:
        return object(depth);
    }
  }

  /** A string of awkward fragments; now and then one long enough to cross the generator's buffer. */
  private String string() {
    StringBuilder text = new StringBuilder();
    int fragments = random.nextInt(50) == 0 ? 3000 : random.nextInt(5);
    for (int i = 0; i < fragments; i++) {
      text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
    }
    return text.toString();
  }

  private String name() {
    String alphabet = "abcXYZ019_-";
    StringBuilder name = new StringBuilder();
    for (int i = 1 + random.nextInt(64); i > 0; i--) {
      name.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return name.toString();
  }

  private double anyDouble() {
    return random.nextBoolean() ? ANY_DOUBLES[random.nextInt(ANY_DOUBLES.length)]
        : Double.longBitsToDouble(random.nextLong());
  }

  private double inRange(double min, double max) {
    switch (random.nextInt(5)) {
      case 0:
        return min;
      case 1:
        return max;
      case 2:
        return min <= 0 && max >= 0 ? -0.0 : min;
      case 3:
        return Math.max(min, Math.min(max, Double.MIN_VALUE * random.nextInt(1000)));
      default:
        return min + (max - min) * random.nextDouble();
    }
  }

  private boolean set() {
    return random.nextDouble() < density;
  }

  private <T> Optional<T> optional(Supplier<T> value) {
    return set() ? Optional.of(value.get()) : Optional.empty();
  }

  private OptionalDouble optionalDouble(double min, double max) {
    return set() ? OptionalDouble.of(inRange(min, max)) : OptionalDouble.empty();
  }

  private OptionalDouble anyOptionalDouble() {
    return set() ? OptionalDouble.of(anyDouble()) : OptionalDouble.empty();
  }

  private OptionalInt optionalInt(int min, int max) {
    if (!set()) {
      return OptionalInt.empty();
    }
    int choice = random.nextInt(3);
    return OptionalInt.of(choice == 0 ? min : choice == 1 ? max : min + (int) (random.nextDouble() * ((double) max - min)));
  }

  private <T> List<T> list(Supplier<T> element) {
    return set() ? nonEmptyList(element) : List.of();
  }

  private <T> List<T> nonEmptyList(Supplier<T> element) {
    List<T> list = new ArrayList<>();
    for (int i = random.nextInt(3); i >= 0; i--) {
      list.add(element.get());
    }
    return list;
  }
}
