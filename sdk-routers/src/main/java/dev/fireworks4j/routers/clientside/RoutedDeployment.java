package dev.fireworks4j.routers.clientside;

import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.model.State;
import java.util.Objects;
import java.util.Optional;

/**
 * One deployment behind a router, as a {@link TopologySource} reports it.
 *
 * @param name the deployment's full name, {@code accounts/<account>/deployments/<id>}: its key in the picker and
 *     its {@code model} on the gateway
 * @param state the deployment's lifecycle state
 * @param replicas the number of replicas serving it, not negative
 * @param directRouteHandle the host of its internet direct route, if it has one
 * @param directRouteKey a key its direct route accepts, if known (secret: shown redacted)
 */
public record RoutedDeployment(
    String name, State state, int replicas, Optional<String> directRouteHandle, Optional<ApiKey> directRouteKey) {

  /** Checks the fields. */
  public RoutedDeployment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(directRouteHandle, "directRouteHandle");
    Objects.requireNonNull(directRouteKey, "directRouteKey");
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas of " + name + " must not be negative, was " + replicas);
    }
  }

  /** A deployment without a direct route. */
  public static RoutedDeployment of(String name, State state, int replicas) {
    return new RoutedDeployment(name, state, replicas, Optional.empty(), Optional.empty());
  }

  /** This deployment with an internet direct route at {@code handle}, which accepts {@code key}. */
  public RoutedDeployment withDirectRoute(String handle, ApiKey key) {
    return new RoutedDeployment(name, state, replicas, Optional.of(handle), Optional.of(key));
  }

  /**
   * Whether the deployment takes traffic: it is {@code READY}, or {@code UPDATING} (a change such as a scale is
   * being applied while its replicas keep serving).
   */
  public boolean serving() {
    return state.equals(State.READY) || state.equals(State.UPDATING);
  }
}
