package dev.fireworks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration from code, JSON and the command line; start-up. */
class EmulatorConfigTest {
  @Test
  void defaults() {
    EmulatorConfig config = EmulatorConfig.defaults();

    assertThat(config.port()).isZero();
    assertThat(config.accountId()).isEqualTo("emulator");
    assertThat(config.apiKey()).isEqualTo("emulator-api-key");
    assertThat(config.seed()).isEqualTo(42);
    assertThat(config.lifecycleDelay()).isZero();
    assertThat(config.defaultProfile()).isEqualTo(ServingProfile.defaults());
  }

  @Test
  void fromJson() {
    EmulatorConfig config = EmulatorConfig.fromJson("{\"port\":0,\"account\":\"acme\",\"apiKey\":\"k\",\"seed\":7,"
        + "\"lifecycleDelay\":\"1.5s\",\"accounts\":{\"other\":\"k2\"},"
        + "\"defaultProfile\":{\"timeToFirstToken\":\"5ms\"},"
        + "\"deployments\":[{\"id\":\"a\",\"deployment\":{\"baseModel\":\"m\"},\"profile\":{\"maxConcurrentRequests\":2}},"
        + "{\"id\":\"accounts/other/deployments/b\",\"deployment\":{\"baseModel\":\"m\"}}],"
        + "\"routers\":[{\"id\":\"r\",\"router\":{\"deployments\":[\"a\"]}}]}");

    assertThat(config.accounts()).containsExactly(java.util.Map.entry("acme", "k"), java.util.Map.entry("other", "k2"));
    assertThat(config.seed()).isEqualTo(7);
    assertThat(config.lifecycleDelay()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.defaultProfile().latency().timeToFirstToken()).isEqualTo(Duration.ofMillis(5));
    assertThat(config.profiles().get("accounts/acme/deployments/a").maxConcurrentRequests()).isEqualTo(2);
    assertThat(config.profiles().get("accounts/acme/deployments/a").latency().timeToFirstToken())
        .as("a deployment's profile starts from the default profile").isEqualTo(Duration.ofMillis(5));
    assertThat(config.deployments()).extracting(EmulatorConfig.Preset::name)
        .containsExactly("accounts/acme/deployments/a", "accounts/other/deployments/b");
    assertThat(config.routers()).extracting(EmulatorConfig.Preset::name).containsExactly("accounts/acme/routers/r");
    assertThat(config.toBuilder().build().toString()).isEqualTo(config.toString());
  }

  @Test
  void invalidConfigurationsAreRefused() {
    assertThatThrownBy(() -> EmulatorConfig.fromJson("{\"nope\":1}")).hasMessageContaining("nope");
    assertThatThrownBy(() -> EmulatorConfig.fromJson("[]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EmulatorConfig.fromJson("{\"deployments\":[{\"id\":\"a\"}]}"))
        .hasMessageContaining("deployment");
    assertThatThrownBy(() -> EmulatorConfig.fromJson("{\"deployments\":[{\"id\":\"accounts/x/deployments/a\","
        + "\"deployment\":{\"baseModel\":\"m\"}}]}")).hasMessageContaining("not configured");
    assertThatThrownBy(() -> EmulatorConfig.builder().accountId("Bad Account")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EmulatorConfig.builder().apiKey("has space")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FireworksEmulator.builder().deployment("x", "{\"displayName\":\"no base model\"}").start())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base_model");
  }

  @Test
  void commandLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("emulator.json");
    Files.writeString(file, "{\"seed\":1,\"account\":\"from-file\",\"deployments\":[{\"id\":\"a\","
        + "\"deployment\":{\"baseModel\":\"m\"}}]}");

    EmulatorConfig config = EmulatorMain.parse(new String[] {"--config", file.toString(), "--seed", "9",
        "--api-key", "cli-key", "--port", "0", "--lifecycle-delay", "250ms"});

    assertThat(config.seed()).as("options override the file").isEqualTo(9);
    assertThat(config.accountId()).isEqualTo("from-file");
    assertThat(config.apiKey()).isEqualTo("cli-key");
    assertThat(config.lifecycleDelay()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.deployments()).hasSize(1);
    assertThat(EmulatorMain.parse(new String[] {"--help"})).isNull();
    assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--port"})).hasMessageContaining("--port");
    assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--bogus"})).hasMessageContaining("--bogus");
    assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--lifecycle-delay", "soon"}))
        .hasMessageContaining("duration");
  }

  @Test
  void startsQuicklyOnAFreePortAndStopsCleanly() {
    FireworksEmulator first;
    try (FireworksEmulator emulator = FireworksEmulator.start()) {
      first = emulator;
      System.out.println("emulator start-up: " + emulator.startupTime().toMillis() + " ms");
      assertThat(emulator.port()).isPositive();
      assertThat(emulator.baseUri().toString()).isEqualTo("http://127.0.0.1:" + emulator.port());
      assertThat(emulator.inferenceUri().toString()).endsWith("/inference/v1");
      assertThat(emulator.startupTime()).as("loose bound; typically tens of milliseconds")
          .isLessThan(Duration.ofSeconds(5));
      try (FireworksEmulator second = FireworksEmulator.start()) {
        assertThat(second.port()).isNotEqualTo(emulator.port());
      }
    }
    first.close();
  }

  @Test
  void bannerOfTheStandaloneEmulator() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FireworksEmulator emulator = FireworksEmulator.start();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      EmulatorMain.printBanner(emulator, print);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("listening on http://127.0.0.1:")
        .contains("/inference/v1").contains("FIREWORKS_API_KEY=emulator-api-key");
  }
}
