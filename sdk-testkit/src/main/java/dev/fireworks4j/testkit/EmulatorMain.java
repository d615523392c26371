package dev.fireworks4j.testkit;

import dev.fireworks4j.testkit.internal.json.JsonSupport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone emulator: {@code java -jar sdk-testkit-<version>-all.jar [options]}. It listens on 127.0.0.1
 * until it is interrupted (Ctrl-C or SIGTERM).
 *
 * <pre>
 * --port N              port to bind (default 0: a free one, printed at start)
 * --api-key KEY         the primary account's API key (default emulator-api-key)
 * --account ID          the primary account (default emulator)
 * --seed N              seed of every random choice (default 42)
 * --lifecycle-delay D   how long CREATING/UPDATING/DELETING last, e.g. 2s or 500ms (default 0s)
 * --config FILE         JSON configuration with deployments and routers to pre-create (see EmulatorConfig);
 *                       the other options override it
 * --help                this text
 * </pre>
 */
public final class EmulatorMain {
  private static final String USAGE = String.join("\n",
      "usage: java -jar sdk-testkit-all.jar [--port N] [--api-key KEY] [--account ID] [--seed N]",
      "                                     [--lifecycle-delay D] [--config FILE]",
      "  --port N             port on 127.0.0.1 (default 0: a free port, printed at start)",
      "  --api-key KEY        the primary account's API key (default " + EmulatorConfig.DEFAULT_API_KEY + ")",
      "  --account ID         the primary account (default " + EmulatorConfig.DEFAULT_ACCOUNT + ")",
      "  --seed N             seed of every random choice (default " + EmulatorConfig.DEFAULT_SEED + ")",
      "  --lifecycle-delay D  how long CREATING/UPDATING/DELETING last, e.g. 2s or 500ms (default 0s)",
      "  --config FILE        JSON configuration: accounts, profiles, deployments and routers to pre-create",
      "  --help               this text");

  private EmulatorMain() {}

  /** Parses the options, starts the emulator and serves until the process is stopped. */
  public static void main(String[] args) throws InterruptedException {
    EmulatorConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (config == null) {
      System.out.println(USAGE);
      return;
    }
    FireworksEmulator emulator = FireworksEmulator.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "fireworks-emulator-shutdown"));
    printBanner(emulator, System.out);
    stopped.await();
  }

  /** The configuration the options describe, or {@code null} for {@code --help}. */
  static EmulatorConfig parse(String[] args) throws IOException {
    EmulatorConfig.Builder builder = EmulatorConfig.builder();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config")) {
        builder.applyJson(Files.readString(Path.of(value(args, ++i, "--config"))));
      }
    }
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--help":
        case "-h":
          return null;
        case "--config":
          i++;
          break;
        case "--port":
          builder.port(integer(value(args, ++i, option), option));
          break;
        case "--api-key":
          builder.apiKey(value(args, ++i, option));
          break;
        case "--account":
          builder.accountId(value(args, ++i, option));
          break;
        case "--seed":
          builder.seed(longValue(value(args, ++i, option), option));
          break;
        case "--lifecycle-delay":
          Duration delay = JsonSupport.parseDuration(value(args, ++i, option));
          if (delay == null) {
            throw new IllegalArgumentException("--lifecycle-delay needs a duration such as 2s or 500ms");
          }
          builder.lifecycleDelay(delay);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return builder.build();
  }

  static void printBanner(FireworksEmulator emulator, PrintStream out) {
    out.println("Fireworks emulator listening on " + emulator.baseUri() + " (started in "
        + emulator.startupTime().toMillis() + " ms)");
    out.println("  control plane: " + emulator.baseUri() + "/v1/accounts/" + emulator.accountId() + "/...");
    out.println("  inference:     " + emulator.inferenceUri());
    out.println("  admin:         " + emulator.baseUri() + "/admin/counters");
    out.println("  FIREWORKS_API_KEY=" + emulator.apiKey() + " FIREWORKS_ACCOUNT_ID=" + emulator.accountId());
    out.flush();
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static int integer(String text, String option) {
    long value = longValue(text, option);
    if (value != (int) value) {
      throw new IllegalArgumentException(option + " is out of range: " + text);
    }
    return (int) value;
  }

  private static long longValue(String text, String option) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs an integer, got " + text);
    }
  }
}
