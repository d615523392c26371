package dev.fireworks4j.routers.picker;

import java.util.function.LongSupplier;

/**
 * The load an even-load pick compares: requests in flight, raised to the server-reported load when that is
 * higher, plus a penalty for recent failures. Both signals decay, so that stale information fades out.
 */
final class LoadModel {

    /** Below this a decayed signal no longer matters and is dropped, which restores the clock-free path. */
    private static final double FADED = 1e-3;

    private final LongSupplier clock;
    private final double failurePenalty;
    private final double penaltyDecayPerNano;
    private final double serverDecayPerNano;

    LoadModel(PickerOptions options) {
        this.clock = options.nanoClock();
        this.failurePenalty = options.failurePenalty();
        this.penaltyDecayPerNano = Math.log(2) / options.failurePenaltyHalfLife().toNanos();
        this.serverDecayPerNano = Math.log(2) / options.serverLoadHalfLife().toNanos();
    }

    long now() {
        return clock.getAsLong();
    }

    /** Whether the deployment carries a signal, so that its load depends on the clock. */
    static boolean hasSignals(KeyState s) {
        return s.penalty.get() != null || s.serverLoad.get() != null;
    }

    /** Returns the deployment's load at {@code nowNanos}, in requests. */
    double load(KeyState s, int replicas, long nowNanos) {
        double load = s.inFlight();
        DecayingValue server = s.serverLoad.get();
        if (server != null) {
            double perReplica = server.valueAt(nowNanos, serverDecayPerNano);
            if (perReplica < FADED) {
                s.serverLoad.compareAndSet(server, null);
            }
            // our own requests are part of the server's count: take the larger view, not the sum
            load = Math.max(load, perReplica * replicas);
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
        s.serverLoad.set(new DecayingValue(concurrentRequestsPerReplica, now()));
    }
}
