package dev.fireworks4j.routers.clientside;

import dev.fireworks4j.routers.model.RouterStrategy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A router's strategy and deployments, as a {@link TopologySource} fetched them.
 *
 * @param strategy the router's strategy; absent means the server default, weighted random
 * @param deployments the deployments the router covers
 */
public record RouterTopology(Optional<RouterStrategy> strategy, List<RoutedDeployment> deployments) {
  /** Checks and copies the fields. */
  public RouterTopology {
    Objects.requireNonNull(strategy, "strategy");
    deployments = List.copyOf(deployments);
  }
}
