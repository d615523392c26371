package dev.fireworks4j.routers.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.core.error.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The deployment fields to change. Only the fields set here are sent, and the update mask names exactly
 * them, so the server leaves every other field alone. {@link #toString()} never shows the direct-route
 * API keys.
 */
@Value.Immutable
public abstract class DeploymentUpdateParams {
  DeploymentUpdateParams() {}

  /** The new base model; when absent the current one is sent, since the server requires it. */
  public abstract Optional<String> baseModel();

  /** The new human-readable name. */
  public abstract Optional<String> displayName();

  /** The new description. */
  public abstract Optional<String> description();

  /** The new minimum replica count. */
  public abstract Optional<Integer> minReplicaCount();

  /** The new maximum replica count. */
  public abstract Optional<Integer> maxReplicaCount();

  /** The autoscaling settings to change; only the policy fields set here are updated. */
  public abstract Optional<AutoscalingPolicy> autoscalingPolicy();

  /** The new accelerator type. */
  public abstract Optional<AcceleratorType> acceleratorType();

  /** The new number of accelerators per replica. */
  public abstract Optional<Integer> acceleratorCount();

  /** The new serving precision. */
  public abstract Optional<Precision> precision();

  /** The new deployment shape. */
  public abstract Optional<String> deploymentShape();

  /** The new longest context to serve. */
  public abstract Optional<Integer> maxContextLength();

  /** Whether to enable LoRA (PEFT) addons. */
  public abstract Optional<Boolean> enableAddons();

  /** The new draft model for speculative decoding. */
  public abstract Optional<String> draftModel();

  /** The new number of candidate tokens per speculative step. */
  public abstract Optional<Integer> draftTokenCount();

  /** The new placement. */
  public abstract Optional<Placement> placement();

  /** The new direct route type. */
  public abstract Optional<DirectRouteType> directRouteType();

  /** The new direct-route API keys, replacing the old ones (secret). */
  @Value.Redacted
  public abstract Optional<List<String>> directRouteApiKeys();

  /** Whether requests with the same {@code user} stick to one replica. */
  public abstract Optional<Boolean> enableSessionAffinity();

  /** The new annotations, replacing the old ones. */
  public abstract Optional<Map<String, String>> annotations();

  /** Extra body fields sent as they are and added to the update mask, for fields this SDK does not model. */
  public abstract Map<String, JsonNode> additionalBodyProperties();

  /** Skips validating a new deployment shape. */
  @Value.Default
  public boolean skipShapeValidation() {
    return false;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank("baseModel", baseModel());
    Checks.displayName(displayName());
    Checks.replicaRange(minReplicaCount(), maxReplicaCount());
    Checks.notNegative("acceleratorCount", acceleratorCount());
    boolean any = baseModel().isPresent() || displayName().isPresent() || description().isPresent()
        || minReplicaCount().isPresent() || maxReplicaCount().isPresent() || autoscalingPolicy().isPresent()
        || acceleratorType().isPresent() || acceleratorCount().isPresent() || precision().isPresent()
        || deploymentShape().isPresent() || maxContextLength().isPresent() || enableAddons().isPresent()
        || draftModel().isPresent() || draftTokenCount().isPresent() || placement().isPresent()
        || directRouteType().isPresent() || directRouteApiKeys().isPresent()
        || enableSessionAffinity().isPresent() || annotations().isPresent() || !additionalBodyProperties().isEmpty();
    if (!any) {
      throw new ValidationException("params", "set at least one field to update");
    }
  }

  /** Builds {@link DeploymentUpdateParams}. */
  public static final class Builder extends ImmutableDeploymentUpdateParams.Builder {}
}
