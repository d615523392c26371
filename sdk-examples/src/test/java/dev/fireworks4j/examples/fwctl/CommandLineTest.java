package dev.fireworks4j.examples.fwctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** fwctl's argument parsing. */
class CommandLineTest {
  @Test
  void flagsMayComeAnywhereInEitherForm() throws UsageException {
    CommandLine line = CommandLine.parse(new String[] {"-o", "json", "router", "create", "--router-id=r1",
        "--deployments", "a,b", "--public"});

    assertThat(line.words()).containsExactly("router", "create");
    assertThat(line.flag("output")).contains("json");
    assertThat(line.flag("router-id")).contains("r1");
    assertThat(line.required("deployments")).isEqualTo("a,b");
    assertThat(line.bool("public")).contains(true);
    line.noArguments("router create");
  }

  @Test
  void doubleDashEndsTheFlags() throws UsageException {
    CommandLine line = CommandLine.parse(new String[] {"chat", "--model", "m", "--", "--not-a-flag", "-o"});

    assertThat(line.words()).containsExactly("chat", "--not-a-flag", "-o");
  }

  @Test
  void malformedLinesAreRefused() {
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"router", "get", "--endpoint"}))
        .isInstanceOf(UsageException.class).hasMessage("flag --endpoint needs a value");
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"-x"}))
        .isInstanceOf(UsageException.class).hasMessage("unknown flag -x");
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"-o", "json", "--output", "text"}))
        .isInstanceOf(UsageException.class).hasMessage("flag --output is given twice");
  }

  @Test
  void unreadFlagsAreUnknownToTheCommand() throws UsageException {
    CommandLine line = CommandLine.parse(new String[] {"router", "get", "r", "--display-name", "x"});

    assertThat(line.argument("router get")).isEqualTo("r");
    assertThatThrownBy(() -> line.rejectUnread("router get"))
        .isInstanceOf(UsageException.class).hasMessage("unknown flag --display-name for 'router get'");
  }

  @Test
  void numbersAndBooleansAreChecked() throws UsageException {
    CommandLine line = CommandLine.parse(new String[] {"--replica-count", "3", "--public=false", "--max-tokens", "0"});

    assertThat(line.integer("replica-count", 0)).contains(3);
    assertThat(line.bool("public")).contains(false);
    assertThatThrownBy(() -> line.integer("max-tokens", 1))
        .isInstanceOf(UsageException.class).hasMessage("flag --max-tokens takes a whole number from 1, not \"0\"");
  }
}
