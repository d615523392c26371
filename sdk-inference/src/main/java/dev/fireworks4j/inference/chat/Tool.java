package dev.fireworks4j.inference.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.fireworks4j.core.error.ValidationException;
import java.util.Optional;
import org.immutables.value.Value;

/** A tool the model may call ({@code ChatCompletionTool}); only functions exist. */
@Value.Immutable
@RequestStyle
@JsonSerialize(as = ImmutableTool.class)
public abstract class Tool {
  Tool() {}

  /** Always {@code function} today. */
  @JsonProperty("type")
  @Value.Default
  public String type() {
    return "function";
  }

  /** The function. */
  @JsonProperty("function")
  public abstract Function function();

  /** A function tool. */
  public static Tool function(Function function) {
    return ImmutableTool.builder().function(function).build();
  }

  /**
   * A function tool with a name, a description and a JSON Schema object of its parameters
   * ({@code {"type":"object","properties":{...},"required":[...]}}).
   */
  public static Tool function(String name, String description, JsonNode parameters) {
    return function(Function.builder().name(name).description(description).parameters(parameters).build());
  }

  /** A function the model may call ({@code ChatCompletionFunction}). */
  @Value.Immutable
  @JsonSerialize(as = ImmutableFunction.class)
  public abstract static class Function {
    /** The longest name the server accepts. */
    public static final int MAX_NAME_LENGTH = 64;

    Function() {}

    /** The name: letters, digits, {@code _} and {@code -}, at most 64 characters. */
    @JsonProperty("name")
    public abstract String name();

    /** What the function does, which the model uses to decide when and how to call it. */
    @JsonProperty("description")
    public abstract Optional<String> description();

    /** The parameters as a JSON Schema object. */
    @JsonProperty("parameters")
    public abstract Optional<JsonNode> parameters();

    /** Whether the model must follow the schema exactly. */
    @JsonProperty("strict")
    public abstract Optional<Boolean> strict();

    /** A builder. */
    public static Builder builder() {
      return new Builder();
    }

    @Value.Check
    void check() {
      if (name().isEmpty() || name().length() > MAX_NAME_LENGTH
          || !name().chars().allMatch(c -> c == '_' || c == '-' || Character.isLetterOrDigit(c) && c < 128)) {
        throw new ValidationException("tools.function.name",
            "\"" + name() + "\" must be 1 to 64 letters, digits, '_' or '-'");
      }
      if (parameters().isPresent() && !parameters().get().isObject()) {
        throw new ValidationException("tools.function.parameters", "must be a JSON Schema object");
      }
    }

    /** Builds a {@link Function}. */
    public static final class Builder extends ImmutableFunction.Builder {}
  }
}
