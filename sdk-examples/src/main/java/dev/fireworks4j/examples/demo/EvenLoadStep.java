package dev.fireworks4j.examples.demo;

import dev.fireworks4j.routers.model.RouterStrategy;
import dev.fireworks4j.routers.model.RouterUpdateParams;
import java.time.Duration;
import java.util.Optional;

/**
 * Step 4, even load: one deployment of a router is made slow (in the emulator). Under {@code weightedRandom} it
 * keeps its share of traffic, so its latency shows in the tail; under {@code evenLoad} the router sends each
 * request where the fewest are in flight per replica, traffic moves away from the slow deployment and the p99
 * latency falls. Both strategies are measured in the same run, with the same load.
 */
final class EvenLoadStep implements DemoStep {
  /** How long the slow deployment takes to answer. */
  static final Duration SLOW = Duration.ofMillis(500);
  private static final Duration WARM_UP = Duration.ofMillis(300);
  private static final Duration MEASURE = Duration.ofMillis(2500);
  private static final int CONCURRENCY = 8;

  @Override
  public String title() {
    return "Even load";
  }

  @Override
  public void run(DemoContext context, Checks checks) {
    Optional<Platform.Slowdown> slowdown = context.platform().slowdown();
    if (slowdown.isEmpty()) {
      checks.skip("making a deployment slow needs the emulator");
      return;
    }
    Console console = context.console();
    String fast = context.createDeployment("fast", 4);
    String slow = context.createDeployment("slow", 1);
    context.awaitReady(fast, slow);
    String router = context.createRouter("even", RouterStrategy.WEIGHTED_RANDOM, fast, slow);
    slowdown.get().set(slow, SLOW);
    console.line("   router " + router + " over fast (4 replicas) and slow (1 replica, answers in "
        + SLOW.toMillis() + " ms); " + CONCURRENCY + " requests in flight at a time");
    Sample weighted;
    Sample even;
    try {
      weighted = measure(context, "weightedRandom", router);
      context.client().routers().update(router, RouterUpdateParams.builder().strategy(RouterStrategy.EVEN_LOAD)
          .build());
      context.client().routers().awaitReady(router, context.platform().waitOptions());
      even = measure(context, "evenLoad", router);
    } finally {
      slowdown.get().set(slow, Duration.ZERO);
    }
    Table table = new Table("Strategy", "Requests", "Share of slow", "p50 latency", "p99 latency");
    table.row("weightedRandom", weighted.requests(), Table.percent(weighted.share(slow)),
        Table.millis(weighted.latency(0.5)), Table.millis(weighted.latency(0.99)));
    table.row("evenLoad", even.requests(), Table.percent(even.share(slow)), Table.millis(even.latency(0.5)),
        Table.millis(even.latency(0.99)));
    console.block("   ", table.toString());
    checks.check(even.share(slow) < weighted.share(slow) / 2, "evenLoad moved traffic away from the slow deployment ("
        + Table.percent(weighted.share(slow)) + " -> " + Table.percent(even.share(slow)) + ")");
    checks.check(even.latency(0.99).compareTo(weighted.latency(0.99)) < 0, "evenLoad lowered the p99 latency ("
        + Table.millis(weighted.latency(0.99)) + " -> " + Table.millis(even.latency(0.99)) + ")");
    checks.check(weighted.failures() + even.failures() == 0, (weighted.failures() + even.failures()) + " of "
        + (weighted.requests() + even.requests()) + " requests failed");
  }

  private static Sample measure(DemoContext context, String strategy, String router) {
    Console.Progress progress = context.console().progress(strategy, WARM_UP.plus(MEASURE).toMillis());
    Sample sample = context.load().sendFor(router, WARM_UP, MEASURE, CONCURRENCY, progress);
    progress.finish(DemoContext.summary(sample) + " (after " + WARM_UP.toMillis() + " ms of warm-up)");
    return sample;
  }
}
