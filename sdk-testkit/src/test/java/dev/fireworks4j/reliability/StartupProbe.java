package dev.fireworks4j.reliability;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;

/**
 * Runs in a fresh JVM for {@link StartupTest} and prints {@code name=value} lines: the cold cost of a JDK
 * {@code HttpClient} or of the SDK's {@code ObjectMapper} alone, or the SDK's first request (client built,
 * first answer) and then {@code main-end} just before {@code main} returns, with the client open or closed.
 */
public final class StartupProbe {
  private StartupProbe() {}

  /** {@code mode [gatewayRoot apiKey model]}. */
  public static void main(String[] args) {
    String mode = args[0];
    long start = System.nanoTime();
    switch (mode) {
      case "httpclient":
        HttpClient.newBuilder().build();
        print("httpclient_ms", start);
        return;
      case "mapper":
        Json.mapper();
        print("mapper_ms", start);
        return;
      default:
        firstRequest(mode.equals("close"), args[1], args[2], args[3], start);
    }
  }

  private static void firstRequest(boolean close, String root, String apiKey, String model, long start) {
    long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println("jvm_to_main_ms=" + sinceJvmStart);
    Fireworks fw = Fireworks.builder().apiKey(apiKey).endpoints(Endpoints.gateway(URI.create(root))).build();
    print("client_built_ms", start);
    fw.chat().completions().create(ChatCompletionParams.builder().model(model).addUserMessage("hi").build());
    print("first_response_ms", start);
    if (close) {
      fw.close();
    }
    System.out.println("main-end");
    System.out.flush();
  }

  private static void print(String name, long start) {
    System.out.println(name + "=" + (System.nanoTime() - start) / 1_000_000);
  }
}
