package dev.fireworks4j.reliability;

/**
 * How one call of the fault matrix ended.
 *
 * @param result {@link #OK} with the right content, a short exception name, or what was wrong
 * @param events stream events the caller received
 * @param millis how long the call took
 * @param message the exception's message, or empty
 */
record Outcome(String result, int events, long millis, String message) {
  static final String OK = "ok";

  /** The short name of an exception: its simple class name without "Exception", "Fireworks" or "Api". */
  static String name(Throwable error) {
    String name = error.getClass().getSimpleName();
    if ("HANG".equals(error.getMessage())) {
      return "HANG";
    }
    return name.replace("Exception", "").replace("Fireworks", "");
  }
}
