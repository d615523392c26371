package dev.fireworks4j.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.testkit.FireworksEmulator;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One emulator per class, shared by nested classes, with its options and a client injected. */
@EmulatedFireworks(config = "two-deployments.json", account = "team", apiKey = "team-key", seed = 5)
class FireworksEmulatorExtensionTest {
  private static final AtomicReference<FireworksEmulator> STARTED = new AtomicReference<>();

  @BeforeAll
  static void remember(FireworksEmulator emulator) {
    STARTED.set(emulator);
  }

  @AfterAll
  static void closedAfterTheClass() {
    // the extension closes the emulator after this method; its port is still bound here
    assertThat(STARTED.get().port()).isPositive();
  }

  @Test
  void injectsTheEmulatorItsOptionsAndAClient(FireworksEmulator emulator, ClientOptions options, Fireworks fw) {
    assertThat(emulator).isSameAs(STARTED.get());
    assertThat(emulator.accountId()).isEqualTo("team");
    assertThat(emulator.config().seed()).isEqualTo(5);
    assertThat(options.accountId()).hasValue("team");
    Deployment deployment = fw.deployments().get("model-a");
    assertThat(deployment.name()).hasValue("accounts/team/deployments/model-a");
  }

  @Test
  void theClientIsSharedWithinTheClass(Fireworks first, Fireworks second) {
    assertThat(first).isSameAs(second);
  }

  @Nested
  class Inner {
    @Test
    void sharesTheOuterEmulator(FireworksEmulator emulator, Fireworks fw) {
      assertThat(emulator).isSameAs(STARTED.get());
      assertThat(fw.deployments().get("model-b").replicaCount()).hasValue(1);
    }
  }
}
