package dev.fireworks4j.examples;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.error.NotFoundException;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.DeploymentCreateParams;
import dev.fireworks4j.routers.model.DeploymentDeleteParams;
import dev.fireworks4j.routers.model.Router;
import dev.fireworks4j.routers.model.RouterCreateParams;
import dev.fireworks4j.routers.wait.WaitOptions;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Waits for new resources to become READY: a create returns at once with the resource CREATING, and
 * {@code awaitReady} polls until it is READY, failing early when a deployment ends FAILED.
 *
 * <p>Run: {@code AwaitReadyExample [base-model]}. On the platform this starts a real deployment (it takes
 * minutes and costs money) and deletes it at the end.
 */
public final class AwaitReadyExample {
  private AwaitReadyExample() {}

  /** Runs the example on the platform or, without {@code FIREWORKS_API_KEY}, on an emulator with a 0.5 s lifecycle. */
  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.fromEnvOrEmulator(
        emulator -> emulator.lifecycleDelay(Duration.ofMillis(500)))) {
      String baseModel = args.length == 1 ? args[0] : "accounts/fireworks/models/llama-v3p1-8b-instruct";
      Fireworks fw = env.fireworks();
      try {
        run(fw, "await-example", baseModel, System.out);
      } finally {
        deleteIfPresent(() -> fw.routers().delete("await-example"));
        deleteIfPresent(() -> fw.deployments().delete("await-example",
            DeploymentDeleteParams.builder().hard(true).ignoreChecks(true).build()));
      }
    }
  }

  /**
   * Creates deployment {@code id} of {@code baseModel} and a router of the same id over it, waits until both are
   * READY, and returns the router.
   */
  public static Router run(Fireworks fw, String id, String baseModel, PrintStream out) {
    Deployment deployment = fw.deployments().create(DeploymentCreateParams.builder()
        .deploymentId(id)
        .baseModel(baseModel)
        .minReplicaCount(1)
        .maxReplicaCount(1)
        .build());
    out.println("deployment " + deployment.name().orElseThrow() + " is " + deployment.state().orElseThrow());

    WaitOptions patiently = WaitOptions.builder()
        .timeout(Duration.ofMinutes(30))       // a cold deployment may take many minutes
        .initialInterval(Duration.ofMillis(200))
        .maxInterval(Duration.ofSeconds(10))
        .build();
    Deployment ready = fw.deployments().awaitReady(id, patiently);
    out.println("deployment " + ready.name().orElseThrow() + " is " + ready.state().orElseThrow() + " with "
        + ready.replicaCount().orElse(0) + " replica(s)");

    Router router = fw.routers().create(RouterCreateParams.builder().routerId(id).addDeployments(id).build());
    out.println("router " + router.name().orElseThrow() + " is " + router.state().orElseThrow());
    Router readyRouter = fw.routers().awaitReady(id, Duration.ofMinutes(5));
    out.println("router " + readyRouter.name().orElseThrow() + " is " + readyRouter.state().orElseThrow());
    return readyRouter;
  }

  private static void deleteIfPresent(Runnable delete) {
    try {
      delete.run();
    } catch (NotFoundException alreadyGone) {
      // never created, or deleted already
    }
  }
}
