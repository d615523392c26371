package dev.fireworks4j.benchmarks.picker;

/**
 * One simulated set-up: deployments with replica counts and per-replica speeds, each replica serving a
 * fixed number of requests at once behind its deployment's FIFO queue, under Poisson arrivals at a share of
 * the total capacity, spread evenly over independent clients.
 *
 * @param speedsLabel how the table names the speeds
 * @param replicas replicas per deployment
 * @param speeds service speed per deployment: a request takes an exponential time with mean 1 / speed
 * @param slotsPerReplica requests a replica serves at once
 * @param load arrival rate as a share of the total capacity
 * @param clients independent clients, each with its own picker
 * @param requests requests to simulate, the first tenth of them as warm-up
 * @param seed seed of every random draw
 */
record Scenario(String speedsLabel, int[] replicas, double[] speeds, int slotsPerReplica, double load, int clients,
        int requests, long seed) {

    /** Total service rate, in requests per unit of time. */
    double capacity() {
        double capacity = 0;
        for (int d = 0; d < replicas.length; d++) {
            capacity += replicas[d] * slotsPerReplica * speeds[d];
        }
        return capacity;
    }
}
