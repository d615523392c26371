package dev.fireworks4j.inference.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A call the model asks for ({@code ChatCompletionMessageToolCall}); only function calls exist. */
@Value.Immutable
@JsonSerialize(as = ImmutableToolCall.class)
@JsonDeserialize(as = ImmutableToolCall.class)
public abstract class ToolCall {
  ToolCall() {}

  /** The call's id, which the {@code tool} message answering it repeats as {@code tool_call_id}. */
  @JsonProperty("id")
  public abstract Optional<String> id();

  /** Always {@code function} today. */
  @JsonProperty("type")
  @Value.Default
  public String type() {
    return "function";
  }

  /** The function and its arguments. */
  @JsonProperty("function")
  public abstract FunctionCall function();

  /** Fields this SDK version does not know, kept and written back. */
  @JsonAnyGetter
  public abstract Map<String, JsonNode> additionalProperties();

  /** A function call with this id, function name and JSON arguments. */
  public static ToolCall function(String id, String name, String arguments) {
    return builder().id(id).function(FunctionCall.of(name, arguments)).build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ToolCall}. */
  public static final class Builder extends ImmutableToolCall.Builder {}

  /** The function of a call and its arguments as generated ({@code ChatCompletionMessageToolCallFunction}). */
  @Value.Immutable
  @JsonSerialize(as = ImmutableFunctionCall.class)
  @JsonDeserialize(as = ImmutableFunctionCall.class)
  public abstract static class FunctionCall {
    FunctionCall() {}

    /** The function's name. */
    @JsonProperty("name")
    @JsonSetter(nulls = Nulls.SKIP)
    @Value.Default
    public String name() {
      return "";
    }

    /**
     * The arguments as JSON text. The model may produce invalid JSON or parameters the function does not
     * declare: validate before calling.
     */
    @JsonProperty("arguments")
    @JsonDeserialize(using = ArgumentsReader.class)
    @Value.Default
    public String arguments() {
      return "";
    }

    /** Fields this SDK version does not know, kept and written back. */
    @JsonAnyGetter
    public abstract Map<String, JsonNode> additionalProperties();

    /** A call of {@code name} with JSON {@code arguments}. */
    public static FunctionCall of(String name, String arguments) {
      return ImmutableFunctionCall.builder().name(name).arguments(arguments).build();
    }
  }
}
