package dev.fireworks4j.examples.demo;

import dev.fireworks4j.routers.model.RouterStrategy;
import dev.fireworks4j.routers.model.RouterUpdateParams;
import dev.fireworks4j.routers.wait.Waiter;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Step 2, a stable alias: the application keeps sending the same model string, a router alias, while the
 * deployment behind the router is swapped for another. No request fails, and traffic ends up on the new one.
 */
final class StableAliasStep implements DemoStep {
  @Override
  public String title() {
    return "Stable alias";
  }

  @Override
  public void run(DemoContext context, Checks checks) {
    Console console = context.console();
    DemoResources names = context.resources();
    String a = context.modelA();
    String b = context.modelB();
    String router = context.createRouter("stable", RouterStrategy.WEIGHTED_RANDOM, a);
    int enough = Math.max(20, context.platform().requestsPerSplit() / 10);
    console.line("   router " + router + " over model-a; the application sends model=\"" + router + "\"");
    LoadGenerator.Background traffic = context.load().background(router);
    Sample sample;
    try {
      await(context, "requests served by model-a", () -> traffic.servedBy(a), enough);
      console.line("   swapping the router to model-b while requests flow");
      context.client().routers().update(router, RouterUpdateParams.builder().deployments(b).build());
      context.client().routers().awaitReady(router, context.platform().waitOptions());
      await(context, "requests served by model-b", () -> traffic.servedBy(b), enough);
    } finally {
      sample = traffic.stop();
    }
    console.line("   " + sample.requests() + " requests with the same model string: "
        + sample.servedBy(a) + " served by model-a, then " + sample.servedBy(b) + " by model-b; "
        + sample.failures() + " failed" + sample.firstError().map(e -> " (first: " + e + ")").orElse(""));
    int trailing = trailingRun(sample.outcomes(), b);
    checks.check(sample.failures() == 0, "no request failed during the swap (retries off)");
    checks.check(trailing >= enough && sample.servedBy(a) >= enough, "the alias moved from "
        + names.label(a) + " to " + names.label(b) + ": the last " + trailing + " requests all went to "
        + names.label(b));
  }

  private static void await(DemoContext context, String what, LongSupplier count, int enough) {
    Waiter.<Long>builder(enough + " " + what).options(context.platform().waitOptions())
        .until(n -> n >= enough).build().await(count::getAsLong);
  }

  /** How many of the last outcomes in a row {@code deployment} served. */
  private static int trailingRun(List<Sample.Outcome> outcomes, String deployment) {
    int run = 0;
    for (int i = outcomes.size() - 1; i >= 0 && deployment.equals(outcomes.get(i).servedBy()); i--) {
      run++;
    }
    return run;
  }
}
