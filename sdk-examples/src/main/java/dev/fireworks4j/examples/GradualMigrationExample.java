package dev.fireworks4j.examples;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.routers.model.RouterStrategy;
import dev.fireworks4j.routers.traffic.MigrationCheck;
import dev.fireworks4j.routers.traffic.MigrationResult;
import dev.fireworks4j.routers.traffic.TrafficMigration;
import java.io.PrintStream;

/**
 * The router guide's zero-downtime migration with {@link TrafficMigration}: a router on the old deployment,
 * then the new one added, replicas shifted from old to new, the old one scaled to zero and removed. After each
 * step a health check sends a few requests through the router; a failing check undoes the step and stops.
 *
 * <p>Run: {@code GradualMigrationExample [old-deployment new-deployment]} (the old one with 4 replicas, the new
 * one with 1).
 */
public final class GradualMigrationExample {
  private GradualMigrationExample() {}

  /** Runs the example on the platform or, without {@code FIREWORKS_API_KEY}, on the emulator. */
  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.fromEnvOrEmulator(
        emulator -> emulator.deployment("old", 4).deployment("new", 1))) {
      String from = args.length == 2 ? args[0] : "old";
      String to = args.length == 2 ? args[1] : "new";
      MigrationResult result = run(env.fireworks(), "migration-example", from, to, System.out);
      env.fireworks().routers().delete("migration-example");
      System.out.println(result);
    }
  }

  /**
   * Moves router {@code routerId} (created by the first step) from {@code from} (4 replicas now) to {@code to}
   * (1 replica now, 4 at the end), printing the plan first, and returns how the migration ended.
   */
  public static MigrationResult run(Fireworks fw, String routerId, String from, String to, PrintStream out) {
    ChatCompletionParams probe = ChatCompletionParams.builder()
        .model(RouterName.of(fw.accountId(), routerId))
        .addUserMessage("ping")
        .maxTokens(1)
        .build();
    MigrationCheck healthy = step -> {
      for (int i = 0; i < 20; i++) {
        try {
          fw.chat().completions().create(probe);
        } catch (FireworksException e) {
          out.println("check after " + step + " failed: " + e.getMessage());
          return false;                       // undoes the step and stops the migration
        }
      }
      out.println("check after " + step + ": 20 requests served; expected split now:");
      out.print(step.split().toTable());
      return true;
    };
    TrafficMigration migration = TrafficMigration.builder()
        .router(routerId)
        .from(from).fromReplicas(4)
        .to(to).toInitialReplicas(1).toReplicas(4)
        .shiftSteps(1)                        // 4:1, then 1:4, then 0:4, as in the guide
        .strategy(RouterStrategy.WEIGHTED_RANDOM)
        .check(healthy)
        .build();
    out.println(migration.dryRun());
    return migration.run(fw.routers(), fw.deployments());
  }
}
