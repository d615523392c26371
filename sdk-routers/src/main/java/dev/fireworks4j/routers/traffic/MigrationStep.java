package dev.fireworks4j.routers.traffic;

import java.util.List;

/**
 * One step of a {@link TrafficMigration} plan: what it does and the traffic split expected once it is done.
 */
public final class MigrationStep {
  /** The kinds of step, in the order a migration runs them. */
  public enum Kind {
    /** Create the router over the old deployment only. */
    CREATE_ROUTER,
    /** Add the new deployment to the router. */
    ADD_TO_ROUTER,
    /** Scale the new deployment up and the old one down. */
    SHIFT,
    /** Scale the old deployment to zero replicas: all traffic goes to the new one. */
    SCALE_DOWN_OLD,
    /** Remove the old deployment from the router. */
    REMOVE_FROM_ROUTER
  }

  private final int number;
  private final Kind kind;
  private final String description;
  private final PlanState before;
  private final PlanState after;
  private final TrafficSplit split;

  MigrationStep(int number, Kind kind, String description, PlanState before, PlanState after, TrafficSplit split) {
    this.number = number;
    this.kind = kind;
    this.description = description;
    this.before = before;
    this.after = after;
    this.split = split;
  }

  /** The position in the plan, from 1. */
  public int number() {
    return number;
  }

  /** What kind of step this is. */
  public Kind kind() {
    return kind;
  }

  /** What the step does, in words. */
  public String description() {
    return description;
  }

  /** The deployments the router covers once the step is done. */
  public List<String> routerDeployments() {
    return after.routerDeployments();
  }

  /** The old deployment's replica count once the step is done. */
  public int oldReplicas() {
    return after.oldReplicas();
  }

  /** The new deployment's replica count once the step is done. */
  public int newReplicas() {
    return after.newReplicas();
  }

  /** The traffic split expected once the step is done. */
  public TrafficSplit split() {
    return split;
  }

  PlanState before() {
    return before;
  }

  PlanState after() {
    return after;
  }

  /** {@code "Step 3 (SHIFT): scale new to 2 and old to 1"}. */
  @Override
  public String toString() {
    return "Step " + number + " (" + kind + "): " + description;
  }
}
