package dev.fireworks4j.directroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.error.ConfigurationException;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.http.SdkHttpRequest;
import dev.fireworks4j.core.http.SdkHttpResponse;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.core.retry.RetryPolicy;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.testing.FakeTransport;
import dev.fireworks4j.inference.testing.Fixtures;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.Region;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DirectRouteMigrationTest {
  private static final String DIRECT_URL = "https://my-account-abcd1234.us-arizona-1.direct.fireworks.ai/v1";
  private static final ChatCompletionParams REQUEST = ChatCompletionParams.builder()
      .model("accounts/fireworks/models/llama-v3p1-8b-instruct").addUserMessage("Hi").maxTokens(5).build();

  @Test
  void rewritesTheConfigurationForTheChosenGateway() {
    DirectRouteMigration migration = DirectRouteMigration.builder().directRouteUrl(DIRECT_URL).build();

    assertThat(migration.model()).isEqualTo("accounts/my-account/deployments/abcd1234");
    assertThat(migration.gatewayBaseUri()).isEqualTo(URI.create("https://api.fireworks.ai/inference/v1"));
    assertThat(migrated("aws")).isEqualTo(URI.create("https://aws.api.fireworks.ai/inference/v1"));
    assertThat(migrated("gcp")).isEqualTo(URI.create("https://gcp.api.fireworks.ai/inference/v1"));
    assertThat(migrated("https://proxy.example.com")).isEqualTo(URI.create("https://proxy.example.com/v1"));
    assertThat(DirectRouteMigration.builder().directRouteUrl(DIRECT_URL)
        .gateway(Endpoints.gateway(URI.create("http://127.0.0.1:8099"))).build().gatewayBaseUri())
        .isEqualTo(URI.create("http://127.0.0.1:8099/inference/v1"));

    ChatCompletionParams rewritten = migration.rewrite(REQUEST);
    assertThat(rewritten.model()).isEqualTo("accounts/my-account/deployments/abcd1234");
    assertThat(rewritten.toBuilder().model(REQUEST.model()).build()).isEqualTo(REQUEST);
  }

  private static URI migrated(String gateway) {
    return DirectRouteMigration.builder().directRouteUrl(DIRECT_URL).gateway(gateway).build().gatewayBaseUri();
  }

  @Test
  void aRouterAliasCanReplaceTheDeploymentName() {
    DirectRouteMigration migration = DirectRouteMigration.builder()
        .directRouteUrl(DIRECT_URL).routerAlias(RouterName.of("my-account", "prod")).build();

    assertThat(migration.model()).isEqualTo("accounts/my-account/routers/prod");
    assertThat(migration.report()).contains("accounts/my-account/routers/prod (router alias over the deployment)");
  }

  @Test
  void appliesTheGatewayAndApiKeyToClientOptions() {
    ApiKey apiKey = ApiKey.of("fw-gateway-key");
    DirectRouteMigration migration = DirectRouteMigration.builder()
        .directRouteUrl(DIRECT_URL).gateway(Endpoints.aws()).apiKey(apiKey).build();
    ClientOptions before = ClientOptions.builder().apiKey("old").accountId("my-account").build();

    ClientOptions after = migration.applyTo(before);

    assertThat(after.apiKey()).contains(apiKey);
    assertThat(after.accountId()).contains("my-account");
    assertThat(after.endpoints().resolve(Plane.INFERENCE, migration.model()).baseUri())
        .isEqualTo(URI.create("https://aws.api.fireworks.ai/inference/v1"));
  }

  @Test
  void theReportSaysWhatChangedWithoutSecrets() {
    DirectRouteMigration migration = DirectRouteMigration.builder().directRouteUrl(DIRECT_URL)
        .directRouteKey(ApiKey.of("direct-secret-77")).apiKey(ApiKey.of("fw-secret-88")).gateway("gcp").build();

    String report = migration.report();

    assertThat(report)
        .contains("accounts/my-account/deployments/abcd1234 (region US_ARIZONA_1)")
        .contains(DIRECT_URL)
        .contains("-> https://gcp.api.fireworks.ai/inference/v1")
        .contains("the direct-route key -> the Fireworks API key")
        .contains("-> accounts/my-account/deployments/abcd1234 (the deployment's full name)")
        .doesNotContain("direct-secret-77").doesNotContain("fw-secret-88");
    assertThat(migration.toString()).doesNotContain("secret");
  }

  @Test
  void verificationSendsTheRequestBothWaysAndComparesStatusAndModel() {
    FakeTransport transport = new FakeTransport(answer(200, 200));
    Deployment deployment = Deployment.builder()
        .name("accounts/my-account/deployments/abcd1234")
        .directRouteHandle("my-account-abcd1234.us-arizona-1.direct.fireworks.ai")
        .addDirectRouteApiKeys("direct-key-1")
        .region(Region.US_ARIZONA_1)
        .build();
    DirectRouteMigration migration = DirectRouteMigration.builder().deployment(deployment)
        .apiKey(ApiKey.of("fw-gateway-key")).build();

    MigrationCheck check;
    try (Fireworks client = client(transport)) {
      check = migration.verify(client, REQUEST);
    }

    assertThat(check.passed()).as(check.report()).isTrue();
    assertThat(check.statusMatches()).isTrue();
    assertThat(check.modelMatches()).isTrue();
    assertThat(check.gateway().deployment()).contains("accounts/my-account/deployments/abcd1234");
    assertThat(check.report()).startsWith("PASSED");
    SdkHttpRequest direct = transport.requests().get(0);
    SdkHttpRequest gateway = transport.requests().get(1);
    assertThat(direct.uri()).isEqualTo(URI.create(DIRECT_URL + "/chat/completions"));
    assertThat(direct.credential()).contains(ApiKey.of("direct-key-1"));
    assertThat(body(direct).get("model").asText()).isEqualTo(REQUEST.model());
    assertThat(gateway.uri()).isEqualTo(URI.create("https://api.fireworks.ai/inference/v1/chat/completions"));
    assertThat(gateway.credential()).contains(ApiKey.of("fw-gateway-key"));
    assertThat(body(gateway).get("model").asText()).isEqualTo("accounts/my-account/deployments/abcd1234");
    assertThat(body(gateway).get("max_tokens").asInt()).isEqualTo(5);
  }

  @Test
  void verificationPassesOnTheServingDeploymentWhenTheModelsDiffer() {
    FakeTransport transport = new FakeTransport(request -> {
      boolean direct = request.uri().getHost().endsWith(".direct.fireworks.ai");
      String model = direct ? "accounts/fireworks/models/llama-v3p1-8b-instruct" : "accounts/my-account/deployments/d1";
      return FakeTransport.json(200,
          Fixtures.CHAT_COMPLETION.replace("accounts/fireworks/models/llama-v3p1-8b-instruct", model),
          "fireworks-deployment", "accounts/my-account/deployments/d1");
    });
    DirectRouteMigration migration = DirectRouteMigration.builder().directRouteUrl(DIRECT_URL)
        .directRouteKey(ApiKey.of("direct-key-1")).build();

    MigrationCheck check;
    try (Fireworks client = client(transport)) {
      check = migration.verify(client, REQUEST);
    }

    assertThat(check.modelMatches()).as(check.report()).isFalse();
    assertThat(check.deploymentMatches()).isTrue();
    assertThat(check.passed()).isTrue();
    assertThat(check.report()).contains("model differs, deployment matches");
  }

  @Test
  void verificationReportsADifference() {
    FakeTransport transport = new FakeTransport(answer(200, 404));
    DirectRouteMigration migration = DirectRouteMigration.builder().directRouteUrl(DIRECT_URL)
        .directRouteKey(ApiKey.of("direct-key-1")).build();

    MigrationCheck check;
    try (Fireworks client = client(transport)) {
      check = migration.verify(client, REQUEST);
    }

    assertThat(check.passed()).isFalse();
    assertThat(check.statusMatches()).isFalse();
    assertThat(check.direct().status()).isEqualTo(200);
    assertThat(check.gateway().status()).isEqualTo(404);
    assertThat(check.gateway().error()).hasValueSatisfying(error -> assertThat(error).contains("not deployed"));
    assertThat(check.report()).startsWith("FAILED").contains("status differs");
    assertThat(transport.requests().get(1).credential()).contains(ApiKey.of("fw-client-key"));
  }

  @Test
  void rejectsIncompleteMigrations() {
    assertThatThrownBy(() -> DirectRouteMigration.builder().build()).isInstanceOf(ValidationException.class);
    DirectRouteMigration withoutKey = DirectRouteMigration.builder().directRouteUrl(DIRECT_URL).build();
    try (Fireworks client = client(new FakeTransport(answer(200, 200)))) {
      assertThatThrownBy(() -> withoutKey.verify(client, REQUEST)).isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("direct-route key");
    }
  }

  private static Fireworks client(FakeTransport transport) {
    return Fireworks.builder().apiKey("fw-client-key").options(options -> options
        .transport(transport).retryPolicy(RetryPolicy.none())).build();
  }

  /** The direct host answers {@code directStatus}, any other host {@code gatewayStatus}. */
  private static Function<SdkHttpRequest, SdkHttpResponse> answer(int directStatus, int gatewayStatus) {
    return request -> {
      boolean direct = request.uri().getHost().endsWith(".direct.fireworks.ai");
      int status = direct ? directStatus : gatewayStatus;
      if (status != 200) {
        return FakeTransport.json(status, "{\"error\":{\"message\":\"Model not found, inaccessible, and/or not deployed\","
            + "\"code\":\"NOT_FOUND\"}}");
      }
      return FakeTransport.json(200, Fixtures.CHAT_COMPLETION, "fireworks-deployment",
          "accounts/my-account/deployments/abcd1234", "x-request-id", direct ? "req-direct" : "req-gateway");
    };
  }

  private static JsonNode body(SdkHttpRequest request) {
    return Json.readTreeOrNull(new String(request.body().orElseThrow(), StandardCharsets.UTF_8));
  }
}
