package dev.fireworks4j.inference.completions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.core.name.ResourceName;
import dev.fireworks4j.inference.GenerationParams;
import dev.fireworks4j.inference.internal.ParamChecks;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A text completion request ({@code CompletionRequest}): the model, the prompt, and the generation
 * settings of {@link GenerationParams}. Checked when built: a problem throws a
 * {@link ValidationException} naming the field.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCompletionParams.class)
public abstract class CompletionParams implements GenerationParams {
  CompletionParams() {}

  /** The prompt to continue (required). */
  @JsonProperty("prompt")
  public abstract Optional<Prompt> prompt();

  /** Base64 data URLs of images for vision models, one per {@code <image>} token in the prompt. */
  @JsonProperty("images")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> images();

  /** Return the log probabilities of this many most likely tokens per position, 0 to 5 (legacy shape). */
  @JsonProperty("logprobs")
  public abstract OptionalInt logprobs();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these parameters, to derive a changed copy. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  @Value.Check
  void check() {
    ParamChecks.generation(this);
    if (prompt().isEmpty()) {
      throw new ValidationException("prompt", "is required");
    }
    ParamChecks.range("logprobs", logprobs(), 0, 5);
  }

  /** Builds {@link CompletionParams}. */
  public static final class Builder extends ImmutableCompletionParams.Builder {
    /** The model as a typed name: a {@code RouterName} (router alias), {@code DeploymentName} or {@code ModelName}. */
    public Builder model(ResourceName model) {
      return model(model.toString());
    }

    /** A text prompt. */
    public Builder prompt(String text) {
      return prompt(Prompt.of(text));
    }

    /** Adds an extra body field, converted to JSON: the escape hatch for fields this SDK does not model. */
    public Builder putAdditionalBodyProperty(String name, Object value) {
      JsonNode json = Json.mapper().valueToTree(value);
      return putAdditionalBodyProperty(name, json);
    }
  }
}
