package dev.fireworks4j.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress bar on a terminal, and one line per measurement elsewhere. */
class ConsoleTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  private Console console(boolean interactive) {
    return new Console(new PrintStream(printed, true, StandardCharsets.UTF_8), interactive);
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void onATerminalTheBarIsRedrawnOnOneLineAndReplacedByTheOutcome() {
    Console.Progress progress = console(true).progress("sending", 4);
    progress.advance();
    progress.set(4);
    progress.finish("4 requests in 0.1 s, 0 failed");

    assertThat(printed())
        .startsWith("\r   sending [#######.......................] 25%")
        .contains("\r   sending [##############################] 100%")
        .endsWith("\r   sending: 4 requests in 0.1 s, 0 failed" + " ".repeat(7) + System.lineSeparator());
    assertThat(printed().chars().filter(c -> c == '\n')).as("one line in the end").hasSize(1);
  }

  @Test
  void elsewhereOnlyTheOutcomeIsPrinted() {
    Console.Progress progress = console(false).progress("sending", 4);
    for (int i = 0; i < 4; i++) {
      progress.advance();
    }
    progress.finish("4 requests in 0.1 s, 0 failed");

    assertThat(printed()).isEqualTo("   sending: 4 requests in 0.1 s, 0 failed" + System.lineSeparator());
  }

  @Test
  void blocksAreIndentedLineByLine() {
    console(false).block("   ", "a\n\nb\n");

    assertThat(printed().lines()).containsExactly("   a", "", "   b");
  }
}
