package dev.fireworks4j.examples.demo;

import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.error.ConfigurationException;
import java.io.PrintStream;
import java.util.Map;

/**
 * The README's first command: walks through the Fireworks router guide (A/B test, stable alias, traffic
 * migration, even load, direct route to gateway) and checks each step's claims, printing a report.
 *
 * <p>Without {@code FIREWORKS_API_KEY} it runs against the embedded emulator in a few seconds. With it, it runs
 * against the Fireworks platform (the account of {@code FIREWORKS_ACCOUNT_ID}): real deployments, which take
 * minutes to start and cost money, all named with a random {@code fw4j-demo-} prefix and deleted at the end,
 * also on failure or Ctrl-C. {@code FIREWORKS_DEMO_BASE_MODEL}, {@code FIREWORKS_DEMO_ACCELERATOR_TYPE} and
 * {@code FIREWORKS_DEMO_DIRECT_ROUTE_REGION} configure that mode.
 *
 * <p>Exit status: 0 when every check passed, 1 when one failed, 3 when the configuration is unusable.
 */
public final class Demo {
  /** Every check passed. */
  static final int OK = 0;
  /** A check failed or a step could not finish. */
  static final int CHECK_FAILED = 1;
  /** The environment does not configure a usable client. */
  static final int CONFIGURATION_ERROR = 3;

  private Demo() {}

  /** Runs the demo and exits with its status. */
  public static void main(String[] args) {
    int status = run(System.getenv(), System.out, System.err, System.console() != null);
    if (status != OK) {
      System.exit(status);
    }
  }

  /** Runs the demo on the platform {@code env} selects and returns the exit status. */
  static int run(Map<String, String> env, PrintStream out, PrintStream err, boolean interactive) {
    Platform platform;
    try {
      platform = select(env);
    } catch (ConfigurationException e) {
      err.println("fireworks4j demo: " + e.getMessage());
      return CONFIGURATION_ERROR;
    }
    try (platform) {
      return new DemoRun(platform, new Console(out, interactive)).run() ? OK : CHECK_FAILED;
    }
  }

  private static Platform select(Map<String, String> env) {
    String key = env.get(ClientOptions.ENV_API_KEY);
    return key == null || key.isBlank() ? EmulatorPlatform.start() : new FireworksPlatform(env);
  }
}
