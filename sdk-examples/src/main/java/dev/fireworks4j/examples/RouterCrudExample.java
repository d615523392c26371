package dev.fireworks4j.examples;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.routers.model.Router;
import dev.fireworks4j.routers.model.RouterCreateParams;
import dev.fireworks4j.routers.model.RouterStrategy;
import dev.fireworks4j.routers.model.RouterUpdateParams;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Creates, lists, gets, updates and deletes a router, as {@code firectl router create|list|get|update|delete}
 * do.
 *
 * <p>Run: {@code RouterCrudExample [deployment-a deployment-b]} (two existing deployments on the platform; on the
 * emulator they are created for you).
 */
public final class RouterCrudExample {
  private RouterCrudExample() {}

  /** Runs the example on the platform or, without {@code FIREWORKS_API_KEY}, on the emulator. */
  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.fromEnvOrEmulator(
        emulator -> emulator.deployment("model-a", 1).deployment("model-b", 1))) {
      String a = args.length == 2 ? args[0] : "model-a";
      String b = args.length == 2 ? args[1] : "model-b";
      run(env.fireworks(), "crud-example", a, b, System.out);
    }
  }

  /**
   * Creates router {@code routerId} over deployment {@code a}, lists and gets it, moves it to {@code a} and
   * {@code b} with even load, deletes it, and returns the router as the update left it.
   */
  public static Router run(Fireworks fw, String routerId, String a, String b, PrintStream out) {
    Router created = fw.routers().create(RouterCreateParams.builder()
        .routerId(routerId)
        .displayName("CRUD example")
        .addDeployments(a)
        .strategy(RouterStrategy.WEIGHTED_RANDOM)
        .build());
    out.println("created " + created.name().orElseThrow() + " (" + created.state().orElseThrow() + ")");
    fw.routers().awaitReady(routerId, Duration.ofMinutes(5));

    for (Router router : fw.routers().list()) {
      out.println("listed  " + router.name().orElseThrow());
    }

    Router fetched = fw.routers().get(routerId);
    out.println("got     " + fetched.name().orElseThrow() + " over " + fetched.deployments());

    Router updated = fw.routers().update(routerId, RouterUpdateParams.builder()
        .displayName("CRUD example, two deployments")
        .deployments(a, b)
        .strategy(RouterStrategy.EVEN_LOAD)
        .build());
    fw.routers().awaitReady(routerId, Duration.ofMinutes(5));
    out.println("updated " + updated.name().orElseThrow() + " over " + updated.deployments() + " with "
        + updated.strategy().orElseThrow());

    fw.routers().delete(routerId);
    out.println("deleted " + updated.name().orElseThrow());
    return updated;
  }
}
