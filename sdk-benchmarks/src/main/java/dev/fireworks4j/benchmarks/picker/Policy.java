package dev.fireworks4j.benchmarks.picker;

/** How the simulated clients choose a deployment for each request. */
enum Policy {
  WEIGHTED_RANDOM("weighted random"),
  EVEN_LOAD("even load"),
  /** Even load, with each response reporting the deployment's concurrent requests per replica. */
  EVEN_LOAD_SERVER_SIGNAL("even load + server load"),
  STICKY("sticky (10,000 users)");

  final String label;

  Policy(String label) {
    this.label = label;
  }
}
