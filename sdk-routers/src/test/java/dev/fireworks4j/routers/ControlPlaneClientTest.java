package dev.fireworks4j.routers;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.core.error.ConfigurationException;
import dev.fireworks4j.routers.model.Router;
import dev.fireworks4j.routers.testing.WireMockTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ControlPlaneClientTest extends WireMockTestBase {
  private ControlPlaneClient client(String apiKey) {
    return ControlPlaneClient.builder().baseUrl("http://localhost:" + server.port()).apiKey(apiKey).accountId("acct")
        .maxRetries(0).build();
  }

  @Test
  void reachesRoutersAndDeploymentsSyncAndAsyncWithTheBuildersSettings() throws Exception {
    server.stubFor(get(urlPathEqualTo("/v1/accounts/acct/routers"))
        .willReturn(okJson(quoted("{'routers':[{'name':'accounts/acct/routers/r1'}]}"))));
    server.stubFor(get(urlPathEqualTo("/v1/accounts/acct/routers/r1"))
        .willReturn(okJson(quoted("{'name':'accounts/acct/routers/r1'}"))));
    server.stubFor(get(urlPathEqualTo("/v1/accounts/acct/deployments")).willReturn(okJson("{\"deployments\":[]}")));

    List<Router> listed = new ArrayList<>();
    try (ControlPlaneClient client = client("cp-key")) {
      client.routers().list().forEach(listed::add);
      client.deployments().list().forEach(deployment -> { });
      assertThat(client.routers().async().get("r1").get(5, TimeUnit.SECONDS).name())
          .contains("accounts/acct/routers/r1");
    }

    assertThat(listed).extracting(Router::name).extracting(name -> name.orElseThrow())
        .containsExactly("accounts/acct/routers/r1");
    assertThat(requestLines()).containsExactly("GET /v1/accounts/acct/routers", "GET /v1/accounts/acct/deployments",
        "GET /v1/accounts/acct/routers/r1");
    assertThat(requests()).allSatisfy(request ->
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer cp-key"));
  }

  @Test
  void aDerivedClientSendsWithItsOwnKeyOnTheSameTransport() {
    server.stubFor(get(urlPathEqualTo("/v1/accounts/acct/routers")).willReturn(okJson("{\"routers\":[]}")));
    ControlPlaneClient client = client("original-key");
    ControlPlaneClient derived = client.withOptions(options -> options.apiKey("derived-key"));

    derived.routers().list().forEach(router -> { });
    derived.close();
    client.routers().list().forEach(router -> { });
    client.close();

    assertThat(requests()).extracting(request -> request.getHeader("Authorization"))
        .containsExactly("Bearer derived-key", "Bearer original-key");
    assertThatThrownBy(() -> client.routers().list().forEach(router -> { }))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void neverPrintsTheApiKeyAndNamesWhatIsMissing() {
    try (ControlPlaneClient client = ControlPlaneClient.builder().apiKey("super-secret-key").build()) {
      assertThat(client.toString()).startsWith("ControlPlaneClient{").doesNotContain("super-secret-key");
      assertThatThrownBy(client::accountId).isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("FIREWORKS_ACCOUNT_ID");
      assertThatThrownBy(() -> client.routers().list().forEach(router -> { }))
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("FIREWORKS_ACCOUNT_ID");
    }
  }
}
