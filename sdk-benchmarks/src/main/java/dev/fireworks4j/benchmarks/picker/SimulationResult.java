package dev.fireworks4j.benchmarks.picker;

/**
 * What one simulation run measured, after warm-up; times are in mean service times of a speed-1 replica.
 *
 * @param scenario the set-up
 * @param policy the picking policy
 * @param meanLatency mean time from arrival to completion
 * @param p50 median latency
 * @param p99 99th percentile latency
 * @param imbalance time average of the highest in-flight count per replica over the deployments, divided by
 *     the time average of the overall in-flight count per replica
 * @param shares share of the requests each deployment received
 */
record SimulationResult(Scenario scenario, Policy policy, double meanLatency, double p50, double p99,
        double imbalance, double[] shares) {}
