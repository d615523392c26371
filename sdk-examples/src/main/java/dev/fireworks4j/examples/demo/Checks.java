package dev.fireworks4j.examples.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The checks of one step: each is printed as it is made, and the step passes when all of them pass. */
final class Checks {
  /** How a step ended. */
  enum Verdict {
    /** Every check passed. */
    PASS,
    /** A check failed, or the step could not finish. */
    FAIL,
    /** The step does not apply to this platform. */
    SKIPPED
  }

  private final Console console;
  private final List<String> failed = new ArrayList<>();
  private int made;
  private String skipped;

  Checks(Console console) {
    this.console = console;
  }

  /** Records and prints one check. */
  void check(boolean passed, String claim) {
    made++;
    console.line("   " + (passed ? "PASS" : "FAIL") + "  " + claim);
    if (!passed) {
      failed.add(claim);
    }
  }

  /** Records that the step could not finish: {@code reason} counts as a failed check. */
  void abort(String reason) {
    check(false, reason);
  }

  /** Records that the step does not apply here. */
  void skip(String reason) {
    skipped = reason;
    console.line("   SKIPPED  " + reason);
  }

  /** How the step ended. */
  Verdict verdict() {
    if (!failed.isEmpty() || skipped == null && made == 0) {
      return Verdict.FAIL;
    }
    return skipped != null ? Verdict.SKIPPED : Verdict.PASS;
  }

  /** The first failed check. */
  Optional<String> firstFailure() {
    return failed.stream().findFirst();
  }
}
