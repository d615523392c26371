package dev.fireworks4j.routers.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A recurring window with a minimum replica count ({@code gatewayScalingSchedule}): a cron start time in a
 * time zone plus a duration. When schedules overlap, the highest minimum wins.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableScalingSchedule.class)
@JsonDeserialize(as = ImmutableScalingSchedule.class)
public abstract class ScalingSchedule {
  ScalingSchedule() {}

  /** The minimum number of replicas while the schedule is active. */
  public abstract int minReplicaCount();

  /** When the window starts: a five-field cron expression such as {@code "0 8 * * Mon-Fri"}. */
  public abstract String schedule();

  /** How long the window lasts after it starts: whole seconds, from 5 minutes to 7 days. */
  public abstract Duration duration();

  /** The IANA time zone of the cron expression, such as {@code "America/New_York"}. */
  public abstract String timezone();

  /** A human-readable description. */
  public abstract Optional<String> description();

  /** Whether the schedule is temporarily disabled. */
  public abstract Optional<Boolean> disabled();

  /** Fields this SDK version does not know, kept and written back. */
  @JsonAnyGetter
  public abstract Map<String, JsonNode> additionalProperties();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ScalingSchedule}. */
  public static final class Builder extends ImmutableScalingSchedule.Builder {}
}
