package dev.fireworks4j.inference.testing;

/** Response bodies in the shapes Fireworks sends, shared by the tests. */
public final class Fixtures {
  /** A chat completion with reasoning, a tool call, cached-token usage, perf metrics and unknown fields. */
  public static final String CHAT_COMPLETION = "{"
      + "\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
      + "\"model\":\"accounts/fireworks/models/llama-v3p1-8b-instruct\","
      + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Checking the weather.\","
      + "\"reasoning_content\":\"The user wants weather.\","
      + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
      + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},\"finish_reason\":\"tool_calls\",\"logprobs\":null}],"
      + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5,\"total_tokens\":17,"
      + "\"prompt_tokens_details\":{\"cached_tokens\":8}},"
      + "\"perf_metrics\":{\"prompt-tokens\":12,\"cached-prompt-tokens\":8,\"server-time-to-first-token\":0.05,"
      + "\"server-processing-time\":\"0.25\",\"deployment\":\"accounts/acct/deployments/d1\",\"backend-host\":\"host-7\"},"
      + "\"system_fingerprint\":\"fp_1\",\"future_field\":{\"nested\":[1,2]}}";

  /** A text completion. */
  public static final String COMPLETION = "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1700000001,"
      + "\"model\":\"accounts/fireworks/models/llama-v3p1-8b\",\"choices\":[{\"index\":0,\"text\":\" world\","
      + "\"finish_reason\":\"length\",\"logprobs\":{\"tokens\":[\" world\"],\"token_logprobs\":[-0.5],"
      + "\"top_logprobs\":[{\" world\":-0.5,\" there\":-1.5}],\"text_offset\":[5]}}],"
      + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";

  private Fixtures() {}

  /** A chat chunk event with content for choice 0. */
  public static String contentChunk(String content) {
    return event("{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1700000002,"
        + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},"
        + "\"finish_reason\":null}]}");
  }

  /** The role chunk that starts a chat stream. */
  public static String roleChunk() {
    return event("{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1700000002,"
        + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null},"
        + "\"finish_reason\":null}]}");
  }

  /** A chunk that ends choice 0, optionally with usage. */
  public static String finishChunk(String reason, String usage) {
    return event("{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1700000002,"
        + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + reason + "\"}]"
        + (usage != null ? ",\"usage\":" + usage : "") + "}");
  }

  /** A usage-only chunk with empty choices. */
  public static String usageChunk(String usage) {
    return event("{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1700000002,"
        + "\"model\":\"m\",\"choices\":[],\"usage\":" + usage + "}");
  }

  /** One SSE data event. */
  public static String event(String json) {
    return "data: " + json + "\n\n";
  }

  /** The end of a stream. */
  public static final String DONE = "data: [DONE]\n\n";
}
