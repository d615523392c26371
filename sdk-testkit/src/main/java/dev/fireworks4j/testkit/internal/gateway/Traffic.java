package dev.fireworks4j.testkit.internal.gateway;

import dev.fireworks4j.routers.picker.Lease;
import dev.fireworks4j.routers.picker.PickStrategy;
import dev.fireworks4j.routers.picker.PickerOptions;
import dev.fireworks4j.routers.picker.RandomSource;
import dev.fireworks4j.routers.picker.ReplicaPicker;
import dev.fireworks4j.testkit.internal.control.ServingState;
import dev.fireworks4j.testkit.internal.control.ServingState.DeploymentView;
import dev.fireworks4j.testkit.internal.control.ServingState.RouteView;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The gateway's routing state: the latest {@link ServingState}, one SDK {@link ReplicaPicker} per serving router
 * (deployments weighted by their replica counts, seeded from the emulator's seed and the router's name, passive
 * ejection off so that injected faults stay visible), and one {@link ReplicaPool} per deployment.
 */
final class Traffic implements Consumer<ServingState> {
  private final long seed;
  private final Map<String, ReplicaPicker> pickers = new ConcurrentHashMap<>();
  private final Map<String, ReplicaPool> pools = new ConcurrentHashMap<>();
  private volatile ServingState state = ServingState.EMPTY;

  Traffic(long seed) {
    this.seed = seed;
  }

  /** Takes a new serving state: pickers get the new weights, pools the new replica counts. */
  @Override
  public synchronized void accept(ServingState next) {
    Set<String> routers = new HashSet<>();
    for (RouteView route : next.routesByAlias().values()) {
      if (routers.add(route.routerName())) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (String deployment : route.deployments()) {
          DeploymentView view = next.deployments().get(deployment);
          weights.put(deployment, view == null ? 0 : view.replicas());
        }
        pickers.computeIfAbsent(route.routerName(), this::newPicker).update(weights);
      }
    }
    pickers.keySet().retainAll(routers);
    for (DeploymentView view : next.deployments().values()) {
      pools.computeIfAbsent(view.name(), name -> new ReplicaPool(name.substring(name.lastIndexOf('/') + 1)))
          .resize(view.replicas());
    }
    pools.keySet().retainAll(next.deployments().keySet());
    state = next;
  }

  /** The current serving state. */
  ServingState state() {
    return state;
  }

  /** Leases a deployment of the route: by the router's strategy, or sticky for an affinity key. */
  Optional<Lease> acquire(RouteView route, String affinityKey) {
    ReplicaPicker picker = pickers.get(route.routerName());
    if (picker == null) {
      return Optional.empty();
    }
    if (affinityKey != null) {
      return picker.acquireFor(affinityKey);
    }
    return picker.acquire(route.evenLoad() ? PickStrategy.EVEN_LOAD : PickStrategy.WEIGHTED_RANDOM);
  }

  /** The replica pool of a deployment, or {@code null} when it no longer exists. */
  ReplicaPool pool(String deploymentName) {
    return pools.get(deploymentName);
  }

  /** Restarts every picker's random sequence from its seed. */
  synchronized void reseed() {
    pickers.clear();
    accept(state);
  }

  private ReplicaPicker newPicker(String routerName) {
    return ReplicaPicker.create(PickerOptions.builder()
        .random(RandomSource.seeded(seed * 31 + routerName.hashCode()))
        .maxEjectedFraction(0)
        .build());
  }
}
