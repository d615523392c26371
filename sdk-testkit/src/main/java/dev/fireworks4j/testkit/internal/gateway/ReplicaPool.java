package dev.fireworks4j.testkit.internal.gateway;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The replicas of one deployment. A request goes to the replica with the fewest requests in flight (scanning
 * from a rotating start, so ties spread evenly), or, with an affinity key, always to the same replica; when the
 * chosen replicas are all at the concurrency limit the request is refused.
 */
final class ReplicaPool {
  private final String hostPrefix;
  private final AtomicInteger next = new AtomicInteger();
  private volatile Replica[] replicas = new Replica[0];

  ReplicaPool(String deploymentId) {
    this.hostPrefix = deploymentId + "-replica-";
  }

  /** Grows or shrinks the pool; replicas that stay keep their in-flight counts. */
  synchronized void resize(int count) {
    Replica[] current = replicas;
    if (current.length == count) {
      return;
    }
    Replica[] resized = Arrays.copyOf(current, count);
    for (int i = current.length; i < count; i++) {
      resized[i] = new Replica(hostPrefix + i);
    }
    replicas = resized;
  }

  /** The number of replicas. */
  int size() {
    return replicas.length;
  }

  /** Requests in flight over all replicas. */
  int inFlight() {
    int total = 0;
    for (Replica r : replicas) {
      total += r.inFlight.get();
    }
    return total;
  }

  /**
   * Claims a slot on a replica: the least busy one, or the affinity key's own one.
   *
   * @return the replica and its in-flight count including this request, or {@code null} when saturated
   */
  Slot acquire(int limit, String affinityKey) {
    Replica[] current = replicas;
    if (current.length == 0) {
      return null;
    }
    if (affinityKey != null) {
      Replica sticky = current[Math.floorMod(affinityKey.hashCode(), current.length)];
      int count = sticky.tryAcquire(limit);
      return count < 0 ? null : new Slot(sticky, count);
    }
    int start = Math.floorMod(next.getAndIncrement(), current.length);
    for (int attempt = 0; attempt < current.length; attempt++) {
      Replica best = null;
      for (int i = 0; i < current.length; i++) {
        Replica r = current[(start + i) % current.length];
        if (r.inFlight.get() < limit && (best == null || r.inFlight.get() < best.inFlight.get())) {
          best = r;
        }
      }
      if (best == null) {
        return null;
      }
      int count = best.tryAcquire(limit);
      if (count >= 0) {
        return new Slot(best, count);
      }
    }
    return null;
  }

  /** A claimed replica slot, released exactly once by the gateway. */
  record Slot(Replica replica, int concurrentRequests) {}
}
