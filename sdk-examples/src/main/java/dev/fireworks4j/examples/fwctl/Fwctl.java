package dev.fireworks4j.examples.fwctl;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.error.ApiException;
import dev.fireworks4j.core.error.ConfigurationException;
import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.error.ValidationException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * fwctl: firectl's router commands, plus {@code deployment get|scale} and a streaming {@code chat}, on
 * fireworks4j. Run {@code fwctl --help} for the commands and flags; the {@code sdk-examples/fwctl} script runs
 * this class.
 *
 * <p>Exit status: {@value #OK} success, {@value #API_ERROR} the call failed (an error answer, or the platform could
 * not be reached), {@value #USAGE_ERROR} the command line is wrong, {@value #CONFIGURATION_ERROR} the
 * configuration is incomplete (no API key or account id).
 */
public final class Fwctl {
  /** Success. */
  public static final int OK = 0;
  /** The API call failed: an error status, a connection failure or a timeout. */
  public static final int API_ERROR = 1;
  /** The command line is wrong. */
  public static final int USAGE_ERROR = 2;
  /** The API key or account id is missing, or a {@code FIREWORKS_*} variable is malformed. */
  public static final int CONFIGURATION_ERROR = 3;

  static final String USAGE = String.join("\n",
      "Usage: fwctl [flags] <command> [arguments]",
      "",
      "Commands:",
      "  router create --deployments A,B [--router-id ID] [--strategy weighted-random|even-load]",
      "                [--display-name NAME] [--public] [--model MODEL]",
      "  router list",
      "  router get ID",
      "  router update ID [--deployments A,B] [--strategy S] [--display-name NAME] [--public=true|false]",
      "  router delete ID",
      "  deployment get ID",
      "  deployment scale ID --replica-count N",
      "  chat --model ROUTER [--max-tokens N] \"prompt\"     (streams the answer)",
      "",
      "IDs are short ids in the account, or full names (accounts/<account>/routers/<id>).",
      "",
      "Flags:",
      "  -o, --output text|json       output format (default text)",
      "      --endpoint api|aws|gcp|URL",
      "                               where requests go (default FIREWORKS_BASE_URL, else api)",
      "  -a, --account-id ID          the account (default FIREWORKS_ACCOUNT_ID)",
      "  -h, --help                   this help",
      "",
      "Environment: FIREWORKS_API_KEY (required), FIREWORKS_ACCOUNT_ID, FIREWORKS_BASE_URL.",
      "Exit status: 0 success, 1 API error, 2 usage error, 3 configuration error.");

  private Fwctl() {}

  /** Runs one command and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** Runs one command with {@code env} as the environment; returns the exit status. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    CommandLine line;
    try {
      line = CommandLine.parse(args);
      if (line.bool("help").orElse(false) || line.words().equals(List.of("help"))) {
        out.println(USAGE);
        return OK;
      }
    } catch (UsageException e) {
      return usageError(e.getMessage(), err);
    }
    try (Fireworks fw = client(line, env)) {
      Printer printer = printer(line, out);
      execute(line, fw, printer, out);
      return OK;
    } catch (UsageException | ValidationException e) {
      return usageError(e.getMessage(), err);
    } catch (ConfigurationException e) {
      err.println("fwctl: configuration error: " + e.getMessage());
      return CONFIGURATION_ERROR;
    } catch (ApiException e) {
      err.println("fwctl: " + e.getMessage());
      return API_ERROR;
    } catch (FireworksException e) {
      err.println("fwctl: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return API_ERROR;
    }
  }

  private static void execute(CommandLine line, Fireworks fw, Printer printer, PrintStream out)
      throws UsageException {
    List<String> words = line.words();
    if (words.isEmpty()) {
      throw new UsageException("no command given");
    }
    String command = words.get(0);
    if (command.equals("chat")) {
      ChatCommand.run(line, fw, printer, out);
      return;
    }
    if (!command.equals("router") && !command.equals("deployment")) {
      throw new UsageException("unknown command '" + command + "'");
    }
    if (words.size() < 2) {
      throw new UsageException("'" + command + "' needs a subcommand");
    }
    if (command.equals("router")) {
      RouterCommands.run(words.get(1), line, fw, printer);
    } else {
      DeploymentCommands.run(words.get(1), line, fw, printer);
    }
  }

  /** The client: the environment's settings, then {@code --endpoint} and {@code --account-id} over them. */
  private static Fireworks client(CommandLine line, Map<String, String> env) throws UsageException {
    ClientOptions.Builder options = ClientOptions.builder().fromEnv(env);
    line.flag("account-id").ifPresent(options::accountId);
    String endpoint = line.flag("endpoint").orElse(null);
    if (endpoint != null) {
      options.endpoints(Endpoints.parse(endpoint));
    }
    return Fireworks.create(options.build());
  }

  private static Printer printer(CommandLine line, PrintStream out) throws UsageException {
    String format = line.flag("output").orElse("text");
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--output takes text or json, not \"" + format + "\"");
    }
    return new Printer(out, format.equals("json"));
  }

  private static int usageError(String message, PrintStream err) {
    err.println("fwctl: " + message);
    err.println("Run 'fwctl --help' for usage.");
    return USAGE_ERROR;
  }
}
