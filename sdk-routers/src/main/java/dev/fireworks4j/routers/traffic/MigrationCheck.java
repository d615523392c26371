package dev.fireworks4j.routers.traffic;

/**
 * The health check a {@link TrafficMigration} runs after each step, such as comparing the error rate of
 * requests to the router against a threshold. When it returns false or throws, the step is rolled back and
 * the migration stops.
 */
@FunctionalInterface
public interface MigrationCheck {
  /** A check that always passes. */
  MigrationCheck NONE = step -> true;

  /** Whether the system is healthy now that {@code completed} is done (the split it expects is on the step). */
  boolean healthy(MigrationStep completed);
}
