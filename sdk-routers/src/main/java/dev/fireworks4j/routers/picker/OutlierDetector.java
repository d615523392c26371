package dev.fireworks4j.routers.picker;

/**
 * Passive health checking: ejects a deployment after a run of consecutive failures, for a time that grows
 * with its recent ejections, and never ejects more than a set share of the weighted deployments. Callers
 * hold the picker's lock.
 */
final class OutlierDetector {

  private final int failuresToEject;
  private final long baseNanos;
  private final long maxNanos;
  private final long maxMultiplier;
  private final double maxEjectedFraction;

  OutlierDetector(PickerOptions options) {
    this.failuresToEject = options.failuresToEject();
    this.baseNanos = options.baseEjectionTime().toNanos();
    this.maxNanos = options.maxEjectionTime().toNanos();
    this.maxMultiplier = maxNanos / baseNanos + (maxNanos % baseNanos == 0 ? 0 : 1);
    this.maxEjectedFraction = options.maxEjectedFraction();
  }

  boolean reached(int consecutiveFailures) {
    return consecutiveFailures >= failuresToEject;
  }

  /** Readmits every deployment whose ejection has expired; returns whether any was. */
  boolean readmitExpired(RoutingTable t, long nowNanos) {
    boolean any = false;
    for (KeyState s : t.states) {
      if (s.isEjected() && nowNanos - s.ejectedUntilNanos() >= 0) {
        s.readmit(nowNanos);
        any = true;
      }
    }
    return any;
  }

  /**
   * Ejects the deployment if it is still failing, still routed to and the cap allows; returns whether it
   * was.
   */
  boolean tryEject(KeyState s, RoutingTable t, long nowNanos) {
    if (s.isEjected() || !reached(s.consecutiveFailures()) || t.stateOf(s.key) != s) {
      return false;
    }
    int weighted = 0;
    int ejected = 0;
    for (int i = 0; i < t.states.length; i++) {
      if (t.replicas[i] > 0) {
        weighted++;
        ejected += t.states[i].isEjected() ? 1 : 0;
      }
    }
    if (ejected >= cap(weighted)) {
      return false;
    }
    // the multiplier loses one for each base period spent healthy since the last readmission, and stops
    // growing once the ejection time reaches its cap
    int recent = 1;
    if (s.recentEjections() > 0) {
      long healthyPeriods = Math.max(0, nowNanos - s.readmittedAtNanos()) / baseNanos;
      recent += (int) Math.max(0, s.recentEjections() - healthyPeriods);
    }
    recent = (int) Math.min(recent, maxMultiplier);
    long duration = recent > maxNanos / baseNanos ? maxNanos : baseNanos * recent;
    s.eject(nowNanos + duration, recent);
    return true;
  }

  private int cap(int weighted) {
    return maxEjectedFraction == 0 ? 0 : Math.max(1, (int) (maxEjectedFraction * weighted));
  }
}
