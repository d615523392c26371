package dev.fireworks4j.routers.picker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable set of deployments and their replica counts that a {@link ReplicaPicker} routes over, in key
 * order.
 */
public final class PickerSnapshot {

  private static final PickerSnapshot EMPTY = new PickerSnapshot(List.of(), 0);

  private final List<Target> targets;
  private final int totalReplicas;

  private PickerSnapshot(List<Target> targets, int totalReplicas) {
    this.targets = targets;
    this.totalReplicas = totalReplicas;
  }

  static PickerSnapshot empty() {
    return EMPTY;
  }

  /**
   * Builds a snapshot from replica counts by deployment key.
   *
   * @throws NullPointerException if the map, a key or a count is null
   * @throws IllegalArgumentException if a key is empty, a count is negative or the counts sum past
   *     {@link Integer#MAX_VALUE}
   */
  static PickerSnapshot of(Map<String, Integer> replicasByKey) {
    Objects.requireNonNull(replicasByKey, "replicasByKey");
    List<Target> targets = new ArrayList<>(replicasByKey.size());
    long total = 0;
    for (Map.Entry<String, Integer> e : replicasByKey.entrySet()) {
      Integer replicas = Objects.requireNonNull(e.getValue(), () -> "replicas of " + e.getKey());
      Target target = new Target(e.getKey(), replicas);
      targets.add(target);
      total += target.replicas();
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("total replicas must not exceed " + Integer.MAX_VALUE + ", was " + total);
    }
    // a fixed order makes seeded picks reproducible whatever the map's iteration order
    targets.sort(Comparator.comparing(Target::key));
    return new PickerSnapshot(List.copyOf(targets), (int) total);
  }

  /**
   * Returns the deployments, sorted by key.
   *
   * @return an unmodifiable list
   */
  public List<Target> targets() {
    return targets;
  }

  /**
   * Returns the sum of all replica counts.
   *
   * @return the total weight
   */
  public int totalReplicas() {
    return totalReplicas;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PickerSnapshot other && targets.equals(other.targets);
  }

  @Override
  public int hashCode() {
    return targets.hashCode();
  }

  @Override
  public String toString() {
    return "PickerSnapshot" + targets;
  }
}
