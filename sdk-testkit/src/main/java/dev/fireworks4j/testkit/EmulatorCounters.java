package dev.fireworks4j.testkit;

import java.util.Map;

/**
 * A snapshot of the emulator's inference counters.
 *
 * @param requests inference requests received (authenticated or not)
 * @param notFound requests answered 404 because the model did not resolve or was not accessible
 * @param unavailable requests answered 503 because no deployment behind the model had a replica
 * @param requestsByRouter requests by the name of the router that resolved the model (auto-generated routers
 *     included)
 * @param deployments counters by deployment name ({@code accounts/<account>/deployments/<id>})
 */
public record EmulatorCounters(
    long requests, long notFound, long unavailable, Map<String, Long> requestsByRouter,
    Map<String, DeploymentCounters> deployments) {
  /** Copies the maps. */
  public EmulatorCounters {
    requestsByRouter = Map.copyOf(requestsByRouter);
    deployments = Map.copyOf(deployments);
  }

  /** The counters of one deployment, or all zeros when it received no traffic. */
  public DeploymentCounters deployment(String deploymentName) {
    return deployments.getOrDefault(deploymentName, new DeploymentCounters(0, 0, 0, 0, Map.of()));
  }
}
