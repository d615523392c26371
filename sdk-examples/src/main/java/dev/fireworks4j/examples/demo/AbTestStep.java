package dev.fireworks4j.examples.demo;

import dev.fireworks4j.routers.model.RouterStrategy;

/**
 * Step 1, the router guide's A/B test: a router over model-a (3 replicas) and model-b (2) splits traffic in
 * proportion to replicas, 60% and 40%. Requests name only the router alias; the observed split is held against
 * the guide's table.
 */
final class AbTestStep implements DemoStep {
  @Override
  public String title() {
    return "A/B test";
  }

  @Override
  public void run(DemoContext context, Checks checks) {
    Console console = context.console();
    String a = context.createDeployment("model-a", 3);
    String b = context.createDeployment("model-b", 2);
    context.awaitReady(a, b);
    context.abDeployments(a, b);
    String router = context.createRouter("ab-test", RouterStrategy.WEIGHTED_RANDOM, a, b);
    console.line("   router " + router + " (weightedRandom) over model-a (3 replicas) and model-b (2 replicas)");
    console.line("   the application sends model=\"" + router + "\"");
    SplitCheck split = context.measureSplit("sending through the router alias", router);
    console.block("   ", split.table(context.resources()));
    checks.check(split.withinTolerance(), "observed shares match the replica ratio within " + SplitCheck.SIGMAS
        + " sigma (" + split.widestTolerance() + ")");
    checks.check(split.sample().failures() == 0, split.sample().failures() + " of " + split.sample().requests()
        + " requests failed");
  }
}
