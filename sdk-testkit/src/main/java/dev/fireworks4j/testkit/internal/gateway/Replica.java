package dev.fireworks4j.testkit.internal.gateway;

import java.util.concurrent.atomic.AtomicInteger;

/** One simulated model server of a deployment: a host name and the requests it is serving. */
final class Replica {
  final String host;
  final AtomicInteger inFlight = new AtomicInteger();

  Replica(String host) {
    this.host = host;
  }

  /** Takes a slot if fewer than {@code limit} requests are in flight; returns the new count, or -1 when full. */
  int tryAcquire(int limit) {
    while (true) {
      int current = inFlight.get();
      if (current >= limit) {
        return -1;
      }
      if (inFlight.compareAndSet(current, current + 1)) {
        return current + 1;
      }
    }
  }

  void release() {
    inFlight.decrementAndGet();
  }
}
