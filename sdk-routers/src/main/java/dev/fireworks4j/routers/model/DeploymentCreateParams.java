package dev.fireworks4j.routers.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.core.error.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What to create a deployment with: the base model (required), the deployment's settings, and the flags of
 * the create call ({@code deploymentId}, {@code validateOnly}, …). {@link #toString()} never shows the
 * direct-route API keys.
 */
@Value.Immutable
public abstract class DeploymentCreateParams {
  DeploymentCreateParams() {}

  /** The id of the new deployment; the server generates one when absent. */
  public abstract Optional<String> deploymentId();

  /** The base model, such as {@code accounts/fireworks/models/llama-v3p1-8b-instruct} (required). */
  public abstract Optional<String> baseModel();

  /** The human-readable name (fewer than 64 characters). */
  public abstract Optional<String> displayName();

  /** The description. */
  public abstract Optional<String> description();

  /** The minimum replica count. */
  public abstract Optional<Integer> minReplicaCount();

  /** The maximum replica count. */
  public abstract Optional<Integer> maxReplicaCount();

  /** The autoscaling policy. */
  public abstract Optional<AutoscalingPolicy> autoscalingPolicy();

  /** The accelerator type. */
  public abstract Optional<AcceleratorType> acceleratorType();

  /** The number of accelerators per replica. */
  public abstract Optional<Integer> acceleratorCount();

  /** The serving precision. */
  public abstract Optional<Precision> precision();

  /** The deployment shape. */
  public abstract Optional<String> deploymentShape();

  /** The longest context to serve; 0 means the model's default. */
  public abstract Optional<Integer> maxContextLength();

  /** Whether to enable LoRA (PEFT) addons. */
  public abstract Optional<Boolean> enableAddons();

  /** The draft model for speculative decoding. */
  public abstract Optional<String> draftModel();

  /** Candidate tokens per step of speculative decoding. */
  public abstract Optional<Integer> draftTokenCount();

  /** Where the deployment may be placed. */
  public abstract Optional<Placement> placement();

  /** How to expose a direct route (deprecated by Fireworks in favour of the gateway). */
  public abstract Optional<DirectRouteType> directRouteType();

  /** The API keys the direct route accepts (secret). */
  @Value.Redacted
  public abstract List<String> directRouteApiKeys();

  /** Whether requests with the same {@code user} stick to one replica. */
  public abstract Optional<Boolean> enableSessionAffinity();

  /** Key/value annotations. */
  public abstract Map<String, String> annotations();

  /** Extra body fields sent as they are, for fields this SDK version does not model. */
  public abstract Map<String, JsonNode> additionalBodyProperties();

  /** Returns what would be created without creating it. */
  @Value.Default
  public boolean validateOnly() {
    return false;
  }

  /** Does not deploy an undeployed base model to this deployment. */
  @Value.Default
  public boolean disableAutoDeploy() {
    return false;
  }

  /** Turns off the base model's speculative decoding settings. */
  @Value.Default
  public boolean disableSpeculativeDecoding() {
    return false;
  }

  /** Skips validating the deployment shape. */
  @Value.Default
  public boolean skipShapeValidation() {
    return false;
  }

  /** Skips the image tag policy check. */
  @Value.Default
  public boolean skipImageTagValidation() {
    return false;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (baseModel().isEmpty()) {
      throw new ValidationException("baseModel", "is required, such as accounts/fireworks/models/<model>");
    }
    Checks.notBlank("baseModel", baseModel());
    Checks.notBlank("deploymentId", deploymentId());
    Checks.displayName(displayName());
    Checks.replicaRange(minReplicaCount(), maxReplicaCount());
    Checks.notNegative("acceleratorCount", acceleratorCount());
  }

  /** Builds {@link DeploymentCreateParams}. */
  public static final class Builder extends ImmutableDeploymentCreateParams.Builder {}
}
