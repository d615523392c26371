package dev.fireworks4j.benchmarks.picker;

/** How the simulated clients choose a deployment for each request. */
enum Policy {
    WEIGHTED_RANDOM("weighted random"),
    EVEN_LOAD("even load"),
    STICKY("sticky (10,000 users)");

    final String label;

    Policy(String label) {
        this.label = label;
    }
}
