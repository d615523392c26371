package dev.fireworks4j.examples.demo;

import dev.fireworks4j.routers.model.DeploymentDeleteParams;
import dev.fireworks4j.routers.model.RouterStrategy;
import dev.fireworks4j.routers.traffic.MigrationResult;
import dev.fireworks4j.routers.traffic.MigrationStep;
import dev.fireworks4j.routers.traffic.TrafficMigration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Step 3, the router guide's zero-downtime traffic migration, run by {@link TrafficMigration}: a router on the
 * old deployment (4 replicas) alone, then old:new at 4:1, 1:4 and 0:4, then the old one removed from the router
 * and deleted. After each step a batch of requests measures the split; background requests flow throughout.
 */
final class GradualMigrationStep implements DemoStep {
  @Override
  public String title() {
    return "Traffic migration";
  }

  @Override
  public void run(DemoContext context, Checks checks) {
    Console console = context.console();
    DemoResources names = context.resources();
    String old = context.createDeployment("old", 4);
    String updated = context.createDeployment("new", 1);
    context.awaitReady(old, updated);
    String router = context.routerAlias("migration");
    console.line("   moving router " + router + " from old (4 replicas) to new (1 replica, scaled to 4)");
    List<SplitCheck> measured = new ArrayList<>();
    AtomicReference<LoadGenerator.Background> background = new AtomicReference<>();
    TrafficMigration migration = TrafficMigration.builder()
        .router(router).from(old).to(updated)
        .fromReplicas(4).toInitialReplicas(1).toReplicas(4).shiftSteps(1)
        .strategy(RouterStrategy.WEIGHTED_RANDOM)
        .waitOptions(context.platform().waitOptions())
        .check(step -> {
          SplitCheck split = new SplitCheck(step.split(),
              context.send("after step " + step.number() + " (" + label(step) + ")", router,
                  context.platform().requestsPerSplit()));
          measured.add(split);
          if (background.get() == null) {              // the router exists from the first step on
            background.set(context.load().background(router));
          }
          return split.withinTolerance() && split.sample().failures() == 0;
        })
        .build();
    MigrationResult result;
    Sample flowing = null;
    try {
      result = migration.run(context.client().routers(), context.client().deployments());
    } finally {
      if (background.get() != null) {
        flowing = background.get().stop();
      }
    }
    console.block("   ", table(migration.steps(), measured, names, old, updated));
    checks.check(result.outcome() == MigrationResult.Outcome.COMPLETED, "all " + migration.steps().size()
        + " steps completed" + result.reason().map(r -> "; stopped: " + r).orElse(""));
    boolean allWithin = measured.size() == migration.steps().size()
        && measured.stream().allMatch(SplitCheck::withinTolerance);
    checks.check(allWithin, "after every step the observed split matched the replica counts within "
        + SplitCheck.SIGMAS + " sigma");
    long failed = measured.stream().mapToLong(s -> s.sample().failures()).sum();
    int sent = measured.stream().mapToInt(s -> s.sample().requests()).sum();
    if (flowing != null) {
      console.line("   background traffic during the migration: " + DemoContext.summary(flowing));
      failed += flowing.failures();
      sent += flowing.requests();
    }
    checks.check(failed == 0, failed + " of " + sent + " requests failed during the migration (retries off)");
    if (result.outcome() == MigrationResult.Outcome.COMPLETED) {
      context.client().deployments().delete(old, DeploymentDeleteParams.builder().hard(true).build());
      console.line("   deleted the old deployment, which no router covers any more");
    }
  }

  private static String label(MigrationStep step) {
    switch (step.kind()) {
      case CREATE_ROUTER: return "router on old";
      case ADD_TO_ROUTER: return "add new";
      case SHIFT: return "shift replicas";
      case SCALE_DOWN_OLD: return "scale old to 0";
      default: return "remove old";
    }
  }

  private static String table(List<MigrationStep> steps, List<SplitCheck> measured, DemoResources names,
      String old, String updated) {
    Table table = new Table("Step", "Router covers", "Expected old / new", "Observed old / new", "Requests");
    for (int i = 0; i < measured.size(); i++) {
      MigrationStep step = steps.get(i);
      SplitCheck split = measured.get(i);
      List<String> covers = new ArrayList<>();
      for (String deployment : step.routerDeployments()) {
        covers.add(names.label(deployment) + " " + (deployment.equals(old) ? step.oldReplicas() : step.newReplicas()));
      }
      table.row(step.number() + ". " + label(step), String.join(", ", covers),
          Table.percent(step.split().fractionOf(old).orElse(0)) + " / "
              + Table.percent(step.split().fractionOf(updated).orElse(0)),
          Table.percent(split.sample().share(old)) + " / " + Table.percent(split.sample().share(updated)),
          split.sample().requests());
    }
    return table.toString();
  }
}
