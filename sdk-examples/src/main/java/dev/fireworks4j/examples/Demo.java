package dev.fireworks4j.examples;

import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.endpoint.Endpoint;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.name.RouterName;

/** The README's first command: prints the configuration resolved from the environment and the endpoints it would call. */
public final class Demo {
  private Demo() {}

  /** Runs the demo. */
  public static void main(String[] args) {
    ClientOptions options = ClientOptions.fromEnv();
    String account = options.accountId().orElse("my-account");
    String router = RouterName.of(account, "my-router").toString();
    Endpoint control = options.endpoints().resolve(Plane.CONTROL, null);
    Endpoint inference = options.endpoints().resolve(Plane.INFERENCE, router);
    System.out.println("fireworks4j configuration (from FIREWORKS_* environment variables)");
    System.out.println("  " + options);
    System.out.println("Endpoints it would call:");
    System.out.println("  list routers  GET  " + control.resolve("/v1/accounts/" + account + "/routers"));
    System.out.println("  chat          POST " + inference.resolve("/chat/completions") + "  (model " + router + ")");
  }
}
