package dev.fireworks4j.routers.traffic;

import dev.fireworks4j.core.error.FireworksException;
import java.util.List;

/**
 * A {@link TrafficMigration} step failed (an API call or a wait), or undoing a step failed. The failing
 * step was undone as far as possible; a failure while undoing it is attached as a suppressed exception.
 */
public class MigrationException extends FireworksException {
  private static final long serialVersionUID = 1L;
  private final transient MigrationStep step;
  private final transient List<MigrationStep> completedSteps;

  MigrationException(String message, MigrationStep step, List<MigrationStep> completedSteps, Throwable cause) {
    super(message, cause);
    this.step = step;
    this.completedSteps = List.copyOf(completedSteps);
  }

  /** The step that failed. */
  public MigrationStep step() {
    return step;
  }

  /** The steps completed before it, which stay in effect. */
  public List<MigrationStep> completedSteps() {
    return completedSteps;
  }
}
