package dev.fireworks4j.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.error.ApiException;
import dev.fireworks4j.core.error.ErrorBody;
import dev.fireworks4j.core.error.InvalidResponseException;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.http.Headers;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.core.internal.ApiRequest;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.core.name.AccountName;
import dev.fireworks4j.core.name.DeploymentName;
import dev.fireworks4j.core.name.ModelName;
import dev.fireworks4j.core.name.ResourceName;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.core.retry.RetryAfter;
import dev.fireworks4j.core.retry.RetryPolicy;
import dev.fireworks4j.core.testing.Fuzz;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Property tests on seeded random input (see {@link Fuzz}): every parser of user or server text either
 * succeeds (and round-trips where it formats too) or throws the SDK's typed exception; never an NPE, a
 * ClassCastException or any other surprise. Oversized and deeply nested JSON is refused with a clear error.
 */
class BadInputTest {
  private final FixedResponseTransport transport = new FixedResponseTransport();
  private final ApiInvoker invoker = ApiInvoker.create(ClientOptions.builder().apiKey("fw-fuzz-key")
      .accountId("acct").endpoints(Endpoints.gateway(URI.create("http://127.0.0.1:9"))).transport(transport)
      .retryPolicy(RetryPolicy.none()).build());

  @AfterEach
  void close() {
    invoker.close();
  }

  /** A value with the shapes a server's timestamps and durations come in. */
  record Stamped(Instant createTime, Duration ttl, List<String> names, Map<String, JsonNode> labels) {}

  @Test
  void resourceNamesParseAndRoundTripOrNameTheBadField() {
    List<Function<String, ResourceName>> parsers = List.of(RouterName::parse, DeploymentName::parse,
        ModelName::parse, AccountName::parse, s -> RouterName.resolve(s, "acct"),
        s -> DeploymentName.resolve(s, "acct"), s -> ModelName.resolve(s, "fireworks"));
    Fuzz fuzz = new Fuzz("resource names");
    for (int run = 0; run < Fuzz.RUNS; run++) {
      fuzz.startRun(run);
      String text = fuzz.random().nextBoolean() ? fuzz.string(8)
          : fuzz.mutate(fuzz.pick("accounts/acct/routers/r-1", "accounts/a.b/deployments/d_2", "acct",
              "accounts/fireworks/models/llama-v3p1-8b-instruct", "r1", "accounts/acct"));
      for (Function<String, ResourceName> parser : parsers) {
        try {
          ResourceName name = parser.apply(text);
          assertThat(parser.apply(name.toString())).as(fuzz.where()).isEqualTo(name);
        } catch (ValidationException e) {
          assertThat(e.field()).as(fuzz.where()).isNotBlank();
        } catch (RuntimeException e) {
          fail(fuzz.where() + ": \"" + text + "\" threw " + e, e);
        }
      }
    }
  }

  @Test
  void durationsRoundTripAndBadOnesAreValidationErrors() {
    Fuzz fuzz = new Fuzz("durations");
    for (int run = 0; run < Fuzz.RUNS; run++) {
      fuzz.startRun(run);
      Duration duration = Duration.ofSeconds(fuzz.random().nextLong() % 315_576_000_000L, fuzz.nextInt(1_000_000_000));
      assertThat(Json.parseDuration(Json.formatDuration(duration))).as(fuzz.where()).isEqualTo(duration);
      String text = fuzz.random().nextBoolean() ? fuzz.mutate(Json.formatDuration(duration)) : fuzz.string(5);
      try {
        Json.parseDuration(text);
      } catch (ValidationException e) {
        assertThat(e.field()).isEqualTo("duration");
      } catch (RuntimeException e) {
        fail(fuzz.where() + ": \"" + text + "\" threw " + e, e);
      }
    }
  }

  @Test
  void serverTimestampsDurationsAndShapesParseOrFailAsInvalidResponses() {
    Fuzz fuzz = new Fuzz("server values");
    String[] values = {"\"2026-01-02T03:04:05.123456789Z\"", "\"2026-01-02T03:04:05+01:00\"", "\"30s\"",
        "\"0.000000001s\"", "\"-1.5s\"", "null", "0", "1e999", "[]", "{}", "true", "\"\"", "\"x\"", "[\"a\",1]",
        "{\"k\":[{}]}"};
    for (int run = 0; run < Fuzz.RUNS; run++) {
      fuzz.startRun(run);
      String body = "{\"createTime\":" + maybeMutated(fuzz, fuzz.pick(values)) + ",\"ttl\":"
          + maybeMutated(fuzz, fuzz.pick(values)) + ",\"names\":" + fuzz.pick(values) + ",\"labels\":"
          + fuzz.pick(values) + "}";
      String sent = fuzz.nextInt(10) == 0 ? fuzz.mutate(body) : body;
      transport.answer(200, Headers.empty(), sent.getBytes(StandardCharsets.UTF_8));
      try {
        invoker.execute(get(), Stamped.class);
      } catch (InvalidResponseException e) {
        assertThat(e.getMessage()).as(fuzz.where()).contains("could not read the response body");
      } catch (RuntimeException e) {
        fail(fuzz.where() + ": " + sent + " threw " + e, e);
      }
    }
  }

  @Test
  void everyErrorBodyBecomesItsTypedExceptionWholeAndStreamed() {
    Fuzz fuzz = new Fuzz("error bodies");
    String[] shapes = {"{\"error\":{\"message\":%s,\"code\":%s,\"type\":%s,\"param\":%s}}",
        "{\"error\":%s,\"message\":%s,\"code\":%s}", "{\"code\":%s,\"message\":%s,\"details\":%s}",
        "{\"detail\":%s}", "{\"detail\":[{\"loc\":%s,\"msg\":%s,\"type\":%s}]}", "%s"};
    String[] values = {"\"text\"", "5", "-1", "99", "3.5", "null", "[]", "{}", "[\"a\",1,null]", "{\"msg\":1}",
        "\"NOT_FOUND\"", "true", "\"\""};
    for (int run = 0; run < Fuzz.RUNS; run++) {
      fuzz.startRun(run);
      Object[] fill = new Object[4];
      for (int i = 0; i < fill.length; i++) {
        fill[i] = fuzz.pick(values);
      }
      String body = String.format(fuzz.pick(shapes), fill);
      String sent = fuzz.nextInt(4) == 0 ? fuzz.mutate(body) : fuzz.nextInt(10) == 0 ? fuzz.string(20) : body;
      int status = 400 + fuzz.nextInt(200);
      Headers headers = Headers.builder().add("x-request-id", fuzz.string(3)).build();
      transport.answer(status, headers, sent.getBytes(StandardCharsets.UTF_8));
      for (boolean streamed : new boolean[] {false, true}) {
        try {
          if (streamed) {
            invoker.stream(get()).close();
          } else {
            invoker.execute(get(), JsonNode.class);
          }
          fail(fuzz.where() + ": status " + status + " did not throw");
        } catch (ApiException e) {
          assertThat(e.status()).as(fuzz.where()).isEqualTo(status);
          assertThat(e.getMessage()).as(fuzz.where()).startsWith(Integer.toString(status));
          // as the server's bytes decode: a lone surrogate in the generated text does not survive UTF-8
          assertThat(e.body().raw()).as(fuzz.where())
              .isEqualTo(new String(sent.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
          fail(fuzz.where() + ": " + status + " " + sent + " threw " + e, e);
        }
      }
      assertThat(ErrorBody.parse(sent).toString()).isNotNull();
    }
  }

  @Test
  void retryAfterHeadersNeverThrowAndNeverAskForANegativeWait() {
    Fuzz fuzz = new Fuzz("retry-after");
    Clock clock = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
    String[] valid = {"120", "0", "Sun, 22 Nov 2026 00:00:30 GMT", "Wed, 21 Oct 2015 07:28:00 GMT", "1.5", "250"};
    for (int run = 0; run < Fuzz.RUNS; run++) {
      fuzz.startRun(run);
      Headers.Builder headers = Headers.builder();
      if (fuzz.random().nextBoolean()) {
        headers.add("retry-after", fuzz.random().nextBoolean() ? fuzz.mutate(fuzz.pick(valid)) : fuzz.string(4));
      }
      if (fuzz.random().nextBoolean()) {
        headers.add("retry-after-ms", fuzz.random().nextBoolean() ? fuzz.mutate(fuzz.pick(valid)) : fuzz.string(4));
      }
      try {
        RetryAfter.parse(headers.build(), clock).ifPresent(wait ->
            assertThat(wait.isNegative()).as(fuzz.where()).isFalse());
      } catch (RuntimeException e) {
        fail(fuzz.where() + ": " + headers.build().names() + " threw " + e, e);
      }
    }
  }

  @Test
  void deeplyNestedJsonIsRefusedWithTheLimitNamed() {
    int depth = Json.MAX_NESTING_DEPTH + 1;
    transport.answer(200, Headers.empty(), ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> invoker.execute(get(), JsonNode.class)).isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("nesting depth").hasMessageContaining(Integer.toString(Json.MAX_NESTING_DEPTH));

    String nested = "{\"error\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    transport.answer(500, Headers.empty(), nested.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> invoker.execute(get(), JsonNode.class)).isInstanceOf(ApiException.class)
        .hasMessageStartingWith("500 Internal Server Error");
  }

  @Test
  void anOversizedStringValueIsRefusedWithTheLimitNamed() {
    StringBuilder body = new StringBuilder(Json.MAX_STRING_LENGTH + 16).append("{\"a\":\"");
    body.append("x".repeat(Json.MAX_STRING_LENGTH + 1)).append("\"}");
    transport.answer(200, Headers.empty(), body.toString().getBytes(StandardCharsets.US_ASCII));

    assertThatThrownBy(() -> invoker.execute(get(), JsonNode.class)).isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("String value length").hasMessageContaining("exceeds the maximum allowed");
  }

  private static String maybeMutated(Fuzz fuzz, String value) {
    return fuzz.nextInt(3) == 0 ? fuzz.mutate(value) : value;
  }

  private static ApiRequest get() {
    return ApiRequest.builder(Plane.CONTROL, "GET", "/v1/accounts/acct/routers/r1").build();
  }
}
