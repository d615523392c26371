package dev.fireworks4j.routers.clientside;

import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.endpoint.RoutingEndpointResolver.Route;
import dev.fireworks4j.core.http.Headers;
import dev.fireworks4j.core.model.State;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.routers.model.RouterStrategy;
import dev.fireworks4j.routers.picker.PickerOptions;
import dev.fireworks4j.routers.picker.RandomSource;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A topology source that serves whatever the test set last, counts fetches and can be made to fail. */
final class FakeTopology implements TopologySource {
  static final RouterName ROUTER = RouterName.of("acct", "r");
  static final String ALIAS = ROUTER.toString();
  static final URI GATEWAY = URI.create("http://gateway.test");

  private volatile RouterTopology current = new RouterTopology(Optional.empty(), List.of());
  private volatile RuntimeException failure;
  private final AtomicInteger fetches = new AtomicInteger();
  private final List<RouterName> asked = new ArrayList<>();

  /** The full name of deployment {@code id} of account {@code acct}. */
  static String name(String id) {
    return "accounts/acct/deployments/" + id;
  }

  /** A READY deployment of account {@code acct}. */
  static RoutedDeployment ready(String id, int replicas) {
    return RoutedDeployment.of(name(id), State.READY, replicas);
  }

  /**
   * A builder of a router over this topology: alias {@link #ALIAS}, gateway {@link #GATEWAY}, no background
   * refresh, seeded picks.
   */
  ClientSideRouter.Builder router() {
    return ClientSideRouter.builder().router(ROUTER).topology(this).endpoints(Endpoints.gateway(GATEWAY))
        .refreshInterval(Duration.ZERO).pickerOptions(PickerOptions.builder().random(RandomSource.seeded(7)).build());
  }

  /** Routes one request for the alias that ends with {@code status}; returns the deployment it went to. */
  static String send(ClientSideRouter router, int status) {
    return send(router, status, Set.of());
  }

  /** Routes one attempt avoiding {@code avoid} that ends with {@code status}; returns its deployment. */
  static String send(ClientSideRouter router, int status, Set<String> avoid) {
    Route route = router.route(Plane.INFERENCE, ALIAS, avoid);
    route.onResponse(status, Headers.empty());
    route.onComplete();
    return route.target();
  }

  /** Serves these deployments under the server's default strategy from the next fetch on. */
  FakeTopology set(RoutedDeployment... deployments) {
    return set(null, deployments);
  }

  /** Serves these deployments under {@code strategy} (null: none) from the next fetch on. */
  FakeTopology set(RouterStrategy strategy, RoutedDeployment... deployments) {
    current = new RouterTopology(Optional.ofNullable(strategy), List.of(deployments));
    failure = null;
    return this;
  }

  /** Makes the next fetches throw {@code e}. */
  void failWith(RuntimeException e) {
    failure = e;
  }

  /** How many fetches were made. */
  int fetches() {
    return fetches.get();
  }

  /** The routers asked for, in order. */
  synchronized List<RouterName> asked() {
    return List.copyOf(asked);
  }

  @Override
  public RouterTopology fetch(RouterName router) {
    synchronized (this) {
      asked.add(router);
    }
    fetches.incrementAndGet();
    RuntimeException e = failure;
    if (e != null) {
      throw e;
    }
    return current;
  }
}
