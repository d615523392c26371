package dev.fireworks4j.testkit.internal.control;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the inference gateway needs to know about the control plane at one moment, immutable: every model alias
 * that currently routes, and every deployment that exists and is not deleted.
 *
 * @param routesByAlias the serving router behind each alias ({@code accounts/a/routers/r},
 *     {@code accounts/a/deployments/d}, {@code a/d}, {@code accounts/a/models/m})
 * @param deployments deployments by name
 * @param deploymentsByHandle deployments with an INTERNET direct route, by lower-case handle
 */
public record ServingState(
    Map<String, RouteView> routesByAlias, Map<String, DeploymentView> deployments,
    Map<String, DeploymentView> deploymentsByHandle) {

  /** Nothing routes. */
  public static final ServingState EMPTY = new ServingState(Map.of(), Map.of(), Map.of());

  /** Copies the maps. */
  public ServingState {
    routesByAlias = Map.copyOf(routesByAlias);
    deployments = Map.copyOf(deployments);
    deploymentsByHandle = Map.copyOf(deploymentsByHandle);
  }

  /**
   * A router as it currently serves (an update takes effect when it has applied).
   *
   * @param routerName the router's name
   * @param account the owning account
   * @param isPublic whether other accounts may send it traffic
   * @param evenLoad whether it balances by load rather than weighted random
   * @param deployments the deployment names it covers
   */
  public record RouteView(String routerName, String account, boolean isPublic, boolean evenLoad,
      List<String> deployments) {
    /** Copies the list. */
    public RouteView {
      deployments = List.copyOf(deployments);
    }
  }

  /**
   * A deployment as the gateway sees it.
   *
   * @param name {@code accounts/<account>/deployments/<id>}
   * @param account the owning account
   * @param replicas the replicas serving now (0 while creating, deleting or scaled to zero)
   * @param sessionAffinity whether requests with the same {@code user} stick to one replica
   * @param directRouteKeys the keys accepted on its direct route
   */
  public record DeploymentView(String name, String account, int replicas, boolean sessionAffinity,
      Set<String> directRouteKeys) {
    /** Copies the set. */
    public DeploymentView {
      directRouteKeys = Set.copyOf(directRouteKeys);
    }
  }
}
