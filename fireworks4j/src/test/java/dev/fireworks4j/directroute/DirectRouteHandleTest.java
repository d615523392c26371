package dev.fireworks4j.directroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.EndpointResolver;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.http.SdkHttpRequest;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.testing.FakeTransport;
import dev.fireworks4j.inference.testing.Fixtures;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.Region;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectRouteHandleTest {
  @Test
  void everyKnownRegionRoundTripsThroughItsHost() {
    List<Region> regions = Region.knownValues();
    assertThat(regions).hasSizeGreaterThan(30);
    for (Region region : regions) {
      if (region.equals(Region.REGION_UNSPECIFIED)) {
        continue;
      }
      DirectRouteHandle handle = DirectRouteHandle.of("my-account", "abcd1234", region);
      String slug = region.value().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      assertThat(handle.host()).isEqualTo("my-account-abcd1234." + slug + ".direct.fireworks.ai");
      for (String form : List.of(handle.host(), "https://" + handle.host(), "https://" + handle.host() + "/",
          "https://" + handle.host() + "/v1", "https://" + handle.host() + "/v1/", " HTTPS://" + handle.host().toUpperCase() + "/v1 ")) {
        DirectRouteHandle parsed = DirectRouteHandle.parse(form, "my-account");
        assertThat(parsed).as(form).isEqualTo(handle);
        assertThat(parsed.region()).isEqualTo(region);
        assertThat(parsed.region().isKnown()).isTrue();
      }
    }
  }

  @Test
  void parsesTheDocumentedExample() {
    DirectRouteHandle handle = DirectRouteHandle.parse("https://my-account-abcd1234.us-arizona-1.direct.fireworks.ai/v1");

    assertThat(handle.accountId()).isEqualTo("my-account");
    assertThat(handle.deploymentId()).isEqualTo("abcd1234");
    assertThat(handle.region()).isEqualTo(Region.US_ARIZONA_1);
    assertThat(handle.deployment().toString()).isEqualTo("accounts/my-account/deployments/abcd1234");
    assertThat(handle.baseUri()).isEqualTo(URI.create("https://my-account-abcd1234.us-arizona-1.direct.fireworks.ai/v1"));
    assertThat(handle).hasToString("my-account-abcd1234.us-arizona-1.direct.fireworks.ai");
  }

  @Test
  void keepsRegionsThisVersionDoesNotKnow() {
    DirectRouteHandle handle = DirectRouteHandle.parse("acct-dep1.mars-olympus-2.direct.fireworks.ai");

    assertThat(handle.region().value()).isEqualTo("MARS_OLYMPUS_2");
    assertThat(handle.region().isKnown()).isFalse();
    assertThat(DirectRouteHandle.of("acct", "dep1", handle.region())).isEqualTo(handle);
  }

  @Test
  void theAccountSettlesIdsThatBothContainDashes() {
    String host = "my-big-account-dep-x.us-iowa-1.direct.fireworks.ai";

    DirectRouteHandle exact = DirectRouteHandle.parse(host, "accounts/my-big-account");
    DirectRouteHandle guessed = DirectRouteHandle.parse(host);

    assertThat(exact.accountId()).isEqualTo("my-big-account");
    assertThat(exact.deploymentId()).isEqualTo("dep-x");
    assertThat(guessed.accountId()).isEqualTo("my-big-account-dep");
    assertThat(guessed.deploymentId()).isEqualTo("x");
    assertThatThrownBy(() -> DirectRouteHandle.parse(host, "other"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("does not start with the account");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "   ",
      "https://api.fireworks.ai/inference/v1",
      "http://a-b.us-iowa-1.direct.fireworks.ai/v1",
      "https://a-b.us-iowa-1.direct.fireworks.ai:8443/v1",
      "https://a-b.us-iowa-1.direct.fireworks.ai/v2",
      "https://a-b.us-iowa-1.direct.fireworks.ai/v1/chat/completions",
      "https://user@a-b.us-iowa-1.direct.fireworks.ai/v1",
      "https://a-b.us-iowa-1.direct.fireworks.ai/v1?x=1",
      "https://a-b.us-iowa-1.direct.fireworks.ai/v1#f",
      "ab.us-iowa-1.direct.fireworks.ai",
      "-b.us-iowa-1.direct.fireworks.ai",
      "a-.us-iowa-1.direct.fireworks.ai",
      "a_b-c.us-iowa-1.direct.fireworks.ai",
      "a-b.direct.fireworks.ai",
      "a-b.extra.us-iowa-1.direct.fireworks.ai",
      "a-b.us_iowa_1.direct.fireworks.ai",
      "a-b.iowa.direct.fireworks.ai",
      "a-b.us-iowa-1.direct.fireworks.ai.evil.example",
      "a-b.us-iowa-1.indirect.fireworks.ai",
      "https://[::1]/v1",
      "not a url://x"})
  void rejectsMalformedHandles(String handle) {
    assertThatThrownBy(() -> DirectRouteHandle.parse(handle)).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.field()).isEqualTo("directRouteHandle"));
  }

  @Test
  void rejectsIdsAndRegionsThatCannotFormAHost() {
    assertThatThrownBy(() -> DirectRouteHandle.of("acct", "dep", Region.REGION_UNSPECIFIED))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("region"));
    assertThatThrownBy(() -> DirectRouteHandle.of("my_account", "dep", Region.US_IOWA_1))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> DirectRouteHandle.of("acct", "Dep", Region.US_IOWA_1))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void buildsTheHandleFromADeployment() {
    Deployment deployment = Deployment.builder()
        .name("accounts/my-account/deployments/dep-with-dash")
        .region(Region.EU_FRANKFURT_1)
        .directRouteHandle("my-account-dep-with-dash.eu-frankfurt-1.direct.fireworks.ai")
        .build();

    DirectRouteHandle handle = DirectRouteHandle.from(deployment);

    assertThat(handle.accountId()).isEqualTo("my-account");
    assertThat(handle.deploymentId()).isEqualTo("dep-with-dash");
    assertThat(handle.region()).isEqualTo(Region.EU_FRANKFURT_1);
    assertThatThrownBy(() -> DirectRouteHandle.from(Deployment.builder().name("accounts/a/deployments/d").build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("has no direct route handle");
    assertThatThrownBy(() -> DirectRouteHandle.from(Deployment.builder()
        .directRouteHandle("a-d.us-iowa-1.direct.fireworks.ai").build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("name"));
  }

  @Test
  @SuppressWarnings("deprecation")
  void theDirectRouteKeyGoesToTheDirectHostOnly() {
    DirectRouteHandle handle = DirectRouteHandle.parse("acct-dep1.us-texas-2.direct.fireworks.ai");
    ApiKey directKey = ApiKey.of("direct-secret-1");
    EndpointResolver endpoints = handle.endpoints(directKey);

    assertThat(endpoints.resolve(Plane.INFERENCE, "any").baseUri()).isEqualTo(handle.baseUri());
    assertThat(endpoints.resolve(Plane.INFERENCE, "any").credential()).contains(directKey);
    assertThat(endpoints.resolve(Plane.CONTROL, null).credential()).isEmpty();
    assertThat(endpoints.toString()).doesNotContain("direct-secret-1");

    FakeTransport transport = new FakeTransport(request -> request.uri().getPath().contains("/routers")
        ? FakeTransport.json(200, "{\"routers\":[]}")
        : FakeTransport.json(200, Fixtures.CHAT_COMPLETION));
    try (Fireworks client = Fireworks.builder().apiKey("fw-api-key").accountId("acct").endpoints(endpoints)
        .options(options -> options.transport(transport)).build()) {
      client.chat().completions().create(ChatCompletionParams.builder().model("m").addUserMessage("Hi").build());
      client.routers().list().forEach(router -> { });
    }

    SdkHttpRequest inference = transport.requests().get(0);
    SdkHttpRequest control = transport.requests().get(1);
    assertThat(inference.uri()).isEqualTo(URI.create("https://acct-dep1.us-texas-2.direct.fireworks.ai/v1/chat/completions"));
    assertThat(inference.credential()).contains(directKey);
    assertThat(control.uri().getHost()).isEqualTo("api.fireworks.ai");
    assertThat(control.credential()).contains(ApiKey.of("fw-api-key"));
  }
}
