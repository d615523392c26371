package dev.fireworks4j.routers.traffic;

import dev.fireworks4j.core.error.NotFoundException;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.model.State;
import dev.fireworks4j.routers.DeploymentsClient;
import dev.fireworks4j.routers.RoutersClient;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.RouterCreateParams;
import dev.fireworks4j.routers.model.RouterStrategy;
import dev.fireworks4j.routers.model.RouterUpdateParams;
import dev.fireworks4j.routers.traffic.MigrationStep.Kind;
import dev.fireworks4j.routers.wait.TerminalStateException;
import dev.fireworks4j.routers.wait.WaitOptions;
import dev.fireworks4j.routers.wait.Waiter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a router's traffic from an old deployment to a new one without downtime, as the router guide's
 * worked example does: create the router on the old deployment, add the new one, shift replicas from old
 * to new in steps, scale the old one to zero, and remove it from the router.
 *
 * <p>The plan is fixed when the migration is built, from the replica counts given: {@link #dryRun()} prints
 * it with the expected traffic split after every step and calls nothing. {@link #run} first checks that the
 * deployments (and an existing router) are as the plan assumes, then runs each step, waits until the
 * router and the deployments it touched are {@code READY} (a scaled deployment with the planned replica
 * count), and calls the {@link MigrationCheck}. When the check fails, that step is undone and the run stops
 * with {@link MigrationResult.Outcome#ROLLED_BACK}. Within a step, replicas are added before any are
 * removed, so serving capacity never dips.
 */
public final class TrafficMigration {
  private static final Logger LOG = LoggerFactory.getLogger("dev.fireworks4j.migration");
  private static final Set<State> NOT_BECOMING_READY = Set.of(State.FAILED, State.DELETED, State.DELETING);
  private final String router;
  private final String from;
  private final String to;
  private final boolean createRouter;
  private final RouterStrategy strategy;
  private final MigrationCheck check;
  private final WaitOptions waitOptions;
  private final PlanState start;
  private final List<MigrationStep> steps;

  private TrafficMigration(Builder b) {
    this.router = required("router", b.router);
    this.from = required("from", b.from);
    this.to = required("to", b.to);
    if (from.equals(to)) {
      throw new ValidationException("to", "must differ from the old deployment, both are " + from);
    }
    if (b.fromReplicas == null) {
      throw new ValidationException("fromReplicas", "is required: the old deployment's current replica count");
    }
    if (b.toReplicas == null) {
      throw new ValidationException("toReplicas", "is required: the new deployment's final replica count");
    }
    this.createRouter = b.createRouter;
    this.strategy = b.strategy;
    this.check = b.check;
    this.waitOptions = b.waitOptions;
    this.start = new PlanState(!createRouter, createRouter ? List.of() : List.of(from), b.fromReplicas,
        b.toInitialReplicas);
    this.steps = plan(b.fromReplicas, b.toReplicas, b.toInitialReplicas, b.shiftSteps);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The steps, in order. */
  public List<MigrationStep> steps() {
    return steps;
  }

  /** The plan as text: the starting split, then every step with the split expected after it. Calls nothing. */
  public String dryRun() {
    StringBuilder out = new StringBuilder()
        .append("Dry run: move router ").append(router).append(" from ").append(from).append(" to ").append(to)
        .append(" in ").append(steps.size()).append(" steps; nothing is called.\n\n");
    if (start.routerExists()) {
      out.append("Before: router ").append(router).append(" covers ").append(from).append('\n')
          .append(start.split(from, to).toTable()).append('\n');
    } else {
      out.append("Before: router ").append(router).append(" does not exist yet\n\n");
    }
    for (MigrationStep step : steps) {
      out.append(step).append('\n').append(step.split().toTable()).append('\n');
    }
    return out.toString();
  }

  /**
   * Runs the plan. Returns {@link MigrationResult.Outcome#COMPLETED} when every step passed its check, or
   * {@link MigrationResult.Outcome#ROLLED_BACK} when a check failed and its step was undone. Throws a
   * {@link ValidationException} before changing anything when the deployments or the router are not as the
   * plan assumes, and a {@link MigrationException} when a step fails (after undoing it as far as possible).
   */
  public MigrationResult run(RoutersClient routers, DeploymentsClient deployments) {
    Execution execution = new Execution(Objects.requireNonNull(routers, "routers"),
        Objects.requireNonNull(deployments, "deployments"));
    execution.checkStart();
    List<MigrationStep> completed = new ArrayList<>();
    for (MigrationStep step : steps) {
      LOG.info("{}: {}", router, step);
      try {
        execution.apply(step.before(), step.after());
      } catch (RuntimeException failure) {
        try {
          execution.apply(step.after(), step.before());
        } catch (RuntimeException undo) {
          failure.addSuppressed(undo);
        }
        throw new MigrationException(step + " failed: " + failure.getMessage(), step, completed, failure);
      }
      String reason = runCheck(step);
      if (reason != null) {
        LOG.warn("{}: check failed after {}: {}; undoing the step", router, step, reason);
        try {
          execution.apply(step.after(), step.before());
        } catch (RuntimeException undo) {
          throw new MigrationException("check failed after " + step + " (" + reason + ") and undoing the step failed: "
              + undo.getMessage(), step, completed, undo);
        }
        return MigrationResult.rolledBack(completed, step, reason);
      }
      completed.add(step);
    }
    return MigrationResult.completed(completed);
  }

  /** Null when the check passes, else why it failed. */
  private String runCheck(MigrationStep step) {
    try {
      return check.healthy(step) ? null : "the check returned false";
    } catch (RuntimeException e) {
      return "the check threw " + e;
    }
  }

  private List<MigrationStep> plan(int fromReplicas, int toReplicas, int toInitial, int shiftSteps) {
    List<MigrationStep> plan = new ArrayList<>();
    PlanState state = start;
    if (createRouter) {
      state = add(plan, state, state.withRouter(List.of(from)), Kind.CREATE_ROUTER,
          "create router " + router + " on " + from);
    }
    state = add(plan, state, state.withRouter(List.of(from, to)), Kind.ADD_TO_ROUTER,
        "add " + to + " to router " + router + " (it has " + toInitial + " replicas)");
    for (int i = 1; i <= shiftSteps; i++) {
      int updated = Math.max(toInitial, (int) Math.round(toReplicas * (double) i / shiftSteps));
      int old = fromReplicas == 0
          ? 0 : Math.max(1, (int) Math.round(fromReplicas * (double) (shiftSteps - i) / shiftSteps));
      state = add(plan, state, state.withReplicas(old, updated), Kind.SHIFT,
          "scale " + to + " to " + updated + " and " + from + " to " + old);
    }
    state = add(plan, state, state.withReplicas(0, state.newReplicas()), Kind.SCALE_DOWN_OLD,
        "scale " + from + " to 0");
    add(plan, state, state.withRouter(List.of(to)), Kind.REMOVE_FROM_ROUTER,
        "remove " + from + " from router " + router);
    return List.copyOf(plan);
  }

  /** Appends a step unless it would change nothing; returns the state after it. */
  private PlanState add(List<MigrationStep> plan, PlanState before, PlanState after, Kind kind, String description) {
    if (after.equals(before)) {
      return before;
    }
    plan.add(new MigrationStep(plan.size() + 1, kind, description, before, after, after.split(from, to)));
    return after;
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(field, "is required");
    }
    return value;
  }

  /** The API calls of one run: moves the platform from one plan state to another, waiting for READY. */
  private final class Execution {
    private final RoutersClient routers;
    private final DeploymentsClient deployments;
    /** Whether this run created the router, so that undoing the first step may delete it. */
    private boolean createdRouter;

    Execution(RoutersClient routers, DeploymentsClient deployments) {
      this.routers = routers;
      this.deployments = deployments;
    }

    /** Fails before any change when the platform is not where the plan starts. */
    void checkStart() {
      expectReplicas(from, start.oldReplicas(), "fromReplicas");
      deployments.awaitReady(to, waitOptions);
      expectReplicas(to, start.newReplicas(), "toInitialReplicas");
      if (start.routerExists()) {
        List<String> covered = routers.get(router).deployments();
        if (covered.size() != 1 || !sameDeployment(covered.get(0), from)) {
          throw new ValidationException("router", router + " covers " + covered + "; the plan expects exactly " + from);
        }
      } else if (routerExists()) {
        throw new ValidationException("router",
            router + " exists already; build the migration with createRouter(false)");
      }
    }

    private boolean routerExists() {
      try {
        routers.get(router);
        return true;
      } catch (NotFoundException e) {
        return false;
      }
    }

    void apply(PlanState before, PlanState after) {
      if (!before.routerExists() && after.routerExists()) {
        RouterCreateParams.Builder create = RouterCreateParams.builder()
            .routerId(routerId())
            .addAllDeployments(after.routerDeployments());
        if (strategy != null) {
          create.strategy(strategy);
        }
        routers.create(create.build());
        createdRouter = true;
        routers.awaitReady(router, waitOptions);
      }
      scale(before, after, true);
      if (before.routerExists() && after.routerExists()
          && !before.routerDeployments().equals(after.routerDeployments())) {
        routers.update(router, RouterUpdateParams.builder().deployments(after.routerDeployments()).build());
        routers.awaitReady(router, waitOptions);
      }
      scale(before, after, false);
      if (before.routerExists() && !after.routerExists() && createdRouter) {
        routers.delete(router);
        createdRouter = false;
      }
    }

    /** Scales every deployment whose count goes up ({@code up}) or down, waiting for each. */
    private void scale(PlanState before, PlanState after, boolean up) {
      for (String deployment : up ? List.of(to, from) : List.of(from, to)) {
        int was = before.replicasOf(deployment, from);
        int wanted = after.replicasOf(deployment, from);
        if (up ? wanted > was : wanted < was) {
          deployments.scale(deployment, wanted);
          awaitReplicas(deployment, wanted);
        }
      }
    }

    private void awaitReplicas(String deployment, int replicas) {
      Waiter.<Deployment>builder("deployment " + deployment + " to be READY with " + replicas + " replicas")
          .options(waitOptions)
          .until(d -> d.state().filter(State.READY::equals).isPresent() && d.replicaCount().orElse(0) == replicas)
          .failWhen(d -> d.state().filter(NOT_BECOMING_READY::contains).isPresent(),
              d -> new TerminalStateException(d.name().orElse(deployment), d.state().orElseThrow(),
                  d.status().orElse(null)))
          .describe(d -> d.state().map(Object::toString).orElse("no state") + " with "
              + d.replicaCount().orElse(0) + " replicas")
          .build()
          .await(() -> deployments.get(deployment));
    }

    private void expectReplicas(String deployment, int expected, String field) {
      int actual = deployments.get(deployment).replicaCount().orElse(0);
      if (actual != expected) {
        throw new ValidationException(field, deployment + " has " + actual + " replicas; the plan expects "
            + expected + " (build the plan from the current counts)");
      }
    }

    private String routerId() {
      return lastSegment(router);
    }

    private boolean sameDeployment(String covered, String deployment) {
      return covered.equals(deployment) || lastSegment(covered).equals(lastSegment(deployment));
    }

    private String lastSegment(String name) {
      return name.substring(name.lastIndexOf('/') + 1);
    }
  }

  /** Builds a {@link TrafficMigration}. */
  public static final class Builder {
    /** The default number of shift steps. */
    private static final int DEFAULT_SHIFT_STEPS = 3;
    private String router;
    private String from;
    private String to;
    private Integer fromReplicas;
    private Integer toReplicas;
    private int toInitialReplicas;
    private int shiftSteps = DEFAULT_SHIFT_STEPS;
    private boolean createRouter = true;
    private RouterStrategy strategy;
    private MigrationCheck check = MigrationCheck.NONE;
    private WaitOptions waitOptions = WaitOptions.defaults();

    private Builder() {}

    /** The router, by short id or full name (required). */
    public Builder router(String router) {
      this.router = router;
      return this;
    }

    /** The old deployment, by short id or full name (required). */
    public Builder from(String deployment) {
      this.from = deployment;
      return this;
    }

    /** The new deployment, by short id or full name (required); it must exist. */
    public Builder to(String deployment) {
      this.to = deployment;
      return this;
    }

    /** The old deployment's replica count now (required). */
    public Builder fromReplicas(int replicas) {
      this.fromReplicas = notNegative("fromReplicas", replicas);
      return this;
    }

    /** The new deployment's replica count at the end, at least 1 (required). */
    public Builder toReplicas(int replicas) {
      if (replicas < 1) {
        throw new ValidationException("toReplicas", "must be at least 1, or the router would have no traffic; was "
            + replicas);
      }
      this.toReplicas = replicas;
      return this;
    }

    /** The new deployment's replica count now (default 0). */
    public Builder toInitialReplicas(int replicas) {
      this.toInitialReplicas = notNegative("toInitialReplicas", replicas);
      return this;
    }

    /** How many steps move replicas from old to new before the old one goes to zero (default 3). */
    public Builder shiftSteps(int steps) {
      if (steps < 1 || steps > 100) {
        throw new ValidationException("shiftSteps", "must be from 1 to 100, was " + steps);
      }
      this.shiftSteps = steps;
      return this;
    }

    /**
     * Whether the first step creates the router over the old deployment (default true); when false the
     * router must exist and cover exactly the old deployment.
     */
    public Builder createRouter(boolean createRouter) {
      this.createRouter = createRouter;
      return this;
    }

    /** The strategy of a router the migration creates (default the server's). */
    public Builder strategy(RouterStrategy strategy) {
      this.strategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /** The check run after each step (default none). */
    public Builder check(MigrationCheck check) {
      this.check = Objects.requireNonNull(check, "check");
      return this;
    }

    /** How long and how often to poll for READY after each change (default {@link WaitOptions#defaults()}). */
    public Builder waitOptions(WaitOptions waitOptions) {
      this.waitOptions = Objects.requireNonNull(waitOptions, "waitOptions");
      return this;
    }

    /** The migration, with its plan. */
    public TrafficMigration build() {
      return new TrafficMigration(this);
    }

    private static int notNegative(String field, int value) {
      if (value < 0) {
        throw new ValidationException(field, "must be 0 or more, was " + value);
      }
      return value;
    }
  }
}
