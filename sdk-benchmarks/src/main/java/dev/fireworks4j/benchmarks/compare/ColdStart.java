package dev.fireworks4j.benchmarks.compare;

/**
 * The child process of the cold-start measurement: builds one client, sends one chat completion to the
 * given server and prints {@code ok}. Only the named client's classes are loaded.
 *
 * <p>Usage: {@code ColdStart <raw|fireworks4j|openai-java> <baseUrl>}.
 */
public final class ColdStart {
  private ColdStart() {}

  /** Sends one request with the named client. */
  public static void main(String[] args) throws Exception {
    ClientUnderTest client = switch (args[0]) {
      case "raw" -> new RawJdkClient(args[1]);
      case "fireworks4j" -> new Fireworks4jClient(args[1]);
      case "openai-java" -> new OpenAiJavaClient(args[1]);
      default -> throw new IllegalArgumentException("unknown client " + args[0]);
    };
    client.complete();
    System.out.println("ok");
    System.out.flush();
    // exit at once: the JDK 17 HTTP client's selector thread would otherwise delay the exit, which is not measured
    Runtime.getRuntime().halt(0);
  }
}
