package dev.fireworks4j.benchmarks.picker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link PickerBenchmark} under JMH at 1 and at 2 threads, with the GC profiler, and prints one table:
 * ns per pick at each thread count and bytes allocated per pick. Usage: {@code PickerCost [--smoke]}; the
 * full run takes the benchmark's own settings (forked, 2 s of warm-up and 3 s of measurement each, about 65 s in
 * all); the smoke mode measures in-process for milliseconds, to check that it works.
 */
public final class PickerCost {
  private PickerCost() {}

  /** One benchmark at one deployment count: ns/op at 1 and 2 threads (score and 99.9 % error), B/op at 1. */
  record Row(String benchmark, int deployments, double ns1, double error1, double ns2, double error2,
      double bytes) {}

  /** Prints the table. */
  public static void main(String[] args) throws RunnerException {
    boolean smoke = args.length > 0 && args[0].equals("--smoke");
    System.out.println("| benchmark | deployments | 1 thread (ns/op) | 2 threads (ns/op) | B/op |");
    System.out.println("|---|--:|--:|--:|--:|");
    for (Row row : measure(smoke)) {
      System.out.printf(Locale.ROOT, "| `%s` | %d | %.1f ± %.1f | %.1f ± %.1f | %.0f |%n", row.benchmark(),
          row.deployments(), row.ns1(), row.error1(), row.ns2(), row.error2(), row.bytes());
    }
  }

  /** Measures every benchmark and deployment count at 1 and 2 threads. */
  static List<Row> measure(boolean smoke) throws RunnerException {
    Map<String, RunResult> one = run(1, smoke);
    Map<String, RunResult> two = run(2, smoke);
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, RunResult> entry : one.entrySet()) {
      RunResult single = entry.getValue();
      RunResult pair = two.get(entry.getKey());
      String method = single.getParams().getBenchmark();
      rows.add(new Row(method.substring(method.lastIndexOf('.') + 1),
          Integer.parseInt(single.getParams().getParam("deployments")),
          single.getPrimaryResult().getScore(), single.getPrimaryResult().getScoreError(),
          pair.getPrimaryResult().getScore(), pair.getPrimaryResult().getScoreError(), allocatedPerOp(single)));
    }
    return rows;
  }

  private static Map<String, RunResult> run(int threads, boolean smoke) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(PickerBenchmark.class.getName() + "\\.")
        .threads(threads)
        .addProfiler(GCProfiler.class)
        .timeUnit(TimeUnit.NANOSECONDS)
        .verbosity(VerboseMode.SILENT); // the table is the output
    if (smoke) {
      options.forks(0).warmupIterations(1).warmupTime(TimeValue.milliseconds(20))
          .measurementIterations(1).measurementTime(TimeValue.milliseconds(50));
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, RunResult> byKey = new LinkedHashMap<>();
    for (RunResult result : results) {
      byKey.put(result.getParams().getBenchmark() + "/" + result.getParams().getParam("deployments"), result);
    }
    return byKey;
  }

  /** The GC profiler's bytes per operation (named with or without a leading dot, by JMH version). */
  private static double allocatedPerOp(RunResult result) {
    for (String name : result.getSecondaryResults().keySet()) {
      if (name.endsWith("gc.alloc.rate.norm")) {
        return result.getSecondaryResults().get(name).getScore();
      }
    }
    return Double.NaN;
  }
}
