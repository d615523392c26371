package dev.fireworks4j.reliability;

/** The success bodies the fault servers answer with, and what a caller must read from them. */
final class Bodies {
  static final String ACCOUNT = "acct";
  static final String ROUTER_ID = "r1";
  static final String ROUTER_NAME = "accounts/" + ACCOUNT + "/routers/" + ROUTER_ID;
  static final String ANSWER = "pong";
  static final String ROUTER = "{\"name\":\"" + ROUTER_NAME + "\",\"state\":\"READY\","
      + "\"deployments\":[\"accounts/" + ACCOUNT + "/deployments/d1\"]}";
  static final String CHAT = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"m\","
      + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + ANSWER + "\"},"
      + "\"finish_reason\":\"stop\"}]}";
  static final String STREAM = event("{\"role\":\"assistant\"}", null) + event("{\"content\":\"po\"}", null)
      + event("{\"content\":\"ng\"}", null) + event("{}", "stop") + "data: [DONE]\n\n";

  private Bodies() {}

  /** One chat chunk event carrying {@code delta}. */
  static String event(String delta, String finishReason) {
    return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"m\","
        + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
        + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}\n\n";
  }
}
