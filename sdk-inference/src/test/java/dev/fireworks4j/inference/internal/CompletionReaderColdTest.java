package dev.fireworks4j.inference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fireworks4j.inference.InferenceClient;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.inference.chat.ChatCompletion;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.testing.FakeTransport;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * In a class loader of its own, where the SDK starts cold: a chat completion round trip with ordinary
 * parameters and an ordinary answer, usage and unknown fields included, builds no mapper; performance metrics
 * in the answer (asked for only with {@code perf_metrics_in_response}) do.
 */
class CompletionReaderColdTest {
  private static final String MAPPER_HOLDER = Json.class.getName() + "$MapperHolder";
  private static final String ANSWER = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
      + "\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello.\"},"
      + "\"finish_reason\":\"stop\",\"logprobs\":null}],\"system_fingerprint\":\"fp_1\","
      + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":2,\"total_tokens\":14,"
      + "\"prompt_tokens_details\":{\"cached_tokens\":8}}";

  @Test
  void anOrdinaryRoundTripBuildsNoMapper() throws Exception {
    try (ParamsWriterColdTest.IsolatedLoader loader = new ParamsWriterColdTest.IsolatedLoader()) {
      assertThat(loader.call(OrdinaryRoundTrip.class)).isEqualTo("Hello.|\"fp_1\"|12|8");
      assertThat(loader.isLoaded(MAPPER_HOLDER)).isFalse();
    }
  }

  @Test
  void performanceMetricsBuildTheMapper() throws Exception {
    try (ParamsWriterColdTest.IsolatedLoader loader = new ParamsWriterColdTest.IsolatedLoader()) {
      assertThat(loader.call(RoundTripWithMetrics.class)).isEqualTo("true");
      assertThat(loader.isLoaded(MAPPER_HOLDER)).isTrue();
    }
  }

  private static ChatCompletion roundTrip(String answer) {
    FakeTransport transport = new FakeTransport(request -> FakeTransport.json(200, answer));
    try (InferenceClient client = InferenceClient.builder().apiKey("k").options(options -> options.transport(transport)).build()) {
      return client.chat().completions().create(ChatCompletionParams.builder().model("m").temperature(0.5)
          .addSystemMessage("Answer briefly.").addUserMessage("Hi").build());
    }
  }

  /** A round trip; the answer's text, unknown field, prompt tokens and cached tokens. */
  public static final class OrdinaryRoundTrip implements Callable<byte[]> {
    @Override
    public byte[] call() {
      ChatCompletion completion = roundTrip(ANSWER + "}");
      return (completion.choices().get(0).message().text().orElseThrow() + "|"
          + completion.additionalProperty("system_fingerprint").orElseThrow() + "|"
          + completion.usage().orElseThrow().promptTokens() + "|" + completion.usage().orElseThrow().cachedTokens())
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  /** A round trip whose answer has performance metrics; whether it has them. */
  public static final class RoundTripWithMetrics implements Callable<byte[]> {
    @Override
    public byte[] call() {
      ChatCompletion completion = roundTrip(ANSWER + ",\"perf_metrics\":{}}");
      return String.valueOf(completion.perfMetrics().isPresent()).getBytes(StandardCharsets.UTF_8);
    }
  }
}
