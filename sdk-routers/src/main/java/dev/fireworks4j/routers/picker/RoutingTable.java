package dev.fireworks4j.routers.picker;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Immutable routing view published by a picker: the snapshot's deployments with their states, and the
 * members that picks draw from (weighted, and healthy unless in panic mode) with their prefix sums.
 */
final class RoutingTable {

  static final RoutingTable EMPTY = new RoutingTable(PickerSnapshot.empty(), new KeyState[0], new int[0],
      Map.of(), new KeyState[0], new int[0], false, 0);

  /** Up to this many members a linear search of the prefix sums beats a binary search. */
  private static final int LINEAR_SEARCH_LIMIT = 16;

  final PickerSnapshot snapshot;
  /** One state per snapshot target, in snapshot order. */
  final KeyState[] states;
  /** The replicas of each of {@link #states}. */
  final int[] replicas;
  /** The deployments picks draw from, all with positive weight. */
  final KeyState[] members;
  /** The weight of each member. */
  final int[] weights;
  /** The key hash of each member, side by side for sticky picks. */
  final long[] hashes;
  /** The sum of all members' weights; zero when there is no capacity. */
  final int total;
  /** Whether some deployment is ejected, so that picks must watch for its readmission time. */
  final boolean anyEjected;
  /** The earliest readmission time of an ejected deployment, when {@link #anyEjected}. */
  final long nextReadmissionNanos;

  private final Map<String, KeyState> byKey;
  private final int[] cumulative;

  private RoutingTable(PickerSnapshot snapshot, KeyState[] states, int[] replicas, Map<String, KeyState> byKey,
      KeyState[] members, int[] weights, boolean anyEjected, long nextReadmissionNanos) {
    this.snapshot = snapshot;
    this.states = states;
    this.replicas = replicas;
    this.byKey = byKey;
    this.members = members;
    this.weights = weights;
    this.anyEjected = anyEjected;
    this.nextReadmissionNanos = nextReadmissionNanos;
    this.hashes = new long[members.length];
    this.cumulative = new int[weights.length];
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      hashes[i] = members[i].hash;
      sum += weights[i];
      cumulative[i] = sum;
    }
    this.total = sum;
  }

  /** Returns the table for a new snapshot, carrying every surviving key's state over. */
  RoutingTable withSnapshot(PickerSnapshot next, double panicThreshold) {
    List<Target> targets = next.targets();
    KeyState[] nextStates = new KeyState[targets.size()];
    int[] nextReplicas = new int[targets.size()];
    Map<String, KeyState> nextByKey = new HashMap<>();
    for (int i = 0; i < nextStates.length; i++) {
      Target target = targets.get(i);
      KeyState state = byKey.get(target.key());
      nextStates[i] = state != null ? state : new KeyState(target.key());
      nextReplicas[i] = target.replicas();
      nextByKey.put(target.key(), nextStates[i]);
    }
    return build(next, nextStates, nextReplicas, Map.copyOf(nextByKey), panicThreshold);
  }

  /** Returns the same snapshot's table rebuilt after a health change. */
  RoutingTable rebuilt(double panicThreshold) {
    return build(snapshot, states, replicas, byKey, panicThreshold);
  }

  private static RoutingTable build(PickerSnapshot snapshot, KeyState[] states, int[] replicas,
      Map<String, KeyState> byKey, double panicThreshold) {
    long totalWeight = 0;
    long healthyWeight = 0;
    boolean anyEjected = false;
    long nextReadmission = 0;
    for (int i = 0; i < states.length; i++) {
      if (replicas[i] == 0) {
        continue;
      }
      totalWeight += replicas[i];
      if (!states[i].isEjected()) {
        healthyWeight += replicas[i];
      } else {
        long until = states[i].ejectedUntilNanos();
        if (!anyEjected || until - nextReadmission < 0) {
          nextReadmission = until;
        }
        anyEjected = true;
      }
    }
    boolean panic = healthyWeight == 0 || healthyWeight < panicThreshold * totalWeight;
    int count = 0;
    KeyState[] members = new KeyState[states.length];
    int[] weights = new int[states.length];
    for (int i = 0; i < states.length; i++) {
      if (replicas[i] > 0 && (panic || !states[i].isEjected())) {
        members[count] = states[i];
        weights[count++] = replicas[i];
      }
    }
    return new RoutingTable(snapshot, states, replicas, byKey, Arrays.copyOf(members, count),
        Arrays.copyOf(weights, count), anyEjected, nextReadmission);
  }

  /**
   * Returns a view whose members exclude the given keys, for a retry on another deployment. When every
   * healthy member is excluded it falls back to the unhealthy ones, as panic mode would.
   */
  RoutingTable without(Set<String> excluded) {
    RoutingTable healthy = filter(members, weights, excluded);
    return healthy.total > 0 ? healthy : filter(states, replicas, excluded);
  }

  private RoutingTable filter(KeyState[] candidates, int[] candidateWeights, Set<String> excluded) {
    KeyState[] kept = new KeyState[candidates.length];
    int[] keptWeights = new int[candidates.length];
    int count = 0;
    for (int i = 0; i < candidates.length; i++) {
      if (candidateWeights[i] > 0 && !excluded.contains(candidates[i].key)) {
        kept[count] = candidates[i];
        keptWeights[count++] = candidateWeights[i];
      }
    }
    return new RoutingTable(snapshot, states, replicas, byKey, Arrays.copyOf(kept, count),
        Arrays.copyOf(keptWeights, count), false, 0);
  }

  /** Returns the state of the key in this table, or null if the snapshot does not hold it. */
  KeyState stateOf(String key) {
    return byKey.get(key);
  }

  /** Returns the member whose weight interval holds {@code r}, for {@code 0 <= r < total}. */
  int indexOf(int r) {
    int[] c = cumulative;
    if (c.length <= LINEAR_SEARCH_LIMIT) {
      // count the prefix sums at or below r: no data-dependent branch to mispredict
      int i = 0;
      for (int bound : c) {
        i += bound <= r ? 1 : 0;
      }
      return i;
    }
    int found = Arrays.binarySearch(c, r);
    return found >= 0 ? found + 1 : -found - 1;
  }

  /** Returns where member {@code i}'s weight interval starts. */
  int startOf(int i) {
    return cumulative[i] - weights[i];
  }
}
