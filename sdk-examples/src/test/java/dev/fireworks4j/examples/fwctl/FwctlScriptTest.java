package dev.fireworks4j.examples.fwctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fireworks4j.testkit.FireworksEmulator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code sdk-examples/fwctl} script as a user runs it: a separate JVM, its exit status, its output. */
class FwctlScriptTest {
  private static final Path SCRIPT = Path.of("fwctl").toAbsolutePath();
  private static FireworksEmulator emulator;

  @BeforeAll
  static void start() {
    assumeTrue(new File("/bin/bash").canExecute(), "bash is needed to run the script");
    emulator = FireworksEmulator.builder().deployment("model-a", 2).router("my-router", "model-a").start();
  }

  @AfterAll
  static void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  /** Exit status, standard output and standard error of one run. */
  private record Run(int status, String out, String err) {}

  private static Run fwctl(Path script, Map<String, String> extraEnv, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("/bin/bash", script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("FIREWORKS_") || name.equals("FWCTL_CLASSPATH"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("FIREWORKS_API_KEY", emulator.apiKey());
    env.put("FIREWORKS_ACCOUNT_ID", emulator.accountId());
    env.putAll(extraEnv);
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), out, err);
  }

  /** The test's own class path, which holds everything fwctl needs. */
  private static Map<String, String> classPath() {
    return Map.of("FWCTL_CLASSPATH", System.getProperty("java.class.path"));
  }

  @Test
  void listsRoutersAsJson() throws Exception {
    Run run = fwctl(SCRIPT, classPath(), "--endpoint", emulator.baseUri().toString(), "router", "list", "-o", "json");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(new ObjectMapper().readTree(run.out()).findValuesAsText("name"))
        .contains("accounts/emulator/routers/my-router");
  }

  @Test
  void streamsAChatAnswer() throws Exception {
    Run run = fwctl(SCRIPT, classPath(), "--endpoint", emulator.baseUri().toString(), "chat", "--model",
        "accounts/emulator/routers/my-router", "--max-tokens", "5", "Hello");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out().strip().split(" ")).hasSize(5);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void passesTheExitStatusOn() throws Exception {
    Run missing = fwctl(SCRIPT, classPath(), "--endpoint", emulator.baseUri().toString(), "router", "get", "nope");
    Run usage = fwctl(SCRIPT, classPath(), "router");

    assertThat(missing.status()).isEqualTo(Fwctl.API_ERROR);
    assertThat(missing.err()).contains("404");
    assertThat(usage.status()).isEqualTo(Fwctl.USAGE_ERROR);
  }

  @Test
  void saysHowToBuildWhenTheModuleIsNotBuilt(@TempDir Path empty) throws Exception {
    Path copy = Files.copy(SCRIPT, empty.resolve("fwctl"));

    Run run = fwctl(copy, Map.of(), "router", "list");

    assertThat(run.status()).isEqualTo(Fwctl.CONFIGURATION_ERROR);
    assertThat(run.err()).contains("not built yet", "mvn -q -B -DskipTests -pl sdk-examples -am package");
  }

  @Test
  void theScriptIsExecutable() throws IOException {
    assertThat(Files.isExecutable(SCRIPT)).isTrue();
    assertThat(Files.readAllLines(SCRIPT).get(0)).isEqualTo("#!/usr/bin/env bash");
  }
}
