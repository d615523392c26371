package dev.fireworks4j.routers.traffic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a migration plan expects to hold between two steps: whether the router exists, which deployments it
 * covers, and the replica count of the old and the new deployment.
 */
record PlanState(boolean routerExists, List<String> routerDeployments, int oldReplicas, int newReplicas) {
  PlanState {
    routerDeployments = List.copyOf(routerDeployments);
  }

  PlanState withRouter(List<String> deployments) {
    return new PlanState(true, deployments, oldReplicas, newReplicas);
  }

  PlanState withReplicas(int old, int updated) {
    return new PlanState(routerExists, routerDeployments, old, updated);
  }

  /** The split of the router's traffic in this state (no deployments when the router does not exist). */
  TrafficSplit split(String from, String to) {
    Map<String, Integer> replicas = new LinkedHashMap<>();
    if (routerExists) {
      for (String deployment : routerDeployments) {
        replicas.put(deployment, deployment.equals(from) ? oldReplicas : newReplicas);
      }
    }
    return TrafficSplit.ofReplicas(replicas);
  }

  int replicasOf(String deployment, String from) {
    return deployment.equals(from) ? oldReplicas : newReplicas;
  }
}
