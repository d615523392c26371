package dev.fireworks4j.examples;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.testkit.EmulatorConfig;
import dev.fireworks4j.testkit.FireworksEmulator;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where an example's {@code main} runs: the Fireworks platform when {@code FIREWORKS_API_KEY} is set (through
 * {@link Fireworks#fromEnv()}), otherwise an embedded emulator that already holds the deployments the example
 * needs. The examples' own methods take a {@link Fireworks} client and work the same on both.
 */
public final class ExampleEnvironment implements AutoCloseable {
  private final FireworksEmulator emulator;
  private final Fireworks fireworks;

  private ExampleEnvironment(FireworksEmulator emulator, Fireworks fireworks) {
    this.emulator = emulator;
    this.fireworks = fireworks;
  }

  /**
   * The platform when {@code FIREWORKS_API_KEY} is set; otherwise an emulator configured by {@code emulatorSetup}
   * (deployments and routers that exist from the start).
   */
  public static ExampleEnvironment fromEnvOrEmulator(Consumer<EmulatorConfig.Builder> emulatorSetup) {
    String key = System.getenv(ClientOptions.ENV_API_KEY);
    if (key != null && !key.isBlank()) {
      return new ExampleEnvironment(null, Fireworks.fromEnv());
    }
    EmulatorConfig.Builder config = EmulatorConfig.builder();
    emulatorSetup.accept(config);
    FireworksEmulator emulator = config.start();
    System.out.println("(FIREWORKS_API_KEY is not set: running against the embedded emulator at "
        + emulator.baseUri() + ")");
    return new ExampleEnvironment(emulator, Fireworks.create(emulator.clientOptions()));
  }

  /** The client. */
  public Fireworks fireworks() {
    return fireworks;
  }

  /** The emulator, when the example runs on one. */
  public Optional<FireworksEmulator> emulator() {
    return Optional.ofNullable(emulator);
  }

  /** Closes the client and stops the emulator, if any. */
  @Override
  public void close() {
    fireworks.close();
    if (emulator != null) {
      emulator.close();
    }
  }
}
