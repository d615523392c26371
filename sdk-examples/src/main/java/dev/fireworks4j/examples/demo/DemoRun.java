package dev.fireworks4j.examples.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the demo: the five steps in order, each with its checks, then the removal of everything the run
 * created (also on failure, and from a shutdown hook on Ctrl-C), then a summary.
 */
final class DemoRun {
  private static final List<DemoStep> STEPS = List.of(new AbTestStep(), new StableAliasStep(),
      new GradualMigrationStep(), new EvenLoadStep(), new DirectRouteStep());

  private final Platform platform;
  private final Console console;

  DemoRun(Platform platform, Console console) {
    this.platform = platform;
    this.console = console;
  }

  /** Runs every step and the cleanup; true when no check failed. */
  boolean run() {
    long started = System.nanoTime();
    DemoResources resources = new DemoResources(platform.client(), DemoResources.newPrefix());
    console.line("fireworks4j demo: the Fireworks router guide, step by step");
    console.line("Running against " + platform.describe() + ".");
    console.line("Every resource it creates is named " + resources.prefix() + "* and deleted at the end.");
    Thread hook = new Thread(() -> {
      console.line("");
      console.line("Interrupted: deleting everything named " + resources.prefix() + "*");
      report(resources.cleanUp(), resources);
    }, "fw4j-demo-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
    Map<String, Checks> results = new LinkedHashMap<>();
    DemoContext context = new DemoContext(platform, console, resources);
    try {
      for (DemoStep step : STEPS) {
        String title = (results.size() + 1) + ". " + step.title();
        console.line("");
        console.line(title);
        Checks checks = new Checks(console);
        try {
          step.run(context, checks);
        } catch (RuntimeException e) {
          checks.abort("the step stopped: " + e);
        }
        results.put(title, checks);
      }
    } finally {
      console.line("");
      console.line("Cleanup");
      results.put("Cleanup", cleanUp(resources));
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run: nothing left to remove
      }
    }
    return summarize(results, (System.nanoTime() - started) / 1_000_000);
  }

  private Checks cleanUp(DemoResources resources) {
    Checks checks = new Checks(console);
    try {
      DemoResources.Cleanup cleanup = resources.cleanUp();
      report(cleanup, resources);
      List<String> left = resources.remaining();
      checks.check(cleanup.errors().isEmpty() && left.isEmpty(), left.isEmpty()
          ? "nothing named " + resources.prefix() + "* is left" : "still there: " + left);
    } catch (RuntimeException e) {
      checks.abort("cleanup stopped: " + e + "; delete what is named " + resources.prefix() + "* by hand");
    }
    return checks;
  }

  private void report(DemoResources.Cleanup cleanup, DemoResources resources) {
    console.line("   deleted " + cleanup.routers() + " routers and " + cleanup.deployments() + " deployments named "
        + resources.prefix() + "*");
    cleanup.errors().forEach(error -> console.line("   could not delete " + error));
  }

  private boolean summarize(Map<String, Checks> results, long millis) {
    Table table = new Table("Step", "Result");
    List<String> failed = new ArrayList<>();
    results.forEach((title, checks) -> {
      table.row(title, checks.verdict());
      if (checks.verdict() == Checks.Verdict.FAIL) {
        failed.add(title + ": " + checks.firstFailure().orElse("no check was made"));
      }
    });
    console.line("");
    console.line("Summary");
    console.block("   ", table.toString());
    if (failed.isEmpty()) {
      console.line("All checks passed in " + DemoContext.seconds(millis) + ".");
      return true;
    }
    console.line(failed.size() + " of " + results.size() + " steps failed, in " + DemoContext.seconds(millis) + ":");
    failed.forEach(failure -> console.line("   " + failure));
    return false;
  }
}
