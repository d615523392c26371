package dev.fireworks4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.RequestOptions;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.testing.Fuzz;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.directroute.DirectRouteHandle;
import dev.fireworks4j.inference.testing.FakeTransport;
import dev.fireworks4j.routers.model.Region;
import dev.fireworks4j.routers.model.RouterCreateParams;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Direct-route handles parse (and round-trip) or fail with a {@link ValidationException} on seeded random input;
 * bad parameters are rejected on the client, naming the field, before any request is sent.
 */
class InputValidationTest {
  private static final List<Region> REGIONS = List.of(Region.US_IOWA_1, Region.US_VIRGINIA_1, Region.AP_TOKYO_1,
      Region.EU_FRANKFURT_1, Region.US_ARIZONA_1);

  @Test
  void directRouteHandlesParseAndRoundTripOrNameTheField() {
    Fuzz fuzz = new Fuzz("direct-route handles");
    for (int run = 0; run < Fuzz.RUNS; run++) {
      fuzz.startRun(run);
      DirectRouteHandle valid = DirectRouteHandle.of(fuzz.pick("acct", "my-team", "a1"),
          fuzz.pick("d1", "llama-70b", "x9"), fuzz.pick(REGIONS));
      assertThat(DirectRouteHandle.parse(valid.baseUri().toString(), valid.accountId())).as(fuzz.where())
          .isEqualTo(valid);
      String text = fuzz.random().nextBoolean() ? fuzz.mutate(fuzz.pick(valid.baseUri().toString(), valid.host(),
          valid.baseUri() + "/v1")) : fuzz.string(8);
      for (String account : new String[] {null, valid.accountId()}) {
        try {
          DirectRouteHandle parsed = DirectRouteHandle.parse(text, account);
          assertThat(DirectRouteHandle.parse(parsed.host(), parsed.accountId())).as(fuzz.where()).isEqualTo(parsed);
        } catch (ValidationException e) {
          assertThat(e.field()).as(fuzz.where()).isNotBlank();
        } catch (RuntimeException e) {
          fail(fuzz.where() + ": \"" + text + "\" threw " + e, e);
        }
      }
    }
  }

  @Test
  void badParametersAreRejectedNamingTheFieldBeforeAnyRequest() {
    FakeTransport transport = new FakeTransport(request -> FakeTransport.json(200, "{}"));
    try (Fireworks fw = Fireworks.builder().apiKey("fw-key").accountId("acct")
        .options(o -> o.transport(transport)).build()) {
      rejects("temperature", () -> chat(b -> b.temperature(2.5)));
      rejects("top_p", () -> chat(b -> b.topP(-0.1)));
      rejects("n", () -> chat(b -> b.n(0)));
      rejects("max_tokens", () -> chat(b -> b.maxTokens(0)));
      rejects("stop", () -> chat(b -> b.addStop("a", "b", "c", "d", "e")));
      rejects("logit_bias", () -> chat(b -> b.putLogitBias("not-a-token", 1.0)));
      rejects("stream", () -> chat(b -> b.putAdditionalBodyProperty("stream", true)));
      rejects("model", () -> chat(b -> b.model(" ")));
      rejects("routerId", () -> fw.routers().create(RouterCreateParams.builder().routerId("bad/id")
          .addDeployments("d1").build()));
      rejects("maxRetries", () -> RequestOptions.builder().maxRetries(-1));
      rejects("timeout", () -> RequestOptions.builder().timeout(Duration.ZERO));
      rejects("header", () -> RequestOptions.builder().header("x-a", "line\r\nInjected: yes"));
      rejects("apiKey", () -> Fireworks.builder().apiKey("key with space"));
    }
    assertThat(transport.requests()).isEmpty();
  }

  private static void chat(Consumer<ChatCompletionParams.Builder> change) {
    ChatCompletionParams.Builder b = ChatCompletionParams.builder().model("accounts/acct/routers/r1")
        .addUserMessage("hi");
    change.accept(b);
    b.build();
  }

  private static void rejects(String field, Executable call) {
    assertThatThrownBy(call::execute).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.field()).isEqualTo(field));
  }
}
