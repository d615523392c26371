package dev.fireworks4j.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.error.ValidationException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EndpointsTest {
  private static String control(EndpointResolver resolver) {
    return resolver.resolve(Plane.CONTROL, null).resolve("/v1/accounts/a/routers").toString();
  }

  private static String chat(EndpointResolver resolver) {
    return resolver.resolve(Plane.INFERENCE, "accounts/a/routers/r").resolve("/chat/completions").toString();
  }

  @Test
  void gatewayHosts() {
    assertThat(control(Endpoints.api())).isEqualTo("https://api.fireworks.ai/v1/accounts/a/routers");
    assertThat(chat(Endpoints.api())).isEqualTo("https://api.fireworks.ai/inference/v1/chat/completions");
    assertThat(control(Endpoints.aws())).isEqualTo("https://aws.api.fireworks.ai/v1/accounts/a/routers");
    assertThat(chat(Endpoints.aws())).isEqualTo("https://aws.api.fireworks.ai/inference/v1/chat/completions");
    assertThat(control(Endpoints.gcp())).isEqualTo("https://gcp.api.fireworks.ai/v1/accounts/a/routers");
    assertThat(chat(Endpoints.gcp())).isEqualTo("https://gcp.api.fireworks.ai/inference/v1/chat/completions");
    assertThat(Endpoints.api().resolve(Plane.INFERENCE, null).credential()).isEmpty();
  }

  @Test
  void gatewayLayoutAtAnotherRoot() {
    EndpointResolver emulator = Endpoints.gateway(URI.create("http://127.0.0.1:8080/"));
    assertThat(control(emulator)).isEqualTo("http://127.0.0.1:8080/v1/accounts/a/routers");
    assertThat(chat(emulator)).isEqualTo("http://127.0.0.1:8080/inference/v1/chat/completions");
  }

  @Test
  void customBaseMovesBothPlanesLikeThePythonSdk() {
    EndpointResolver custom = Endpoints.custom(URI.create("https://proxy.example.com/fw"));
    assertThat(control(custom)).isEqualTo("https://proxy.example.com/fw/v1/accounts/a/routers");
    assertThat(chat(custom)).isEqualTo("https://proxy.example.com/fw/v1/chat/completions");

    EndpointResolver split = Endpoints.custom(URI.create("https://c.example.com"), URI.create("https://i.example.com/v1/"));
    assertThat(control(split)).isEqualTo("https://c.example.com/v1/accounts/a/routers");
    assertThat(chat(split)).isEqualTo("https://i.example.com/v1/chat/completions");
  }

  @Test
  @SuppressWarnings("deprecation")
  void directRouteSendsItsOwnKeyToItsHostOnly() {
    ApiKey key = ApiKey.of("direct-secret");
    EndpointResolver direct = Endpoints.directRoute("acct-abcd1234.us-arizona-1.direct.fireworks.ai", key);
    Endpoint inference = direct.resolve(Plane.INFERENCE, "accounts/acct/deployments/abcd1234");
    assertThat(inference.resolve("/chat/completions"))
        .hasToString("https://acct-abcd1234.us-arizona-1.direct.fireworks.ai/v1/chat/completions");
    assertThat(inference.credential()).containsSame(key);
    assertThat(direct.resolve(Plane.CONTROL, null).credential()).isEmpty();
    assertThat(control(direct)).startsWith("https://api.fireworks.ai/");
    assertThat(direct.toString()).doesNotContain("direct-secret");
  }

  @Test
  void parsesNamesAndUrls() {
    assertThat(chat(Endpoints.parse("AWS"))).startsWith("https://aws.api.fireworks.ai/");
    assertThat(chat(Endpoints.parse("gcp"))).startsWith("https://gcp.api.fireworks.ai/");
    assertThat(chat(Endpoints.parse(" api "))).startsWith("https://api.fireworks.ai/");
    assertThat(chat(Endpoints.parse("http://localhost:9000"))).isEqualTo("http://localhost:9000/v1/chat/completions");
    assertThatThrownBy(() -> Endpoints.parse("azure")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("\"azure\" is neither api, aws, gcp nor an http(s) URL");
    assertThatThrownBy(() -> Endpoints.parse("ftp://x")).isInstanceOf(ValidationException.class);
  }

  @Test
  void rejectsUnusableBaseUrls() {
    assertThatThrownBy(() -> Endpoint.of(URI.create("https://user:pw@host"))).hasMessageContaining("user info");
    assertThatThrownBy(() -> Endpoint.of(URI.create("relative/path"))).hasMessageContaining("absolute");
    assertThatThrownBy(() -> Endpoint.of(URI.create("https://host/?q=1"))).hasMessageContaining("query");
  }
}
