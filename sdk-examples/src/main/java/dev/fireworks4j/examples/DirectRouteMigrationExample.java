package dev.fireworks4j.examples;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.EndpointResolver;
import dev.fireworks4j.inference.chat.ChatCompletion;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.directroute.DirectRouteHandle;
import dev.fireworks4j.directroute.DirectRouteMigration;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.testkit.EmulatorConfig;
import java.io.PrintStream;

/**
 * Moving code off a deprecated direct route ({@code https://<account>-<id>.<region>.direct.fireworks.ai/v1} with
 * a direct-route key) to the API gateway ({@code https://api.fireworks.ai/inference/v1} with the Fireworks API
 * key, the deployment's name as model): {@link DirectRouteMigration} reports what changes and rewrites the
 * client options and requests.
 *
 * <p>Run: {@code DirectRouteMigrationExample [deployment-id]} with the deployment's direct-route key in
 * {@code FIREWORKS_DIRECT_ROUTE_KEY}.
 */
public final class DirectRouteMigrationExample {
  private static final String EMULATED_KEY = "example-direct-route-key";

  private DirectRouteMigrationExample() {}

  /** Runs the example on the platform or, without {@code FIREWORKS_API_KEY}, on the emulator. */
  @SuppressWarnings("deprecation") // the direct route is called on purpose, to show the code being migrated
  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.fromEnvOrEmulator(emulator -> emulator.deployment("direct",
        "{\"baseModel\": \"" + EmulatorConfig.DEFAULT_BASE_MODEL + "\", \"directRouteType\": \"INTERNET\","
            + " \"directRouteApiKeys\": [\"" + EMULATED_KEY + "\"], \"placement\": {\"region\": \"US_ARIZONA_1\"}}"))) {
      Fireworks fw = env.fireworks();
      Deployment deployment = fw.deployments().get(args.length == 1 ? args[0] : "direct");
      DirectRouteHandle handle = DirectRouteHandle.from(deployment);
      ApiKey key = ApiKey.of(env.emulator().isPresent() ? EMULATED_KEY : System.getenv("FIREWORKS_DIRECT_ROUTE_KEY"));
      EndpointResolver directRoute = env.emulator()
          .map(emulator -> emulator.directRouteEndpoints(handle.host(), key.reveal()))
          .orElseGet(() -> handle.endpoints(key));
      run(fw, deployment, directRoute, System.out);
    }
  }

  /**
   * Sends a question through the deployment's direct route ({@code directRoute}: where it is served and with which
   * key), then the migrated question through the gateway of {@code fw}'s endpoints, printing the migration
   * report; returns the two answers.
   */
  public static Answers run(Fireworks fw, Deployment deployment, EndpointResolver directRoute,
      PrintStream out) {
    ChatCompletionParams question = ChatCompletionParams.builder()
        .model(deployment.baseModel().orElseThrow())        // what direct-route code usually sends
        .addUserMessage("Hello from before the migration")
        .maxTokens(16)
        .build();

    // before: the direct route, with its own key
    ChatCompletion before;
    try (Fireworks direct = fw.withOptions(options -> options.endpoints(directRoute))) {
      before = direct.chat().completions().create(question);
    }

    // the migration: what changes, then the gateway client and the rewritten request
    DirectRouteMigration migration = DirectRouteMigration.builder()
        .deployment(deployment)
        .gateway(fw.options().endpoints())                 // Endpoints.api(), aws(), gcp(), or the emulator
        .build();
    out.print(migration.report());
    ChatCompletion after;
    try (Fireworks gateway = Fireworks.create(migration.applyTo(fw.options()))) {
      after = gateway.chat().completions().create(migration.rewrite(question));
    }
    out.println("direct route answered: " + before.choices().get(0).message().text().orElse(""));
    out.println("gateway answered:      " + after.choices().get(0).message().text().orElse(""));
    return new Answers(before, after);
  }

  /**
   * The same question answered before and after the migration.
   *
   * @param directRoute the answer through the direct route
   * @param gateway the answer through the API gateway
   */
  public record Answers(ChatCompletion directRoute, ChatCompletion gateway) {}
}
