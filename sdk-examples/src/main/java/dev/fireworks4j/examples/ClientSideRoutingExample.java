package dev.fireworks4j.examples;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.routers.clientside.ClientSideRouter;
import dev.fireworks4j.routers.clientside.TopologySource;
import dev.fireworks4j.routers.picker.PickStrategy;
import dev.fireworks4j.routers.picker.TargetStats;
import dev.fireworks4j.testkit.LatencyModel;
import dev.fireworks4j.testkit.ServingProfile;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Client-side routing (see docs/CLIENT-SIDE-ROUTING.md): a {@link ClientSideRouter} picks the deployment of a
 * router for every request in this JVM, here by even load (the fewest requests in flight per replica), and keeps
 * one user's requests on one deployment with an affinity key.
 *
 * <p>Run: {@code ClientSideRoutingExample [router-id]}. On the emulator the router covers a fast deployment and a
 * slow one.
 */
public final class ClientSideRoutingExample {
  private static final int IN_FLIGHT = 8;
  private ClientSideRoutingExample() {}

  /** Runs the example on the platform or, without {@code FIREWORKS_API_KEY}, on the emulator. */
  public static void main(String[] args) {
    ServingProfile slow = ServingProfile.defaults().withLatency(LatencyModel.of(Duration.ofMillis(50), Duration.ZERO));
    try (ExampleEnvironment env = ExampleEnvironment.fromEnvOrEmulator(emulator -> emulator
        .deployment("fast", 2).deployment("slow", 2).profile("slow", slow).router("my-router", "fast", "slow"))) {
      Fireworks fw = env.fireworks();
      run(fw, RouterName.of(fw.accountId(), args.length == 1 ? args[0] : "my-router"), 200, "user-42", System.out);
    }
  }

  /**
   * Sends {@code requests} requests, eight at a time, to {@code router}'s alias routed client-side by even load, then
   * ten requests for {@code userId} with sticky routing; returns the per-deployment counters and the deployments
   * that served the user.
   */
  public static Result run(Fireworks control, RouterName router, int requests, String userId, PrintStream out) {
    try (ClientSideRouter routing = ClientSideRouter.builder()
        .router(router)
        .topology(TopologySource.controlPlane(control.routers(), control.deployments()))
        .endpoints(control.options().endpoints())    // the gateway, and everything not sent to the alias
        .strategy(PickStrategy.EVEN_LOAD)
        .build()) {
      Fireworks fw = control.withOptions(options -> options.endpoints(routing));
      ChatCompletionParams params = ChatCompletionParams.builder()
          .model(router).addUserMessage("Hello").maxTokens(8).build();

      // eight requests in flight at a time: each lane sends its next request when the previous one is answered
      List<CompletableFuture<?>> lanes = new ArrayList<>();
      for (int lane = 0; lane < IN_FLIGHT; lane++) {
        CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
        for (int i = lane; i < requests; i += IN_FLIGHT) {
          chain = chain.thenCompose(previous -> fw.async().chat().completions().create(params));
        }
        lanes.add(chain);
      }
      CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).join();
      Map<String, TargetStats> stats = routing.stats();
      stats.forEach((deployment, s) -> out.println(deployment + ": " + s.requests() + " requests, " + s.replicas()
          + " replicas, mean latency " + s.latency().toMillis() + " ms"));

      Fireworks session = control.withOptions(options -> options.endpoints(routing.withAffinity(userId)));
      Set<String> servedUser = new TreeSet<>();
      for (int i = 0; i < 10; i++) {
        servedUser.add(session.chat().completions().withRawResponse().create(params).metadata().deployment()
            .orElse("unknown"));
      }
      out.println(userId + " was served by " + servedUser);
      return new Result(routing.stats(), servedUser);
    }
  }

  /**
   * What the example observed.
   *
   * @param stats the client-side router's counters, by deployment name
   * @param servedUser the deployments that served the sticky user's requests
   */
  public record Result(Map<String, TargetStats> stats, Set<String> servedUser) {}
}
