package dev.fireworks4j.routers.picker;

import java.time.Duration;

/**
 * Observability counters of one deployment, as seen by one picker.
 *
 * @param key the deployment's identity
 * @param replicas the deployment's current weight
 * @param requests leases acquired on this deployment since it joined the picker
 * @param inFlight leases acquired and not yet released
 * @param failures leases released with {@link Outcome#FAILURE}
 * @param overloads leases released with {@link Outcome#OVERLOADED}
 * @param ejected whether passive health checking currently keeps the deployment out of picks
 * @param latency exponentially weighted mean of the latencies reported on release, zero if none was reported
 */
public record TargetStats(
        String key,
        int replicas,
        long requests,
        long inFlight,
        long failures,
        long overloads,
        boolean ejected,
        Duration latency) {}
