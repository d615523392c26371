package dev.fireworks4j.routers.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.core.error.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** The router fields to change; only the fields set here are sent. */
@Value.Immutable
public abstract class RouterUpdateParams {
  RouterUpdateParams() {}

  /** The new human-readable name. */
  public abstract Optional<String> displayName();

  /** The new deployment list, replacing the old one: short ids or full names; at least one. */
  public abstract Optional<List<String>> deployments();

  /** The new model. */
  public abstract Optional<String> model();

  /** The new strategy. */
  public abstract Optional<RouterStrategy> strategy();

  /** The new visibility. */
  public abstract Optional<Boolean> isPublic();

  /** Extra body fields sent as they are, for fields this SDK version does not model. */
  public abstract Map<String, JsonNode> additionalBodyProperties();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    deployments().ifPresent(Checks::deployments);
    Checks.displayName(displayName());
    if (displayName().isEmpty() && deployments().isEmpty() && model().isEmpty() && strategy().isEmpty()
        && isPublic().isEmpty() && additionalBodyProperties().isEmpty()) {
      throw new ValidationException("params", "set at least one field to update");
    }
  }

  /** Builds {@link RouterUpdateParams}. */
  public static final class Builder extends ImmutableRouterUpdateParams.Builder {
    /** Replaces the router's deployments with these short ids or full names. */
    public Builder deployments(String... deployments) {
      deployments(List.of(deployments));
      return this;
    }
  }
}
