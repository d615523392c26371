package dev.fireworks4j.benchmarks.compare;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the runtime jars a class path holds and their total size: what an application gets from one
 * dependency. Usage: {@code Footprint <name>=<classpath> ...}.
 */
public final class Footprint {
  private Footprint() {}

  /** Prints one table row per class path. */
  public static void main(String[] args) {
    System.out.println("| dependency | runtime jars | total size (MB) | jars |");
    System.out.println("|---|--:|--:|---|");
    for (String arg : args) {
      String[] pair = arg.split("=", 2);
      List<String> names = new ArrayList<>();
      long bytes = 0;
      for (String entry : pair[1].split(File.pathSeparator)) {
        File jar = new File(entry);
        if (jar.isFile() && entry.endsWith(".jar")) {
          names.add(jar.getName());
          bytes += jar.length();
        }
      }
      System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %s |%n", pair[0], names.size(), bytes / 1e6,
          String.join(", ", names));
    }
  }
}
