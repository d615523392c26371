package dev.fireworks4j.benchmarks.compare;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures cold start: a fresh JVM per run, from process start until its first chat completion has been
 * answered, median of several runs per client, runs interleaved. Each child runs on its own client's
 * runtime class path (plus this module's classes), as an application with one dependency would.
 *
 * <p>Usage: {@code ColdStartHarness <runs> raw=<classpath> fireworks4j=<classpath> openai-java=<classpath>}.
 */
public final class ColdStartHarness {
  private ColdStartHarness() {}

  /** Runs the measurement and prints a table. */
  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    Map<String, String> classpaths = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String[] pair = args[i].split("=", 2);
      classpaths.put(pair[0], pair[1]);
    }
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    try (FixedResponseServer server = FixedResponseServer.start(10)) {
      for (int run = 0; run < runs; run++) {
        for (Map.Entry<String, String> client : classpaths.entrySet()) {
          millis.computeIfAbsent(client.getKey(), k -> new ArrayList<>())
              .add(runOnce(client.getKey(), client.getValue(), server.baseUrl()));
        }
      }
    }
    String baseline = classpaths.keySet().iterator().next();
    double base = median(millis.get(baseline));
    System.out.println("| client | cold start, process start → first response (ms, median of " + runs + ") | ÷ "
        + baseline + " |");
    System.out.println("|---|--:|--:|");
    millis.forEach((client, values) -> System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f |%n", client,
        median(values), median(values) / base));
  }

  private static double runOnce(String client, String classpath, String baseUrl) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, ColdStart.class.getName(), client, baseUrl)
        .redirectErrorStream(true);
    long start = System.nanoTime();
    Process process = builder.start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.equals("ok")) {
          double elapsed = (System.nanoTime() - start) / 1e6;
          process.waitFor();
          return elapsed;
        }
      }
    }
    throw new IllegalStateException(client + " did not answer (exit " + process.waitFor() + ")");
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
