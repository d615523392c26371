package dev.fireworks4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example's {@code main} runs as a user would start it: without credentials, on its own emulator. */
class ExampleMainsTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void capture() {
    assumeTrue(System.getenv("FIREWORKS_API_KEY") == null, "FIREWORKS_API_KEY is set: main() would use the platform");
    original = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    if (original != null) {
      System.setOut(original);
    }
  }

  static Stream<Arguments> mains() {
    return Stream.of(
        main("RouterCrudExample", RouterCrudExample::main, "deleted accounts/emulator/routers/crud-example"),
        main("AwaitReadyExample", AwaitReadyExample::main, "router accounts/emulator/routers/await-example is READY"),
        main("AbTestExample", AbTestExample::main, "| Total      |        5 |          100% |"),
        main("GradualMigrationExample", GradualMigrationExample::main, "MigrationResult{COMPLETED after 5 steps}"),
        main("ChatThroughRouterExample", ChatThroughRouterExample::main, "async stream: "),
        main("DirectRouteMigrationExample", DirectRouteMigrationExample::main, "gateway answered: "),
        main("ClientSideRoutingExample", ClientSideRoutingExample::main, "user-42 was served by [accounts/emulator/"),
        main("OpenAiJavaExample", OpenAiJavaExample::main, "running against the embedded emulator"));
  }

  private static Arguments main(String name, Consumer<String[]> main, String expected) {
    return Arguments.of(name, main, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mains")
  void runsOnTheEmbeddedEmulator(String name, Consumer<String[]> main, String expected) {
    main.accept(new String[0]);

    assertThat(printed.toString(StandardCharsets.UTF_8))
        .startsWith("(FIREWORKS_API_KEY is not set: running against the embedded emulator at http://127.0.0.1:")
        .contains(expected);
  }
}
