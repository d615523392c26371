package dev.fireworks4j.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.core.error.ConnectionException;
import dev.fireworks4j.core.error.FireworksTimeoutException;
import dev.fireworks4j.core.http.SdkHttpRequest;
import dev.fireworks4j.core.http.SdkHttpResponse;
import dev.fireworks4j.core.http.StreamingHttpResponse;
import dev.fireworks4j.core.testing.FakeTime;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryingTransportTest {
  private static final Instant EPOCH = Instant.parse("2026-11-22T10:00:00Z");
  private final FakeTime time = new FakeTime(EPOCH);
  private final ScriptedTransport server = new ScriptedTransport();

  private RetryingTransport retrying(RetryPolicy policy, double jitter) {
    return new RetryingTransport(server, policy, time, () -> jitter);
  }

  private static SdkHttpRequest get() {
    return SdkHttpRequest.builder().method("GET").uri(URI.create("https://api.fireworks.ai/v1/x")).build();
  }

  private static SdkHttpRequest nonIdempotentPost() {
    return SdkHttpRequest.builder().method("POST").uri(URI.create("https://api.fireworks.ai/v1/x"))
        .idempotent(false).build();
  }

  @Test
  void retriesTransientStatusesWithFullJitterExponentialBackoff() {
    server.respond(503).respond(500).respond(200);
    SdkHttpResponse response = retrying(RetryPolicy.defaults(), 0.5).execute(get());

    assertThat(response.status()).isEqualTo(200);
    assertThat(server.attempts).extracting(SdkHttpRequest::attempt).containsExactly(1, 2, 3);
    // bound 0.5 s then 1 s, times the jitter draw of 0.5
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
  }

  @Test
  void backoffIsCappedAtTheMaximum() {
    RetryPolicy policy = RetryPolicy.builder().maxRetries(6).build();
    for (int i = 0; i < 6; i++) {
      server.respond(502);
    }
    server.respond(200);
    retrying(policy, 0.999_999).execute(get());

    assertThat(time.sleeps()).hasSize(6);
    assertThat(time.sleeps().get(0)).isBetween(Duration.ofMillis(499), Duration.ofMillis(500));
    assertThat(time.sleeps().get(4)).isBetween(Duration.ofMillis(7999), Duration.ofSeconds(8));
    assertThat(time.sleeps().get(5)).isBetween(Duration.ofMillis(7999), Duration.ofSeconds(8));
    assertThat(policy.backoff(63, 1.0)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void stopsAfterMaxRetriesAndReturnsTheLastResponse() {
    server.respond(503).respond(503).respond(503);
    SdkHttpResponse response = retrying(RetryPolicy.defaults(), 0).execute(get());

    assertThat(response.status()).isEqualTo(503);
    assertThat(server.attempts).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 422, 501})
  void neverRetriesClientErrorsOrUnimplemented(int status) {
    server.respond(status);
    SdkHttpResponse response = retrying(RetryPolicy.defaults(), 0).execute(get());

    assertThat(response.status()).isEqualTo(status);
    assertThat(server.attempts).hasSize(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504, 520})
  void retriesEachTransientStatus(int status) {
    server.respond(status).respond(200);
    assertThat(retrying(RetryPolicy.defaults(), 0).execute(get()).status()).isEqualTo(200);
    assertThat(server.attempts).hasSize(2);
  }

  @Test
  void honoursRetryAfterSeconds() {
    server.respond(429, "Retry-After", "3").respond(200);
    retrying(RetryPolicy.defaults(), 0.5).execute(get());
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void honoursRetryAfterHttpDate() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(EPOCH.plusSeconds(7).atOffset(ZoneOffset.UTC));
    server.respond(503, "Retry-After", date).respond(200);
    retrying(RetryPolicy.defaults(), 0.5).execute(get());
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterMsWinsOverRetryAfter() {
    server.respond(429, "retry-after-ms", "1500.5", "Retry-After", "30").respond(200);
    retrying(RetryPolicy.defaults(), 0.5).execute(get());
    assertThat(time.sleeps()).containsExactly(Duration.ofNanos(1_500_500_000));
  }

  @Test
  void malformedRetryAfterFallsBackToBackoff() {
    server.respond(429, "Retry-After", "soon").respond(200);
    retrying(RetryPolicy.defaults(), 1.0).execute(get());
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void retryAfterBeyondTheCeilingEndsRetries() {
    server.respond(429, "Retry-After", "120");
    SdkHttpResponse response = retrying(RetryPolicy.defaults(), 0.5).execute(get());
    assertThat(response.status()).isEqualTo(429);
    assertThat(server.attempts).hasSize(1);
  }

  @Test
  void shouldRetryHeaderOverridesTheStatus() {
    server.respond(400, "x-should-retry", "true").respond(200);
    assertThat(retrying(RetryPolicy.defaults(), 0).execute(get()).status()).isEqualTo(200);

    ScriptedTransport second = new ScriptedTransport().respond(503, "x-should-retry", "false");
    SdkHttpResponse response = new RetryingTransport(second, RetryPolicy.defaults(), time, () -> 0).execute(get());
    assertThat(response.status()).isEqualTo(503);
    assertThat(second.attempts).hasSize(1);
  }

  @Test
  void retriesConnectionFailuresOfIdempotentRequests() {
    server.fail(new ConnectionException("reset", true, null)).respond(200);
    assertThat(retrying(RetryPolicy.defaults(), 0).execute(get()).status()).isEqualTo(200);
  }

  @Test
  void nonIdempotentRequestIsRetriedOnlyWhenTheServerCannotHaveActed() {
    server.fail(new ConnectionException("refused", false, null)).respond(429).respond(503);
    SdkHttpResponse response = retrying(RetryPolicy.defaults(), 0).execute(nonIdempotentPost());
    assertThat(response.status()).isEqualTo(503);
    assertThat(server.attempts).hasSize(3);

    ScriptedTransport reset = new ScriptedTransport()
        .fail(new ConnectionException("HTTP/1.1 header parser received no bytes", true, null));
    RetryingTransport transport = new RetryingTransport(reset, RetryPolicy.defaults(), time, () -> 0);
    assertThatThrownBy(() -> transport.execute(nonIdempotentPost()))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("header parser received no bytes")
        .hasMessageContaining("not retried: the request is not idempotent");
    assertThat(reset.attempts).hasSize(1);
  }

  @Test
  void perRequestMaxRetriesOverridesThePolicy() {
    server.respond(503).respond(503);
    SdkHttpRequest request = get().toBuilder().maxRetries(1).build();
    assertThat(retrying(RetryPolicy.defaults(), 0).execute(request).status()).isEqualTo(503);
    assertThat(server.attempts).hasSize(2);
  }

  @Test
  void totalDeadlineCutsAttemptTimeoutsAndStopsRetries() {
    SdkHttpRequest request = get().toBuilder().attemptTimeout(Duration.ofSeconds(10))
        .totalTimeout(Duration.ofSeconds(4)).build();
    ScriptedTransport slow = new ScriptedTransport() {
      @Override
      public synchronized SdkHttpResponse execute(SdkHttpRequest attempt) {
        time.advance(Duration.ofSeconds(3));
        return super.execute(attempt);
      }
    };
    slow.respond(503).respond(503).respond(200);
    RetryingTransport transport = new RetryingTransport(slow, RetryPolicy.defaults(), time, () -> 0.5);

    SdkHttpResponse response = transport.execute(request);

    // after 3 s and a 0.25 s wait only 0.75 s remain: the second attempt's timeout is cut to that
    assertThat(slow.attempts.get(0).attemptTimeout()).contains(Duration.ofSeconds(4));
    assertThat(slow.attempts.get(1).attemptTimeout()).contains(Duration.ofMillis(750));
    // the second attempt used up the deadline, so its 503 is returned instead of retrying
    assertThat(response.status()).isEqualTo(503);
    assertThat(slow.attempts).hasSize(2);
  }

  @Test
  void attemptTimeoutPastTheDeadlineBecomesATotalTimeout() {
    SdkHttpRequest request = get().toBuilder().totalTimeout(Duration.ofSeconds(1)).build();
    ScriptedTransport hanging = new ScriptedTransport() {
      @Override
      public synchronized SdkHttpResponse execute(SdkHttpRequest attempt) {
        time.advance(attempt.attemptTimeout().orElseThrow());
        throw new FireworksTimeoutException("attempt timed out");
      }
    };
    RetryingTransport transport = new RetryingTransport(hanging, RetryPolicy.defaults(), time, () -> 0);

    assertThatThrownBy(() -> transport.execute(request))
        .isInstanceOf(FireworksTimeoutException.class)
        .hasMessageContaining("total timeout of PT1S exceeded after 1 attempt");
  }

  @Test
  void asyncFollowsTheSameSchedule() {
    server.respond(503).fail(new ConnectionException("reset", true, null)).respond(200);
    SdkHttpResponse response = retrying(RetryPolicy.defaults(), 1.0).executeAsync(get()).join();
    assertThat(response.status()).isEqualTo(200);
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void asyncSurfacesTheFinalFailure() {
    server.fail(new ConnectionException("refused", false, null)).fail(new ConnectionException("refused", false, null))
        .fail(new ConnectionException("refused", false, null));
    assertThatThrownBy(() -> retrying(RetryPolicy.defaults(), 0).executeAsync(get()).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ConnectionException.class);
    assertThat(server.attempts).hasSize(3);
  }

  @Test
  void streamingRetriesBeforeHandingTheResponseOverAndClosesDiscardedOnes() {
    server.respond(503).respond(200);
    StreamingHttpResponse response = retrying(RetryPolicy.defaults(), 0).stream(get());
    assertThat(response.status()).isEqualTo(200);
    assertThat(server.streamed).hasSize(2);
    assertThat(server.streamed.get(0).body()).hasToString("closed");
    assertThat(server.streamed.get(1).body()).hasToString("open");
  }

  @Test
  void noRetryPolicyMakesOneAttempt() {
    server.respond(503);
    assertThat(retrying(RetryPolicy.none(), 0).execute(get()).status()).isEqualTo(503);
    assertThat(server.attempts).hasSize(1);
  }
}
