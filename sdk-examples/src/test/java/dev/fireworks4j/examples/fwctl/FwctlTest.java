package dev.fireworks4j.examples.fwctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fireworks4j.testkit.EmulatorConfig;
import dev.fireworks4j.testkit.FireworksEmulator;
import dev.fireworks4j.testkit.junit.FireworksEmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** fwctl end to end against the emulator: every command in text and JSON, and every kind of error. */
class FwctlTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final FireworksEmulatorExtension FIREWORKS = FireworksEmulatorExtension.of(EmulatorConfig.builder()
      .deployment("model-a", 3).deployment("model-b", 2).router("ab", "model-a", "model-b").build());

  private FireworksEmulator emulator;
  private Map<String, String> env;
  private String out;
  private String err;
  private int flushes;

  @BeforeEach
  void start(FireworksEmulator emulator) {
    emulator.reset();
    this.emulator = emulator;
    env = new HashMap<>(Map.of("FIREWORKS_API_KEY", emulator.apiKey(), "FIREWORKS_ACCOUNT_ID", emulator.accountId()));
  }

  /** Runs fwctl with {@code --endpoint <the emulator>} first; returns the exit status. */
  private int fwctl(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--endpoint";
    all[1] = emulator.baseUri().toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return fwctlRaw(all);
  }

  private int fwctlRaw(String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    flushes = 0;
    PrintStream counting = new PrintStream(stdout, false, StandardCharsets.UTF_8) {
      @Override
      public void flush() {
        flushes++;
        super.flush();
      }
    };
    int status = Fwctl.run(args, env, counting, new PrintStream(stderr, true, StandardCharsets.UTF_8));
    counting.flush();
    out = stdout.toString(StandardCharsets.UTF_8);
    err = stderr.toString(StandardCharsets.UTF_8);
    return status;
  }

  private JsonNode json() throws IOException {
    return JSON.readTree(out);
  }

  @Test
  void routerCommandsInText() {
    assertThat(fwctl("router", "create", "--router-id", "cli", "--deployments", "model-a,model-b",
        "--strategy", "even-load", "--display-name", "From fwctl", "--public")).as(err).isZero();
    assertThat(out).contains("Name:         accounts/emulator/routers/cli", "Display Name: From fwctl",
        "Strategy:     even-load", "Public:       true",
        "Deployments:  accounts/emulator/deployments/model-a, accounts/emulator/deployments/model-b");

    assertThat(fwctl("router", "list")).isZero();
    assertThat(out.lines().findFirst()).hasValueSatisfying(header -> assertThat(header)
        .matches("NAME +STATE +STRATEGY +DEPLOYMENTS"));
    assertThat(out).containsPattern("accounts/emulator/routers/cli +(CREATING|READY) +even-load +model-a,model-b");

    assertThat(fwctl("router", "update", "cli", "--deployments", "model-b", "--strategy", "weighted-random",
        "--public=false")).as(err).isZero();
    assertThat(out).contains("Strategy:     weighted-random", "Public:       false",
        "Deployments:  accounts/emulator/deployments/model-b");

    assertThat(fwctl("router", "get", "accounts/emulator/routers/cli")).isZero();
    assertThat(out).contains("Name:         accounts/emulator/routers/cli", "State:        READY");

    assertThat(fwctl("router", "delete", "cli")).isZero();
    assertThat(out).isEqualTo("Deleted router cli\n");
    assertThat(fwctl("router", "get", "cli")).isEqualTo(Fwctl.API_ERROR);
    assertThat(err).contains("404", "routers/cli").contains("NOT_FOUND");
  }

  @Test
  void everyCommandPrintsJsonWithDashOJson() throws IOException {
    assertThat(fwctl("-o", "json", "router", "create", "--router-id", "cli", "--deployments", "model-a")).isZero();
    assertThat(json().get("name").asText()).isEqualTo("accounts/emulator/routers/cli");
    assertThat(json().get("deployments")).hasSize(1);

    assertThat(fwctl("router", "list", "--output", "json")).isZero();
    assertThat(json().isArray()).isTrue();
    assertThat(json().findValuesAsText("name")).contains("accounts/emulator/routers/ab",
        "accounts/emulator/routers/cli");

    assertThat(fwctl("router", "get", "cli", "-o", "json")).isZero();
    assertThat(json().get("state").asText()).isEqualTo("READY");
    assertThat(json().has("weightedRandom")).isTrue();

    assertThat(fwctl("router", "update", "cli", "--strategy", "even-load", "-o", "json")).isZero();
    assertThat(json().has("evenLoad")).isTrue();
    assertThat(json().has("weightedRandom")).isFalse();

    assertThat(fwctl("router", "delete", "cli", "-o", "json")).isZero();
    assertThat(json()).isEqualTo(JSON.readTree("{\"name\": \"cli\", \"deleted\": true}"));

    assertThat(fwctl("deployment", "get", "model-a", "-o", "json")).isZero();
    assertThat(json().get("replicaCount").asInt()).isEqualTo(3);
    assertThat(json().get("baseModel").asText()).isEqualTo(EmulatorConfig.DEFAULT_BASE_MODEL);

    assertThat(fwctl("deployment", "scale", "model-a", "--replica-count", "5", "-o", "json")).isZero();
    assertThat(json().get("desiredReplicaCount").asInt()).isEqualTo(5);

    assertThat(fwctl("chat", "--model", "accounts/emulator/routers/ab", "-o", "json", "Hello")).isZero();
    assertThat(json().get("object").asText()).isEqualTo("chat.completion");
    assertThat(json().at("/choices/0/message/content").asText()).isNotBlank();
  }

  @Test
  void deploymentGetAndScale() {
    assertThat(fwctl("deployment", "get", "model-b")).isZero();
    assertThat(out).contains("Name:         accounts/emulator/deployments/model-b", "State:        READY",
        "Replicas:     2 (desired 2)", "Base Model:   " + EmulatorConfig.DEFAULT_BASE_MODEL);

    assertThat(fwctl("deployment", "scale", "model-b", "--replica-count", "0")).isZero();
    assertThat(out).isEqualTo("Scaling deployment model-b to 0 replicas\n");
    emulator.settle();
    assertThat(fwctl("deployment", "get", "model-b")).isZero();
    assertThat(out).contains("Replicas:     0 (desired 0)");
  }

  @Test
  void chatStreamsTheAnswerThroughTheRouterAlias() {
    assertThat(fwctl("chat", "--model", "accounts/emulator/routers/ab", "--max-tokens", "12", "Tell", "me",
        "a", "story")).as(err).isZero();

    assertThat(out).endsWith("\n").hasSizeGreaterThan(10);
    assertThat(out.strip().split(" ")).hasSize(12);  // the emulator writes one word per token
    assertThat(flushes).as("printed piece by piece").isGreaterThan(10);
    assertThat(emulator.counters().requestsByRouter()).containsEntry(emulator.routerName("ab"), 1L);
  }

  @Test
  void theEnvironmentsBaseUrlAndAccountFlagWork() {
    env.remove("FIREWORKS_ACCOUNT_ID");
    env.put("FIREWORKS_BASE_URL", emulator.baseUri().toString());

    assertThat(fwctlRaw("-a", "emulator", "router", "get", "ab")).as(err).isZero();
    assertThat(out).containsPattern("Name: +accounts/emulator/routers/ab");
  }

  @Test
  void helpPrintsUsageAndSucceeds() {
    assertThat(fwctlRaw("--help")).isZero();
    assertThat(out).startsWith("Usage: fwctl").contains("router create", "deployment scale", "chat --model",
        "Exit status: 0 success, 1 API error, 2 usage error, 3 configuration error.");
    assertThat(fwctlRaw("help")).isZero();
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(List.of(
        fwctlRaw(),
        fwctl("frobnicate"),
        fwctl("router"),
        fwctl("router", "rename", "ab"),
        fwctl("router", "get"),
        fwctl("router", "get", "ab", "extra"),
        fwctl("router", "get", "ab", "--strategy", "even-load"),
        fwctl("router", "list", "--bogus", "1"),
        fwctl("router", "create", "--router-id", "x"),
        fwctl("router", "create", "--deployments", "model-a,", "--router-id", "x"),
        fwctl("router", "create", "--deployments", "model-a", "--strategy", "round-robin"),
        fwctl("router", "update", "ab", "--public=maybe"),
        fwctl("deployment", "scale", "model-a", "--replica-count", "-1"),
        fwctl("deployment", "scale", "model-a"),
        fwctl("chat", "--model", "ab"),
        fwctl("router", "list", "-o", "yaml"),
        fwctl("router", "list", "--output"),
        fwctlRaw("--endpoint", "ftp://example.com", "router", "list"),
        fwctl("router", "create", "--deployments", "model-a", "--router-id", "Not Valid")))
        .allSatisfy(status -> assertThat(status).isEqualTo(Fwctl.USAGE_ERROR));
    assertThat(err).contains("Run 'fwctl --help' for usage.");
  }

  @Test
  void errorMessagesSayWhatIsWrong() {
    fwctl("router", "create", "--router-id", "x");
    assertThat(err).startsWith("fwctl: flag --deployments is required");
    fwctl("router", "get", "ab", "--strategy", "even-load");
    assertThat(err).startsWith("fwctl: unknown flag --strategy for 'router get'");
    fwctl("deployment", "scale", "model-a", "--replica-count", "many");
    assertThat(err).startsWith("fwctl: flag --replica-count takes a whole number from 0, not \"many\"");
  }

  @Test
  void missingCredentialsExitWithThree() {
    env.remove("FIREWORKS_ACCOUNT_ID");
    assertThat(fwctl("router", "list")).isEqualTo(Fwctl.CONFIGURATION_ERROR);
    assertThat(err).contains("configuration error", "FIREWORKS_ACCOUNT_ID");

    env.put("FIREWORKS_ACCOUNT_ID", "emulator");
    env.remove("FIREWORKS_API_KEY");
    assertThat(fwctl("router", "list")).isEqualTo(Fwctl.CONFIGURATION_ERROR);
    assertThat(err).contains("FIREWORKS_API_KEY");
  }

  @Test
  void failedCallsExitWithOne() {
    assertThat(fwctl("router", "create", "--router-id", "bad", "--deployments", "no-such-deployment"))
        .isEqualTo(Fwctl.API_ERROR);
    assertThat(err).startsWith("fwctl: 400");

    env.put("FIREWORKS_API_KEY", "wrong-key");
    assertThat(fwctl("router", "list")).isEqualTo(Fwctl.API_ERROR);
    assertThat(err).contains("401").doesNotContain("wrong-key");

    assertThat(fwctlRaw("--endpoint", "http://127.0.0.1:1", "router", "list")).isEqualTo(Fwctl.API_ERROR);
    assertThat(err).startsWith("fwctl: ConnectionException: ").contains("could not connect");
  }
}
