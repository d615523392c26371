package dev.fireworks4j.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.Router;
import dev.fireworks4j.testkit.Faults;
import dev.fireworks4j.testkit.FireworksEmulator;
import dev.fireworks4j.testkit.ServingProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo end to end: every step's checks on the emulator, the real-credential path, and failures. */
class DemoTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env) {
    return Demo.run(env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void withoutAnApiKeyEveryStepRunsOnTheEmbeddedEmulatorAndPasses() {
    int status = run(Map.of());

    String report = output();
    assertThat(status).as(report).isZero();
    assertThat(report)
        .contains("Running against the embedded emulator at http://127.0.0.1:")
        .contains("1. A/B test", "2. Stable alias", "3. Traffic migration", "4. Even load",
            "5. Direct route -> gateway")
        .containsPattern("\\| model-a +\\| +3 \\| +60% \\| +\\d+(\\.\\d)?% \\| +\\d+ \\|")
        .containsPattern("\\| model-b +\\| +2 \\| +40% \\|")
        .contains("PASS  observed shares match the replica ratio within 4 sigma")
        .contains("PASS  no request failed during the swap (retries off)")
        .containsPattern("\\| 2\\. add new +\\| +old 4, new 1 \\| +80% / 20% \\|")
        .containsPattern("\\| 3\\. shift replicas +\\| +old 1, new 4 \\| +20% / 80% \\|")
        .containsPattern("\\| 4\\. scale old to 0 +\\| +old 0, new 4 \\| +0% / 100% \\| +0% / 100% \\|")
        .contains("PASS  all 5 steps completed")
        .contains("PASS  evenLoad moved traffic away from the slow deployment")
        .contains("PASS  evenLoad lowered the p99 latency")
        .contains("-> http://127.0.0.1:")
        .contains("PASS  the gateway served the rewritten request from the same deployment")
        .containsPattern("PASS  nothing named fw4j-demo-[a-z0-9]{6}-\\* is left")
        .contains("All checks passed in")
        .doesNotContain("FAIL", "SKIPPED", "\r")
        .doesNotContain("emulator-api-key");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void withAnApiKeyItRunsThePlatformPathAndSkipsWhatOnlyTheEmulatorCanDo() {
    try (FireworksEmulator platform = FireworksEmulator.start()) {
      int status = run(Map.of("FIREWORKS_API_KEY", platform.apiKey(), "FIREWORKS_ACCOUNT_ID", platform.accountId(),
          "FIREWORKS_BASE_URL", platform.baseUri().toString()));

      String report = output();
      assertThat(status).as(report).isZero();
      assertThat(report)
          .contains("Running against the Fireworks platform at " + platform.baseUri())
          .contains("base model accounts/fireworks/models/llama-v3p1-8b-instruct")
          .contains("PASS  all 5 steps completed")
          .contains("SKIPPED  making a deployment slow needs the emulator")
          .contains("SKIPPED  direct routes need an enterprise account; set FIREWORKS_DEMO_DIRECT_ROUTE_REGION")
          .containsPattern("\\| 4\\. Even load +\\| +SKIPPED \\|")
          .contains("All checks passed in")
          .doesNotContain("FAIL", platform.apiKey());
      assertThat(leftovers(platform)).isEmpty();
    }
  }

  @Test
  void aFailedCheckExitsNonZeroAndStillDeletesEverything() {
    try (FireworksEmulator platform = FireworksEmulator.builder()
        .defaultProfile(ServingProfile.defaults().withFaults(Faults.builder().errorRate(0.05).errorStatus(503).build()))
        .start()) {
      int status = run(Map.of("FIREWORKS_API_KEY", platform.apiKey(), "FIREWORKS_ACCOUNT_ID", platform.accountId(),
          "FIREWORKS_BASE_URL", platform.baseUri().toString()));

      String report = output();
      assertThat(status).as(report).isEqualTo(Demo.CHECK_FAILED);
      assertThat(report)
          .containsPattern("FAIL  \\d+ of 200 requests failed")
          .containsPattern("\\| 1\\. A/B test +\\| +FAIL \\|")
          .containsPattern("\\| Cleanup +\\| +PASS \\|")
          .containsPattern("steps failed, in \\d+\\.\\d s:");
      assertThat(leftovers(platform)).isEmpty();
    }
  }

  @Test
  void anApiKeyWithoutAnAccountIsAConfigurationError() {
    int status = run(Map.of("FIREWORKS_API_KEY", "fw-secret-key"));

    assertThat(status).isEqualTo(Demo.CONFIGURATION_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("FIREWORKS_ACCOUNT_ID").doesNotContain("fw-secret-key");
    assertThat(output()).isEmpty();
  }

  /** The demo's routers and deployments still on {@code platform} and not being deleted. */
  private static List<String> leftovers(FireworksEmulator platform) {
    List<String> left = new ArrayList<>();
    try (Fireworks fw = Fireworks.create(platform.clientOptions())) {
      for (Router router : fw.routers().list()) {
        String name = router.name().orElseThrow();
        if (name.contains("/fw4j-demo-") && !router.autoGenerated().orElse(false)
            && !router.state().map(Object::toString).orElse("").equals("DELETING")) {
          left.add(name);
        }
      }
      for (Deployment deployment : fw.deployments().list()) {
        String state = deployment.state().map(Object::toString).orElse("");
        if (!state.equals("DELETING") && !state.equals("DELETED")) {
          left.add(deployment.name().orElseThrow());
        }
      }
    }
    return left;
  }
}
