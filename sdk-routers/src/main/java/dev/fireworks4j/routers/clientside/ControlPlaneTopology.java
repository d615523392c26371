package dev.fireworks4j.routers.clientside;

import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.error.NotFoundException;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.model.State;
import dev.fireworks4j.core.name.DeploymentName;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.routers.DeploymentsClient;
import dev.fireworks4j.routers.RoutersClient;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.DirectRouteType;
import dev.fireworks4j.routers.model.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The topology of a router read from the control plane: the router, then each deployment it covers. */
final class ControlPlaneTopology implements TopologySource {
  private final RoutersClient routers;
  private final DeploymentsClient deployments;

  ControlPlaneTopology(RoutersClient routers, DeploymentsClient deployments) {
    this.routers = Objects.requireNonNull(routers, "routers");
    this.deployments = Objects.requireNonNull(deployments, "deployments");
  }

  @Override
  public RouterTopology fetch(RouterName router) {
    Router found = routers.get(router.toString());
    List<RoutedDeployment> list = new ArrayList<>();
    for (String deployment : found.deployments()) {
      DeploymentName name = DeploymentName.resolve(deployment, router.accountId());
      try {
        list.add(routed(name, deployments.get(name.toString())));
      } catch (NotFoundException e) {
        // deleted since the router was read, or never created: it takes no traffic
      }
    }
    return new RouterTopology(found.strategy(), list);
  }

  private static RoutedDeployment routed(DeploymentName name, Deployment deployment) {
    Optional<String> handle = deployment.directRouteType().filter(DirectRouteType.INTERNET::equals)
        .flatMap(type -> deployment.directRouteHandle()).filter(text -> !text.isBlank());
    return new RoutedDeployment(name.toString(), deployment.state().orElse(State.STATE_UNSPECIFIED),
        Math.max(0, deployment.replicaCount().orElse(0)), handle, firstKey(deployment.directRouteApiKeys()));
  }

  /** The first direct-route key, or none when it is absent or not usable as a bearer token. */
  private static Optional<ApiKey> firstKey(List<String> keys) {
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ApiKey.of(keys.get(0)));
    } catch (ValidationException e) {
      return Optional.empty();
    }
  }
}
