package dev.fireworks4j.routers.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** What to create a router with: its deployments (at least one) and optional id, name, model, strategy. */
@Value.Immutable
public abstract class RouterCreateParams {
  RouterCreateParams() {}

  /** The id of the new router; the server generates one when absent. */
  public abstract Optional<String> routerId();

  /** The human-readable name. */
  public abstract Optional<String> displayName();

  /** The deployments to cover: short ids in the client's account or full names; at least one. */
  public abstract List<String> deployments();

  /** The model to route to; only for single-region deployments. */
  public abstract Optional<String> model();

  /** The strategy; absent leaves the choice to the server (weighted random). */
  public abstract Optional<RouterStrategy> strategy();

  /** Whether any account may query the underlying workload. */
  public abstract Optional<Boolean> isPublic();

  /** Extra body fields sent as they are, for fields this SDK version does not model. */
  public abstract Map<String, JsonNode> additionalBodyProperties();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Checks.deployments(deployments());
    Checks.notBlank("routerId", routerId());
    Checks.displayName(displayName());
  }

  /** Builds {@link RouterCreateParams}. */
  public static final class Builder extends ImmutableRouterCreateParams.Builder {}
}
