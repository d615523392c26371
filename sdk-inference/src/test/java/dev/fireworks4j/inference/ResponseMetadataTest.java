package dev.fireworks4j.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fireworks4j.core.http.Headers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResponseMetadataTest {
  @Test
  void readsTheFireworksHeaders() {
    ResponseMetadata metadata = ResponseMetadata.of(200, Headers.builder()
        .add("X-Request-Id", "req-1")
        .add("Fireworks-Deployment", "accounts/a/deployments/d")
        .add("fireworks-backend-host", "host-1")
        .add("fireworks-server-time-to-first-token", "0.0015")
        .add("fireworks-server-processing-time", "2")
        .add("fireworks-prompt-tokens", "100")
        .add("fireworks-cached-prompt-tokens", "64")
        .add("X-RateLimit-Limit-Tokens-Generated", "5000")
        .add("x-ratelimit-remaining-tokens-generated", "4990")
        .build());

    assertThat(metadata.status()).isEqualTo(200);
    assertThat(metadata.requestId()).contains("req-1");
    assertThat(metadata.deployment()).contains("accounts/a/deployments/d");
    assertThat(metadata.backendHost()).contains("host-1");
    assertThat(metadata.serverTimeToFirstToken()).contains(Duration.ofNanos(1_500_000));
    assertThat(metadata.serverProcessingTime()).contains(Duration.ofSeconds(2));
    assertThat(metadata.promptTokens()).hasValue(100);
    assertThat(metadata.cachedPromptTokens()).hasValue(64);
    assertThat(metadata.rateLimits()).containsExactly(
        java.util.Map.entry("limit-tokens-generated", "5000"), java.util.Map.entry("remaining-tokens-generated", "4990"));
    assertThat(metadata.rateLimit("limit-tokens-generated")).hasValue(5000);
    assertThat(metadata.overLimit()).isFalse();
    assertThat(metadata.header("fireworks-backend-host")).contains("host-1");
    assertThat(metadata.toString()).contains("req-1").contains("accounts/a/deployments/d");
  }

  @Test
  void absentOrMalformedHeadersReadAsEmpty() {
    ResponseMetadata metadata = ResponseMetadata.of(200, Headers.builder()
        .add("fireworks-server-time-to-first-token", "soon")
        .add("fireworks-server-processing-time", "-1")
        .add("fireworks-prompt-tokens", "1.5")
        .build());

    assertThat(metadata.requestId()).isEmpty();
    assertThat(metadata.deployment()).isEmpty();
    assertThat(metadata.serverTimeToFirstToken()).isEmpty();
    assertThat(metadata.serverProcessingTime()).isEmpty();
    assertThat(metadata.promptTokens()).isEmpty();
    assertThat(metadata.rateLimits()).isEmpty();
    assertThat(metadata.rateLimit("remaining-requests")).isEmpty();
  }
}
