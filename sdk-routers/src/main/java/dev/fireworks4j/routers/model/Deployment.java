package dev.fireworks4j.routers.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.fireworks4j.core.model.State;
import dev.fireworks4j.core.model.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A deployment ({@code gatewayDeployment}): replicas serving a base model, named
 * {@code accounts/{account}/deployments/{id}}.
 *
 * <p>This is the value the server returns. The fields that routers, scaling and traffic migration use are
 * typed here; every other field of the spec is kept in {@link #additionalProperties()}. To create or change
 * a deployment use {@link DeploymentCreateParams} and {@link DeploymentUpdateParams}. {@link #toString()}
 * never shows the direct-route API keys.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDeployment.class)
@JsonDeserialize(as = ImmutableDeployment.class)
public abstract class Deployment {
  Deployment() {}

  /** The resource name, {@code accounts/{account}/deployments/{id}} (read-only). */
  public abstract Optional<String> name();

  /** The human-readable name (fewer than 64 characters). */
  public abstract Optional<String> displayName();

  /** The description. */
  public abstract Optional<String> description();

  /** The base model, such as {@code accounts/fireworks/models/llama-v3p1-8b-instruct}. */
  public abstract Optional<String> baseModel();

  /** The lifecycle state (read-only). */
  public abstract Optional<State> state();

  /** Details of the most recent operation, such as why creation failed (read-only). */
  public abstract Optional<Status> status();

  /** The minimum replica count (server default 0). */
  public abstract Optional<Integer> minReplicaCount();

  /** The maximum replica count (server default {@code max(minReplicaCount, 1)}). */
  public abstract Optional<Integer> maxReplicaCount();

  /** The replica count the system is moving towards (read-only). */
  public abstract Optional<Integer> desiredReplicaCount();

  /** The current replica count (read-only); absent means 0. */
  public abstract Optional<Integer> replicaCount();

  /** How many replicas are in each stage of starting up (read-only). */
  public abstract Optional<ReplicaStats> replicaStats();

  /** The autoscaling policy. */
  public abstract Optional<AutoscalingPolicy> autoscalingPolicy();

  /** The accelerator type of each replica. */
  public abstract Optional<AcceleratorType> acceleratorType();

  /** The number of accelerators per replica. */
  public abstract Optional<Integer> acceleratorCount();

  /** The serving precision. */
  public abstract Optional<Precision> precision();

  /** The deployment shape (the server replaces it with a shape version name). */
  public abstract Optional<String> deploymentShape();

  /** The longest context served; 0 or absent means the model's default. */
  public abstract Optional<Integer> maxContextLength();

  /** Whether LoRA (PEFT) addons are enabled. */
  public abstract Optional<Boolean> enableAddons();

  /** The draft model for speculative decoding. */
  public abstract Optional<String> draftModel();

  /** Candidate tokens generated per step of speculative decoding. */
  public abstract Optional<Integer> draftTokenCount();

  /** Where the deployment may be placed; unspecified means the {@code GLOBAL} multi-region. */
  public abstract Optional<Placement> placement();

  /** The region the deployment runs in now, within its placement (read-only). */
  public abstract Optional<Region> region();

  /** How the direct route, which bypasses the API gateway, is exposed. */
  public abstract Optional<DirectRouteType> directRouteType();

  /** The API keys the direct route accepts (secret: never shown by {@link #toString()}). */
  @Value.Redacted
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> directRouteApiKeys();

  /** The direct route's handle: a host name, a PSC service attachment or a VPC endpoint service (read-only). */
  public abstract Optional<String> directRouteHandle();

  /** Whether requests with the same {@code user} stick to one replica. */
  public abstract Optional<Boolean> enableSessionAffinity();

  /** Key/value annotations for external tools. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> annotations();

  /** When the deployment was created (read-only). */
  public abstract Optional<Instant> createTime();

  /** When the deployment was last updated (read-only). */
  public abstract Optional<Instant> updateTime();

  /** When the deployment will be soft-deleted (read-only). */
  public abstract Optional<Instant> deleteTime();

  /** When the deployment will be hard-deleted (read-only). */
  public abstract Optional<Instant> purgeTime();

  /** Fields this SDK version does not know, kept and written back. */
  @JsonAnyGetter
  public abstract Map<String, JsonNode> additionalProperties();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Deployment}. */
  public static final class Builder extends ImmutableDeployment.Builder {}
}
