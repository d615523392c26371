package dev.fireworks4j.core.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.core.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceNamesTest {
  @Test
  void roundTrips() {
    RouterName router = RouterName.parse("accounts/my-account/routers/ab-test");
    assertThat(router.accountId()).isEqualTo("my-account");
    assertThat(router.id()).isEqualTo("ab-test");
    assertThat(router).hasToString("accounts/my-account/routers/ab-test");
    assertThat(RouterName.parse(router.toString())).isEqualTo(router);

    DeploymentName deployment = DeploymentName.of("acct", "abcd1234");
    assertThat(deployment).hasToString("accounts/acct/deployments/abcd1234");
    assertThat(DeploymentName.parse(deployment.toString())).isEqualTo(deployment).hasSameHashCodeAs(deployment);

    ModelName model = ModelName.parse("accounts/fireworks/models/llama-v3p1-8b-instruct");
    assertThat(model.accountId()).isEqualTo("fireworks");
    assertThat(model.id()).isEqualTo("llama-v3p1-8b-instruct");

    assertThat(AccountName.parse("accounts/acct")).isEqualTo(AccountName.of("acct")).hasToString("accounts/acct");
  }

  @Test
  void resolvesShortIdsAgainstTheDefaultAccount() {
    assertThat(RouterName.resolve("ab-test", "acct")).hasToString("accounts/acct/routers/ab-test");
    assertThat(RouterName.resolve("accounts/other/routers/r", "acct")).hasToString("accounts/other/routers/r");
    assertThat(RouterName.resolve("accounts/other/routers/r", null)).hasToString("accounts/other/routers/r");
    assertThatThrownBy(() -> DeploymentName.resolve("d1", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("FIREWORKS_ACCOUNT_ID");
  }

  @Test
  void typedNamesOfDifferentKindsAreNotEqual() {
    assertThat((Object) RouterName.of("a", "x")).isNotEqualTo(DeploymentName.of("a", "x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/b", "has space", "tab\there", "new\nline", "ünïcode", "semi;colon"})
  void rejectsInvalidIdsNamingTheValue(String id) {
    assertThatThrownBy(() -> RouterName.of("acct", id))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("routerId"));
  }

  @Test
  void rejectsOverLongIdsAndNull() {
    assertThatThrownBy(() -> DeploymentName.of("acct", "x".repeat(129)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("deploymentId: is 129 characters long; the maximum is 128");
    assertThat(DeploymentName.of("acct", "x".repeat(128)).id()).hasSize(128);
    assertThatThrownBy(() -> AccountName.of(null)).hasMessage("accountId: must not be null");
    assertThatThrownBy(() -> RouterName.of("acct", "a b"))
        .hasMessage("routerId: \"a b\" contains white space at index 1; ids use letters, digits, '-', '_' and '.'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"routers/x", "accounts/a/routers", "accounts/a/deployments/x", "accounts//routers/x",
      "accounts/a/routers/x/y", "x"})
  void rejectsMalformedFullNames(String text) {
    assertThatThrownBy(() -> RouterName.parse(text)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("router");
  }
}
