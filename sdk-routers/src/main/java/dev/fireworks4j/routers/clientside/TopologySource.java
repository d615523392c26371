package dev.fireworks4j.routers.clientside;

import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.routers.DeploymentsClient;
import dev.fireworks4j.routers.RoutersClient;

/**
 * Where a {@link ClientSideRouter} learns a router's deployments, their replica counts and direct routes. The
 * default, {@link #controlPlane}, asks the Fireworks control plane; tests and service-discovery setups can
 * supply their own. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface TopologySource {
  /**
   * Fetches the current topology of {@code router}.
   *
   * @throws dev.fireworks4j.core.error.FireworksException or another runtime exception when it cannot be fetched
   */
  RouterTopology fetch(RouterName router);

  /**
   * The control plane: gets the router, then each of its deployments (a deployment that no longer exists is
   * left out). A deployment's direct-route handle is used only when its {@code directRouteType} is
   * {@code INTERNET}, and its first {@code directRouteApiKeys} entry is its direct-route key.
   */
  static TopologySource controlPlane(RoutersClient routers, DeploymentsClient deployments) {
    return new ControlPlaneTopology(routers, deployments);
  }
}
