package dev.fireworks4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.error.ConfigurationException;
import dev.fireworks4j.core.error.ValidationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {
  @Test
  void readsEveryVariable() {
    ClientOptions options = ClientOptions.builder().fromEnv(Map.of(
        "FIREWORKS_API_KEY", "fw_abc",
        "FIREWORKS_ACCOUNT_ID", "my-account",
        "FIREWORKS_BASE_URL", "http://localhost:9999/",
        "FIREWORKS_CUSTOM_HEADERS", "X-One: 1\r\n\nX-Two:  two words \n")).build();

    assertThat(options.requireApiKey().reveal()).isEqualTo("fw_abc");
    assertThat(options.accountId()).contains("my-account");
    assertThat(options.endpoints().resolve(Plane.CONTROL, null).baseUri()).hasToString("http://localhost:9999");
    assertThat(options.endpoints().resolve(Plane.INFERENCE, null).baseUri()).hasToString("http://localhost:9999/v1");
    assertThat(options.headers().first("x-one")).contains("1");
    assertThat(options.headers().first("X-Two")).contains("two words");
  }

  @Test
  void defaultsWithoutVariables() {
    ClientOptions options = ClientOptions.builder().fromEnv(Map.of()).build();
    assertThat(options.apiKey()).isEmpty();
    assertThat(options.endpoints().resolve(Plane.INFERENCE, null).baseUri())
        .hasToString("https://api.fireworks.ai/inference/v1");
    assertThat(options.retryPolicy().maxRetries()).isEqualTo(2);
    assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options.userAgent()).startsWith("fireworks4j/").contains(" Java/");
    assertThatThrownBy(options::requireApiKey).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("FIREWORKS_API_KEY");
    assertThatThrownBy(options::requireAccountId).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("FIREWORKS_ACCOUNT_ID");
  }

  @Test
  void accountAcceptsTheFullNameForm() {
    assertThat(ClientOptions.builder().accountId("accounts/acme").build().accountId()).contains("acme");
  }

  @Test
  void badVariablesAreClearErrorsWithoutTheirSecretValues() {
    assertThatThrownBy(() -> ClientOptions.builder().fromEnv(Map.of("FIREWORKS_CUSTOM_HEADERS", "no colon here")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("FIREWORKS_CUSTOM_HEADERS line 1 is not of the form \"Name: value\"");
    assertThatThrownBy(() -> ClientOptions.builder().fromEnv(Map.of("FIREWORKS_BASE_URL", "not a url")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("FIREWORKS_BASE_URL");
    assertThatThrownBy(() -> ClientOptions.builder().fromEnv(Map.of("FIREWORKS_API_KEY", "has space")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("FIREWORKS_API_KEY")
        .hasMessageNotContaining("has space");
    assertThatThrownBy(() -> ClientOptions.builder().fromEnv(Map.of("FIREWORKS_CUSTOM_HEADERS", "Authorization: x")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("apiKey(...)");
  }

  @Test
  void rejectsBadSettingsNamingTheField() {
    assertThatThrownBy(() -> ClientOptions.builder().timeout(Duration.ZERO))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("timeout"));
    assertThatThrownBy(() -> ClientOptions.builder().header("Bad Name", "v"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("Bad Name");
    assertThatThrownBy(() -> ClientOptions.builder().header("X-Ok", "line\nbreak"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("line break");
    assertThatThrownBy(() -> ClientOptions.builder().maxRetries(-1))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("maxRetries"));
    assertThatThrownBy(() -> ClientOptions.builder().accountId("bad/account"))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void requestOptionsToBuilderKeepsEveryHeaderValue() {
    RequestOptions original = RequestOptions.builder().timeout(Duration.ofSeconds(3)).maxRetries(1)
        .header("X-A", "1").build();
    RequestOptions derived = original.toBuilder().totalTimeout(Duration.ofSeconds(9)).build();
    assertThat(derived.timeout()).contains(Duration.ofSeconds(3));
    assertThat(derived.totalTimeout()).contains(Duration.ofSeconds(9));
    assertThat(derived.maxRetries()).contains(1);
    assertThat(derived.headers().all("x-a")).containsExactly("1");
  }

  @Test
  void toBuilderCopiesEverything() {
    ClientOptions original = ClientOptions.builder().apiKey("k1").accountId("a").header("X-A", "1")
        .totalTimeout(Duration.ofSeconds(5)).allowInsecureHttp(true).build();
    ClientOptions copy = original.toBuilder().build();
    assertThat(copy.toString()).isEqualTo(original.toString());
    assertThat(copy.requireApiKey()).isEqualTo(original.requireApiKey());
  }
}
