package dev.fireworks4j.examples.demo;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.inference.RawResponse;
import dev.fireworks4j.inference.chat.ChatCompletion;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.directroute.DirectRouteHandle;
import dev.fireworks4j.directroute.DirectRouteMigration;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.DirectRouteType;
import dev.fireworks4j.routers.model.Placement;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Step 5, off direct routing (deprecated by Fireworks): a deployment with an internet direct route is called
 * through its handle with its direct-route key, then the same request goes through the API gateway with the
 * Fireworks API key and the deployment's name as model, as {@link DirectRouteMigration} rewrites it. The
 * configuration before and after is printed; the direct-route key never is.
 */
final class DirectRouteStep implements DemoStep {
  private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  @Override
  public String title() {
    return "Direct route -> gateway";
  }

  @Override
  public void run(DemoContext context, Checks checks) {
    Platform.DirectRoutes directRoutes = context.platform().directRoutes();
    Optional<String> unavailable = directRoutes.unavailableReason();
    if (unavailable.isPresent()) {
      checks.skip(unavailable.get());
      return;
    }
    Console console = context.console();
    Fireworks client = context.client();
    ApiKey key = newDirectRouteKey();
    String id = context.resources().id("direct");
    Deployment created = client.deployments().create(context.platform().deployment(id, 1)
        .directRouteType(DirectRouteType.INTERNET).addDirectRouteApiKeys(key.reveal())
        .placement(Placement.builder().region(directRoutes.region()).build()).build());
    Deployment deployment = client.deployments().awaitReady(created.name().orElseThrow(),
        context.platform().waitOptions());
    DirectRouteHandle handle = DirectRouteHandle.from(deployment);
    DirectRouteMigration migration = DirectRouteMigration.builder().deployment(deployment)
        .gateway(client.options().endpoints()).build();
    ChatCompletionParams before = ChatCompletionParams.builder().model(deployment.baseModel().orElseThrow())
        .addUserMessage("Say hello in five words.").maxTokens(8).build();

    DemoResources names = context.resources();
    console.line("   deployment " + names.label(id) + " has a direct route" + directRoutes.servedAt(handle)
        .map(url -> " (the emulator serves its handle at " + url + ")").orElse(""));
    Outcome direct;
    try (Fireworks viaDirectRoute = client.withOptions(o -> o.endpoints(directRoutes.endpoints(handle, key)))) {
      direct = call(viaDirectRoute, before);
    }
    console.line("   before: POST " + handle.baseUri() + "/chat/completions");
    console.line("           model " + before.model() + ", direct-route key -> " + direct.describe(names));
    console.block("   ", migration.report());
    Outcome gateway;
    try (Fireworks viaGateway = Fireworks.create(migration.applyTo(client.options()))) {
      gateway = call(viaGateway, migration.rewrite(before));
    }
    console.line("   after:  POST " + migration.gatewayBaseUri() + "/chat/completions");
    console.line("           model " + migration.model() + ", Fireworks API key -> " + gateway.describe(names));
    String name = deployment.name().orElseThrow();
    checks.check(direct.succeeded() && name.equals(direct.servedBy),
        "the direct route served the request from " + names.label(name));
    checks.check(gateway.succeeded() && name.equals(gateway.servedBy),
        "the gateway served the rewritten request from the same deployment");
  }

  private static ApiKey newDirectRouteKey() {
    SecureRandom random = new SecureRandom();
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < 32; i++) {
      key.append(KEY_ALPHABET.charAt(random.nextInt(KEY_ALPHABET.length())));
    }
    return ApiKey.of(key.toString());
  }

  private static Outcome call(Fireworks client, ChatCompletionParams params) {
    try {
      RawResponse<ChatCompletion> response = client.chat().completions().withRawResponse().create(params);
      return new Outcome(response.metadata().status(), response.metadata().deployment().orElse(null), null);
    } catch (RuntimeException e) {
      return new Outcome(0, null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** One request's answer: status and serving deployment, or the failure. */
  private record Outcome(int status, String servedBy, String error) {
    boolean succeeded() {
      return error == null;
    }

    String describe(DemoResources names) {
      return error != null ? "failed: " + error
          : status + ", served by " + (servedBy == null ? "an unnamed deployment" : names.label(servedBy));
    }
  }
}
