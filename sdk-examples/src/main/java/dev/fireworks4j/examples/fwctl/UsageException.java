package dev.fireworks4j.examples.fwctl;

/** The command line is wrong: an unknown command or flag, a missing argument, a malformed value. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
