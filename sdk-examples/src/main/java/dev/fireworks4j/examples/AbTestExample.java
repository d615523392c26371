package dev.fireworks4j.examples;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.inference.RawResponse;
import dev.fireworks4j.inference.chat.ChatCompletion;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.Router;
import dev.fireworks4j.routers.model.RouterCreateParams;
import dev.fireworks4j.routers.model.RouterStrategy;
import dev.fireworks4j.routers.traffic.TrafficSplit;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The router guide's A/B test: a router over two deployments splits traffic in proportion to their replica
 * counts (3 and 2 replicas: 60% and 40%). The application only ever names the router.
 *
 * <p>Run: {@code AbTestExample [deployment-a deployment-b]}.
 */
public final class AbTestExample {
  private AbTestExample() {}

  /** Runs the example on the platform or, without {@code FIREWORKS_API_KEY}, on the emulator. */
  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.fromEnvOrEmulator(
        emulator -> emulator.deployment("model-a", 3).deployment("model-b", 2))) {
      String a = args.length == 2 ? args[0] : "model-a";
      String b = args.length == 2 ? args[1] : "model-b";
      run(env.fireworks(), "ab-test-example", a, b, 500, System.out);
    }
  }

  /**
   * Creates router {@code routerId} over {@code a} and {@code b}, prints the expected split, sends
   * {@code requests} chat completions to the router alias, deletes the router and returns how many requests
   * each deployment served, by full name.
   */
  public static Map<String, Long> run(Fireworks fw, String routerId, String a, String b, int requests,
      PrintStream out) {
    Router router = fw.routers().create(RouterCreateParams.builder()
        .routerId(routerId).addDeployments(a, b).strategy(RouterStrategy.WEIGHTED_RANDOM).build());
    try {
      fw.routers().awaitReady(routerId, Duration.ofMinutes(5));
      List<Deployment> deployments = List.of(fw.deployments().get(a), fw.deployments().get(b));
      out.print(TrafficSplit.of(router, deployments).toTable());

      ChatCompletionParams params = ChatCompletionParams.builder()
          .model(RouterName.of(fw.accountId(), routerId))   // the alias: accounts/<account>/routers/<id>
          .addUserMessage("Which model are you?")
          .maxTokens(16)
          .build();
      Map<String, Long> served = new TreeMap<>();
      for (int i = 0; i < requests; i++) {
        RawResponse<ChatCompletion> response = fw.chat().completions().withRawResponse().create(params);
        served.merge(response.metadata().deployment().orElse("unknown"), 1L, Long::sum);
      }
      served.forEach((deployment, count) -> out.printf("%s served %d of %d requests (%.1f%%)%n",
          deployment, count, requests, 100.0 * count / requests));
      return served;
    } finally {
      fw.routers().delete(routerId);
    }
  }
}
