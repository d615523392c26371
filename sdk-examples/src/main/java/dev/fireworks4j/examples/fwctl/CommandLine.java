package dev.fireworks4j.examples.fwctl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one fwctl invocation: positional words and {@code --flag value}, {@code --flag=value} or
 * {@code -f value} flags, anywhere on the line ({@code --} ends the flags). Boolean flags take no value, or
 * {@code =true} / {@code =false}. A command reads the flags it knows; {@link #rejectUnread} then refuses the rest.
 */
final class CommandLine {
  private static final Map<String, String> SHORT = Map.of("-o", "output", "-a", "account-id", "-h", "help");
  private static final Set<String> BOOLEAN = Set.of("public", "help");

  private final List<String> words;
  private final Map<String, String> flags;
  private final Set<String> read = new HashSet<>();

  private CommandLine(List<String> words, Map<String, String> flags) {
    this.words = words;
    this.flags = flags;
  }

  /** Splits {@code args} into words and flags. */
  static CommandLine parse(String[] args) throws UsageException {
    List<String> words = new ArrayList<>();
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        words.addAll(List.of(args).subList(i + 1, args.length));
        break;
      }
      String name;
      String value = null;
      if (arg.startsWith("--") && arg.length() > 2) {
        int equals = arg.indexOf('=');
        name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
        value = equals < 0 ? null : arg.substring(equals + 1);
      } else if (SHORT.containsKey(arg)) {
        name = SHORT.get(arg);
      } else if (arg.startsWith("-") && arg.length() > 1) {
        throw new UsageException("unknown flag " + arg);
      } else {
        words.add(arg);
        continue;
      }
      if (value == null && !BOOLEAN.contains(name)) {
        if (i + 1 == args.length) {
          throw new UsageException("flag --" + name + " needs a value");
        }
        value = args[++i];
      }
      if (flags.put(name, value == null ? "true" : value) != null) {
        throw new UsageException("flag --" + name + " is given twice");
      }
    }
    return new CommandLine(List.copyOf(words), flags);
  }

  /** The positional words: the command, its subcommand, then its arguments. */
  List<String> words() {
    return words;
  }

  /** The one argument after a two-word command, such as the id of {@code router get <id>}. */
  String argument(String command) throws UsageException {
    if (words.size() != 3) {
      throw new UsageException("'" + command + "' takes one id or full name, got " + (words.size() - 2));
    }
    return words.get(2);
  }

  /** Refuses arguments after a two-word command, and flags no one read. */
  void noArguments(String command) throws UsageException {
    if (words.size() > 2) {
      throw new UsageException("'" + command + "' takes no argument such as \"" + words.get(2) + "\"");
    }
    rejectUnread(command);
  }

  /** The value of {@code --name}, if given. */
  Optional<String> flag(String name) {
    read.add(name);
    return Optional.ofNullable(flags.get(name));
  }

  /** The value of {@code --name}, which must be given. */
  String required(String name) throws UsageException {
    return flag(name).orElseThrow(() -> new UsageException("flag --" + name + " is required"));
  }

  /** The value of boolean {@code --name}: given alone or {@code =true}, {@code =false}, or absent. */
  Optional<Boolean> bool(String name) throws UsageException {
    Optional<String> value = flag(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    switch (value.get()) {
      case "true": return Optional.of(true);
      case "false": return Optional.of(false);
      default: throw new UsageException("flag --" + name + " takes true or false, not \"" + value.get() + "\"");
    }
  }

  /** The value of {@code --name} as a whole number from {@code min} up. */
  Optional<Integer> integer(String name, int min) throws UsageException {
    Optional<String> value = flag(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      int number = Integer.parseInt(value.get());
      if (number >= min) {
        return Optional.of(number);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("flag --" + name + " takes a whole number from " + min + ", not \"" + value.get() + "\"");
  }

  /** Refuses every flag no one read, naming the command that does not know it. */
  void rejectUnread(String command) throws UsageException {
    for (String name : flags.keySet()) {
      if (!read.contains(name)) {
        throw new UsageException("unknown flag --" + name + " for '" + command + "'");
      }
    }
  }
}
