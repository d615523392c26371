package dev.fireworks4j.routers.picker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Chooses a deployment for each request among deployments weighted by their replica counts.
 *
 * <ul>
 *   <li>{@link PickStrategy#WEIGHTED_RANDOM}: independent picks, each deployment with probability
 *       {@code replicas / total replicas};
 *   <li>{@link PickStrategy#EVEN_LOAD}: the deployment with the fewest requests in flight per replica, counting
 *       recent failures and the server-reported load;
 *   <li>sticky ({@link #acquireFor(String)}): the same affinity key keeps going to the same deployment while it
 *       is healthy, keys spread in proportion to replicas, and a weight change moves as few keys as possible.
 * </ul>
 *
 * <p>Deployments with zero replicas are never picked; when no deployment has capacity a pick returns an empty
 * {@link Optional}. Deployments that fail {@link PickerOptions#failuresToEject()} times in a row are ejected
 * for a while, unless too little capacity would be left healthy.
 *
 * <p>Thread-safe. Picks take no lock: they read an immutable table that {@link #update(Map)} and health
 * changes replace atomically; a pick that started on the old table completes normally, and per-deployment
 * counters carry over to the new table by key.
 */
public final class ReplicaPicker {

  private final Object lock = new Object();
  private final LongSupplier clock;
  private final double panicThreshold;
  private final LoadModel loads;
  private final Selector selector;
  private final OutlierDetector outliers;
  private volatile RoutingTable table = RoutingTable.EMPTY;

  private ReplicaPicker(PickerOptions options) {
    this.clock = options.nanoClock();
    this.panicThreshold = options.panicThreshold();
    this.loads = new LoadModel(options);
    this.selector = new Selector(options.random(), loads, options.fullScanLimit());
    this.outliers = new OutlierDetector(options);
  }

  /**
   * Creates a picker with the default options and no deployments.
   *
   * @return a new picker
   */
  public static ReplicaPicker create() {
    return create(PickerOptions.defaults());
  }

  /**
   * Creates a picker with no deployments.
   *
   * @param options the picker's tuning
   * @return a new picker
   */
  public static ReplicaPicker create(PickerOptions options) {
    return new ReplicaPicker(Objects.requireNonNull(options, "options"));
  }

  /**
   * Replaces the deployments and their replica counts. Deployments that stay keep their counters and health;
   * deployments that go can still be released through their leases. Picks that start after this returns see
   * the new deployments.
   *
   * @param replicasByKey replica count by deployment key
   * @throws IllegalArgumentException if a key is empty, a count is negative or the counts sum past
   *     {@link Integer#MAX_VALUE}
   */
  public void update(Map<String, Integer> replicasByKey) {
    PickerSnapshot snapshot = PickerSnapshot.of(replicasByKey);
    synchronized (lock) {
      table = table.withSnapshot(snapshot, panicThreshold);
    }
  }

  /**
   * Returns the deployments currently routed over.
   *
   * @return the current snapshot
   */
  public PickerSnapshot snapshot() {
    return table.snapshot;
  }

  /**
   * Picks a deployment by weighted random without tracking the request: allocation-free, for callers that
   * only need the split.
   *
   * @return the deployment key, or empty when no deployment has capacity
   */
  public Optional<String> pick() {
    KeyState s = selector.weighted(current());
    return s == null ? Optional.empty() : s.pickResult;
  }

  /**
   * Picks a deployment for an affinity key by weighted rendezvous hashing without tracking the request:
   * allocation-free, for callers that only need the mapping.
   *
   * @param affinityKey the session's key, e.g. the OpenAI {@code user} field
   * @return the deployment key, or empty when no deployment has capacity
   */
  public Optional<String> pickFor(String affinityKey) {
    KeyState s = Selector.rendezvous(current(), Rendezvous.hash(affinityKey));
    return s == null ? Optional.empty() : s.pickResult;
  }

  /**
   * Picks a deployment with the given strategy and leases it.
   *
   * @param strategy how to choose
   * @return the lease, or empty when no deployment has capacity
   */
  public Optional<Lease> acquire(PickStrategy strategy) {
    return lease(select(strategy, current()));
  }

  /**
   * Picks a deployment other than the excluded ones, e.g. to retry on a deployment that has not failed this
   * request yet. If every healthy deployment is excluded, an ejected one that is not excluded is picked.
   *
   * @param strategy how to choose
   * @param excluded keys not to pick
   * @return the lease, or empty when no deployment outside {@code excluded} has capacity
   */
  public Optional<Lease> acquire(PickStrategy strategy, Set<String> excluded) {
    return lease(select(strategy, withoutKeys(excluded)));
  }

  /**
   * Picks the deployment that the affinity key sticks to, by weighted rendezvous hashing, and leases it.
   *
   * @param affinityKey the session's key, e.g. the OpenAI {@code user} field
   * @return the lease, or empty when no deployment has capacity
   */
  public Optional<Lease> acquireFor(String affinityKey) {
    return lease(Selector.rendezvous(current(), Rendezvous.hash(affinityKey)));
  }

  /**
   * Picks the deployment that the affinity key sticks to among those not excluded, and leases it: the key's
   * next choice if its usual deployment is excluded.
   *
   * @param affinityKey the session's key
   * @param excluded keys not to pick
   * @return the lease, or empty when no deployment outside {@code excluded} has capacity
   */
  public Optional<Lease> acquireFor(String affinityKey, Set<String> excluded) {
    return lease(Selector.rendezvous(withoutKeys(excluded), Rendezvous.hash(affinityKey)));
  }

  /**
   * Reports a deployment's load as the server sees it, from the {@code fireworks-num-concurrent-requests}
   * response header. For {@link PickerOptions#serverLoadMaxAge()}, even-load picks take the larger of this
   * (times the deployment's replicas, plus the requests this picker sent there since, minus those it
   * finished) and the local in-flight count. Reports for keys not in the snapshot are ignored.
   *
   * @param key the deployment key
   * @param concurrentRequestsPerReplica the server's concurrent requests on the replica that answered
   * @throws IllegalArgumentException if the count is negative
   */
  public void reportServerLoad(String key, int concurrentRequestsPerReplica) {
    KeyState s = table.stateOf(Objects.requireNonNull(key, "key"));
    if (s != null) {
      reportServerLoad(s, concurrentRequestsPerReplica);
    }
  }

  /**
   * Returns each deployment's counters, in snapshot order.
   *
   * @return an unmodifiable map by deployment key
   */
  public Map<String, TargetStats> stats() {
    RoutingTable t = current();
    Map<String, TargetStats> stats = new LinkedHashMap<>();
    for (int i = 0; i < t.states.length; i++) {
      stats.put(t.states[i].key, t.states[i].stats(t.replicas[i]));
    }
    return Collections.unmodifiableMap(stats);
  }

  @Override
  public String toString() {
    return "ReplicaPicker" + table.snapshot.targets();
  }

  void reportServerLoad(KeyState s, int concurrentRequestsPerReplica) {
    loads.reportServerLoad(s, concurrentRequestsPerReplica);
  }

  /** Applies a released lease's outcome to its deployment. */
  void complete(KeyState s, Outcome outcome, long latencyNanos) {
    s.end();
    if (latencyNanos >= 0) {
      s.recordLatency(latencyNanos);
    }
    switch (outcome) {
      case SUCCESS -> s.recordSuccess();
      case FAILURE -> {
        loads.penalise(s);
        if (outliers.reached(s.recordFailure()) && !s.isEjected()) {
          ejectIfAllowed(s);
        }
      }
      case OVERLOADED -> {
        s.recordOverload();
        loads.penalise(s);
      }
      case CANCELLED -> { }
    }
  }

  private KeyState select(PickStrategy strategy, RoutingTable t) {
    Objects.requireNonNull(strategy, "strategy");
    return strategy == PickStrategy.EVEN_LOAD ? selector.leastLoaded(t) : selector.weighted(t);
  }

  private Optional<Lease> lease(KeyState s) {
    if (s == null) {
      return Optional.empty();
    }
    s.begin();
    return Optional.of(new Lease(this, s));
  }

  private RoutingTable withoutKeys(Set<String> excluded) {
    Objects.requireNonNull(excluded, "excluded");
    RoutingTable t = current();
    return excluded.isEmpty() ? t : t.without(excluded);
  }

  /** Returns the table to pick from, readmitting deployments whose ejection has expired. */
  private RoutingTable current() {
    RoutingTable t = table;
    if (t.anyEjected && clock.getAsLong() - t.nextReadmissionNanos >= 0) {
      synchronized (lock) {
        t = table;
        if (outliers.readmitExpired(t, clock.getAsLong())) {
          t = t.rebuilt(panicThreshold);
          table = t;
        }
      }
    }
    return t;
  }

  private void ejectIfAllowed(KeyState s) {
    synchronized (lock) {
      long now = clock.getAsLong();
      RoutingTable t = table;
      boolean readmitted = outliers.readmitExpired(t, now);
      boolean ejected = outliers.tryEject(s, t, now);
      if (readmitted || ejected) {
        table = t.rebuilt(panicThreshold);
      }
    }
  }
}
