package dev.fireworks4j.benchmarks.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The clients compared, baseline first and openai-java last (the order of the ratio columns). */
final class Clients {
  private Clients() {}

  static Map<String, Function<String, ClientUnderTest>> all() {
    Map<String, Function<String, ClientUnderTest>> clients = new LinkedHashMap<>();
    clients.put("raw java.net.http", RawJdkClient::new);
    clients.put("fireworks4j", Fireworks4jClient::new);
    clients.put("openai-java", OpenAiJavaClient::new);
    return clients;
  }

  static ClientUnderTest create(String name, String baseUrl) {
    Function<String, ClientUnderTest> factory = all().get(name);
    if (factory == null) {
      throw new IllegalArgumentException("unknown client " + name + "; one of " + all().keySet());
    }
    return factory.apply(baseUrl);
  }
}
