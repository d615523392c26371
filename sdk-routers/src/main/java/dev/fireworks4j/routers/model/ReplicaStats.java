package dev.fireworks4j.routers.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** How many of a deployment's replicas are in each stage of starting up ({@code gatewayReplicaStats}, read-only). */
@Value.Immutable
@JsonSerialize(as = ImmutableReplicaStats.class)
@JsonDeserialize(as = ImmutableReplicaStats.class)
public abstract class ReplicaStats {
  ReplicaStats() {}

  /** Replicas waiting to be scheduled to a node. */
  public abstract Optional<Integer> pendingSchedulingReplicaCount();

  /** Replicas downloading model weights. */
  public abstract Optional<Integer> downloadingModelReplicaCount();

  /** Replicas initializing the model server. */
  public abstract Optional<Integer> initializingReplicaCount();

  /** Replicas ready and serving traffic. */
  public abstract Optional<Integer> readyReplicaCount();

  /** Replicas running on revocable capacity. */
  public abstract Optional<Integer> revocableReplicaCount();

  /** Partial replicas before a full replica is ready. */
  public abstract Optional<Double> partialReplicaCount();

  /** Fields this SDK version does not know, kept and written back. */
  @JsonAnyGetter
  public abstract Map<String, JsonNode> additionalProperties();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ReplicaStats}. */
  public static final class Builder extends ImmutableReplicaStats.Builder {}
}
