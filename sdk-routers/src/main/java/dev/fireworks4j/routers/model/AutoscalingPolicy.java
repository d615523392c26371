package dev.fireworks4j.routers.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** How a deployment scales between its minimum and maximum replica counts ({@code gatewayAutoscalingPolicy}). */
@Value.Immutable
@JsonSerialize(as = ImmutableAutoscalingPolicy.class)
@JsonDeserialize(as = ImmutableAutoscalingPolicy.class)
public abstract class AutoscalingPolicy {
  AutoscalingPolicy() {}

  /** How long increased load must last before scaling up (server default 30 s, at most 1 h). */
  public abstract Optional<Duration> scaleUpWindow();

  /** How long decreased load must last before scaling down (server default 10 min, at most 1 h). */
  public abstract Optional<Duration> scaleDownWindow();

  /** How long without requests before scaling to zero when the minimum is 0 (server default 1 h, at least 5 min). */
  public abstract Optional<Duration> scaleToZeroWindow();

  /** Target utilisation per load metric; the server supports the {@code "default"} key (default 0.8). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, Double> loadTargets();

  /** Named schedules that raise the minimum replica count in recurring windows (at most 5). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, ScalingSchedule> scalingSchedules();

  /** Fields this SDK version does not know, kept and written back. */
  @JsonAnyGetter
  public abstract Map<String, JsonNode> additionalProperties();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AutoscalingPolicy}. */
  public static final class Builder extends ImmutableAutoscalingPolicy.Builder {}
}
