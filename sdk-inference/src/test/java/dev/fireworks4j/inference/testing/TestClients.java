package dev.fireworks4j.inference.testing;

import dev.fireworks4j.inference.InferenceClient;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;

/** Clients pointed at a local test server, with fast retries and a short stream idle timeout. */
public final class TestClients {
  /** The API key the test clients send. */
  public static final String API_KEY = "fw-test-key-123";
  /** The idle timeout of the test clients' streams. */
  public static final Duration IDLE_TIMEOUT = Duration.ofMillis(200);

  private TestClients() {}

  /** A client whose gateway root is {@code root} (inference at {@code root/inference/v1}). */
  public static InferenceClient gateway(String root) {
    return InferenceClient.builder()
        .apiKey(API_KEY)
        .accountId("test-account")
        .endpoints(Endpoints.gateway(URI.create(root)))
        .streamIdleTimeout(IDLE_TIMEOUT)
        .timeout(Duration.ofSeconds(10))
        .options(options -> options.retryPolicy(RetryPolicy.builder()
            .maxRetries(2)
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(5))
            .build()))
        .build();
  }
}
