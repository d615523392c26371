package dev.fireworks4j.routers.traffic;

import java.util.List;
import java.util.Optional;

/** How a {@link TrafficMigration} run ended: completed, or stopped by a failed check and rolled back one step. */
public final class MigrationResult {
  /** The ways a run can end without an exception. */
  public enum Outcome {
    /** Every step ran and passed its check: the router covers only the new deployment. */
    COMPLETED,
    /** A check failed; the step it followed was undone and the migration stopped. */
    ROLLED_BACK
  }

  private final Outcome outcome;
  private final List<MigrationStep> completedSteps;
  private final MigrationStep rolledBackStep;
  private final String reason;

  private MigrationResult(Outcome outcome, List<MigrationStep> completedSteps, MigrationStep rolledBackStep,
      String reason) {
    this.outcome = outcome;
    this.completedSteps = List.copyOf(completedSteps);
    this.rolledBackStep = rolledBackStep;
    this.reason = reason;
  }

  static MigrationResult completed(List<MigrationStep> steps) {
    return new MigrationResult(Outcome.COMPLETED, steps, null, null);
  }

  static MigrationResult rolledBack(List<MigrationStep> completed, MigrationStep step, String reason) {
    return new MigrationResult(Outcome.ROLLED_BACK, completed, step, reason);
  }

  /** How the run ended. */
  public Outcome outcome() {
    return outcome;
  }

  /** The steps that ran, passed their check and stay in effect. */
  public List<MigrationStep> completedSteps() {
    return completedSteps;
  }

  /** The step whose check failed and which was undone. */
  public Optional<MigrationStep> rolledBackStep() {
    return Optional.ofNullable(rolledBackStep);
  }

  /** Why the check failed. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  @Override
  public String toString() {
    return outcome == Outcome.COMPLETED
        ? "MigrationResult{COMPLETED after " + completedSteps.size() + " steps}"
        : "MigrationResult{ROLLED_BACK " + rolledBackStep + ": " + reason + "; " + completedSteps.size()
            + " earlier steps stay in effect}";
  }
}
