package dev.fireworks4j.routers.picker;

import java.util.function.LongSupplier;

/**
 * The load an even-load pick compares: requests in flight, raised to the server-reported load when that is
 * higher, plus a penalty for recent failures. The penalty decays; a server report is used until it is too
 * old, corrected by the requests this picker sent or finished since.
 */
final class LoadModel {

  /** Below this a decayed signal no longer matters and is dropped, which restores the clock-free path. */
  private static final double FADED = 1e-3;

  private final LongSupplier clock;
  private final double failurePenalty;
  private final double penaltyDecayPerNano;
  private final long serverLoadMaxAgeNanos;

  LoadModel(PickerOptions options) {
    this.clock = options.nanoClock();
    this.failurePenalty = options.failurePenalty();
    this.penaltyDecayPerNano = Math.log(2) / options.failurePenaltyHalfLife().toNanos();
    this.serverLoadMaxAgeNanos = options.serverLoadMaxAge().toNanos();
  }

  long now() {
    return clock.getAsLong();
  }

  /** Whether the deployment carries a signal, so that its load depends on the clock and on the others'. */
  static boolean hasSignals(KeyState s) {
    return s.penalty.get() != null || s.serverLoad.get() != null;
  }

  /**
   * Returns the mean per-replica load that the server reported for the given members, among those with a
   * report recent enough; {@link Double#NaN} when none has one.
   */
  double meanReportedPerReplica(KeyState[] members, int[] weights, long nowNanos) {
    long reported = 0;
    long replicas = 0;
    for (int i = 0; i < members.length; i++) {
      ServerReport server = fresh(members[i], nowNanos);
      if (server != null) {
        reported += (long) server.perReplica * weights[i];
        replicas += weights[i];
      }
    }
    return replicas == 0 ? Double.NaN : (double) reported / replicas;
  }

  /** Returns {@link #meanReportedPerReplica(KeyState[], int[], long)} for two members. */
  double meanReportedPerReplica(KeyState a, int weightA, KeyState b, int weightB, long nowNanos) {
    ServerReport reportA = fresh(a, nowNanos);
    ServerReport reportB = fresh(b, nowNanos);
    long replicas = (reportA == null ? 0 : weightA) + (reportB == null ? 0 : weightB);
    long reported = (reportA == null ? 0 : (long) reportA.perReplica * weightA)
        + (reportB == null ? 0 : (long) reportB.perReplica * weightB);
    return replicas == 0 ? Double.NaN : (double) reported / replicas;
  }

  /**
   * Returns the deployment's load at {@code nowNanos}, in requests. Without a recent server report of its
   * own, a deployment is taken to be as loaded per replica as {@code meanPerReplica}, the mean reported for
   * the deployments it is compared with (NaN for none): knowing one deployment's load and not the others'
   * must not make the known one look busier.
   */
  double load(KeyState s, int replicas, long nowNanos, double meanPerReplica) {
    double load = s.inFlight();
    ServerReport server = fresh(s, nowNanos);
    if (server != null) {
      // the server's count includes our own requests: take the larger view, not the sum
      double sinceReport = load - server.localInFlight;
      load = Math.max(load, (double) server.perReplica * replicas + sinceReport);
    } else if (!Double.isNaN(meanPerReplica)) {
      load = Math.max(load, meanPerReplica * replicas);
    }
    DecayingValue recentFailures = s.penalty.get();
    if (recentFailures != null) {
      double extra = recentFailures.valueAt(nowNanos, penaltyDecayPerNano);
      if (extra < FADED) {
        s.penalty.compareAndSet(recentFailures, null);
      }
      load += extra;
    }
    return load;
  }

  /** Returns the deployment's server report if recent enough, dropping it once too old. */
  private ServerReport fresh(KeyState s, long nowNanos) {
    ServerReport server = s.serverLoad.get();
    if (server != null && nowNanos - server.atNanos >= serverLoadMaxAgeNanos) {
      s.serverLoad.compareAndSet(server, null);
      return null;
    }
    return server;
  }

  void penalise(KeyState s) {
    if (failurePenalty == 0) {
      return;
    }
    long now = now();
    DecayingValue old;
    DecayingValue next;
    do {
      old = s.penalty.get();
      double left = old == null ? 0 : old.valueAt(now, penaltyDecayPerNano);
      next = new DecayingValue(left + failurePenalty, now);
    } while (!s.penalty.compareAndSet(old, next));
  }

  void reportServerLoad(KeyState s, int concurrentRequestsPerReplica) {
    if (concurrentRequestsPerReplica < 0) {
      throw new IllegalArgumentException(
          "concurrent requests must be >= 0, was " + concurrentRequestsPerReplica);
    }
    s.serverLoad.set(new ServerReport(concurrentRequestsPerReplica, s.inFlight(), now()));
  }
}
