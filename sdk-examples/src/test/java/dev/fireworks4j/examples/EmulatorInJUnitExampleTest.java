package dev.fireworks4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.error.RateLimitException;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.testkit.Faults;
import dev.fireworks4j.testkit.FireworksEmulator;
import dev.fireworks4j.testkit.junit.EmulatedFireworks;
import org.junit.jupiter.api.Test;

/**
 * Example: testing application code against the embedded emulator with JUnit. {@code @EmulatedFireworks} starts one
 * emulator for the class from a JSON configuration on the class path ({@code emulator-example.json}: two
 * deployments and a router), resets it before each test, and passes test methods the emulator, client options
 * for it, or a {@link Fireworks} client connected to it. The application code under test only ever sees the
 * client.
 */
@EmulatedFireworks(config = "emulator-example.json", resetBeforeEach = true)
class EmulatorInJUnitExampleTest {

  /** The application code under test: it asks the "assistant" router alias a question. */
  static final class Assistant {
    private final Fireworks fw;

    Assistant(Fireworks fw) {
      this.fw = fw;
    }

    String ask(String question) {
      return fw.chat().completions().create(ChatCompletionParams.builder()
          .model(RouterName.of(fw.accountId(), "assistant"))
          .addUserMessage(question)
          .maxTokens(32)
          .build()).choices().get(0).message().text().orElse("");
    }
  }

  @Test
  void theAssistantAnswersThroughItsRouter(FireworksEmulator emulator, Fireworks fw) {
    String answer = new Assistant(fw).ask("What is a router?");

    assertThat(answer).isNotBlank();
    assertThat(emulator.counters().requestsByRouter()).containsEntry(emulator.routerName("assistant"), 1L);
  }

  @Test
  void anOverloadedDeploymentReachesTheCallerAsRateLimitException(FireworksEmulator emulator, ClientOptions options) {
    emulator.setFaults("model-a", Faults.failing(429));
    emulator.setFaults("model-b", Faults.failing(429));
    try (Fireworks fw = Fireworks.create(options.toBuilder().maxRetries(0).build())) {
      assertThatThrownBy(() -> new Assistant(fw).ask("Anyone there?")).isInstanceOf(RateLimitException.class);
    }
  }

  @Test
  void eachTestStartsFromTheConfiguredState(FireworksEmulator emulator) {
    // the faults and counters of the other tests are gone: resetBeforeEach
    assertThat(emulator.counters().requests()).isZero();
    assertThat(emulator.profile("model-a").faults().isActive()).isFalse();
  }
}
