package dev.fireworks4j.routers.clientside;

import dev.fireworks4j.core.endpoint.Endpoint;
import dev.fireworks4j.core.endpoint.EndpointResolver;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.routers.model.RouterStrategy;
import dev.fireworks4j.routers.picker.PickStrategy;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * One immutable generation of a router's topology as routing needs it: each deployment's weight for the picker,
 * the endpoint of each deployment that can take traffic, the strategy, and why the others cannot.
 */
final class RoutingView {
  static final RoutingView EMPTY = new RoutingView(Map.of(), Map.of(), PickStrategy.WEIGHTED_RANDOM, "none fetched");

  private final Map<String, Integer> weights;
  private final Map<String, Endpoint> endpoints;
  private final PickStrategy strategy;
  private final String description;

  private RoutingView(Map<String, Integer> weights, Map<String, Endpoint> endpoints, PickStrategy strategy,
      String description) {
    this.weights = weights;
    this.endpoints = endpoints;
    this.strategy = strategy;
    this.description = description;
  }

  /**
   * The view of {@code topology}: a deployment's weight is its replica count when it is serving and reachable in
   * {@code mode}, else zero. {@code strategy} overrides the router's when not null.
   */
  static RoutingView of(RouterTopology topology, RoutingMode mode, PickStrategy strategy, EndpointResolver gateway,
      Function<String, URI> directRouteUri) {
    Map<String, Integer> weights = new LinkedHashMap<>();
    Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    StringJoiner description = new StringJoiner("; ", "[", "]");
    for (RoutedDeployment d : topology.deployments()) {
      String unusable = !d.serving() ? d.state().value() : d.replicas() == 0 ? "0 replicas" : null;
      Endpoint endpoint = null;
      if (unusable == null) {
        try {
          endpoint = endpoint(d, mode, gateway, directRouteUri);
        } catch (IllegalArgumentException e) {
          unusable = e.getMessage();
        }
      }
      weights.put(d.name(), endpoint == null ? 0 : d.replicas());
      if (endpoint != null) {
        endpoints.put(d.name(), endpoint);
      }
      description.add(d.name() + ": " + (unusable == null ? d.replicas() + " replica(s)" : unusable));
    }
    PickStrategy chosen = strategy != null
        ? strategy
        : pickStrategy(topology.strategy().orElse(RouterStrategy.WEIGHTED_RANDOM));
    return new RoutingView(Collections.unmodifiableMap(weights), Collections.unmodifiableMap(endpoints), chosen,
        topology.deployments().isEmpty() ? "the router has no deployments" : description.toString());
  }

  /** Where requests for {@code d} go; {@link IllegalArgumentException} when it cannot be reached in {@code mode}. */
  private static Endpoint endpoint(RoutedDeployment d, RoutingMode mode, EndpointResolver gateway,
      Function<String, URI> directRouteUri) {
    if (mode == RoutingMode.GATEWAY) {
      return gateway.resolve(Plane.INFERENCE, d.name());
    }
    String handle = d.directRouteHandle()
        .orElseThrow(() -> new IllegalArgumentException("no internet direct route"));
    URI base = directRouteUri.apply(handle);
    return d.directRouteKey().map(key -> Endpoint.of(base, key)).orElseGet(() -> Endpoint.of(base));
  }

  /** The picker strategy for a router strategy: even load for {@code evenLoad}, weighted random otherwise. */
  private static PickStrategy pickStrategy(RouterStrategy strategy) {
    return strategy.equals(RouterStrategy.EVEN_LOAD) ? PickStrategy.EVEN_LOAD : PickStrategy.WEIGHTED_RANDOM;
  }

  /** Replica counts by deployment name, zero for deployments that cannot take traffic. */
  Map<String, Integer> weights() {
    return weights;
  }

  /** The endpoint of a deployment that can take traffic, or null. */
  Endpoint endpoint(String deployment) {
    return endpoints.get(deployment);
  }

  /** How to pick among the deployments. */
  PickStrategy strategy() {
    return strategy;
  }

  /** Each deployment and its replicas, or why it takes no traffic. */
  String describe() {
    return description;
  }
}
