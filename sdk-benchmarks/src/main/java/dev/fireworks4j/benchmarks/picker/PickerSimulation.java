package dev.fireworks4j.benchmarks.picker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command-line discrete-event simulation comparing the replica picker's weighted random, even-load and
 * sticky policies: three deployments with 4, 2 and 1 replicas of 4 slots each, equal or unequal replica
 * speeds, 80% and 95% load, one client or 16 independent clients. Prints a Markdown table.
 *
 * <p>Arguments: {@code [--requests N] [--seed S]}, by default 1,000,000 requests per run and seed 1.
 */
public final class PickerSimulation {

  private static final int[] REPLICAS = {4, 2, 1};
  private static final int SLOTS_PER_REPLICA = 4;
  private static final int DEFAULT_REQUESTS = 1_000_000;

  private PickerSimulation() {}

  /**
   * Runs every scenario and policy and prints the table.
   *
   * @param args {@code --requests N} and {@code --seed S}, both optional
   */
  public static void main(String[] args) {
    int requests = DEFAULT_REQUESTS;
    long seed = 1;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--requests" -> requests = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("usage: PickerSimulation [--requests N] [--seed S]");
    }
    System.out.print(table(runAll(requests, seed)));
  }

  static List<SimulationResult> runAll(int requests, long seed) {
    List<SimulationResult> results = new ArrayList<>();
    for (Scenario scenario : scenarios(requests, seed)) {
      for (Policy policy : Policy.values()) {
        results.add(new QueueingSimulation(scenario, policy).run());
      }
    }
    return results;
  }

  static List<Scenario> scenarios(int requests, long seed) {
    List<Scenario> scenarios = new ArrayList<>();
    for (int clients : new int[] {1, 16}) {
      for (boolean equal : new boolean[] {true, false}) {
        for (double load : new double[] {0.80, 0.95}) {
          scenarios.add(scenario(equal, load, clients, requests, seed));
        }
      }
    }
    return scenarios;
  }

  static Scenario scenario(boolean equalSpeeds, double load, int clients, int requests, long seed) {
    return equalSpeeds
        ? new Scenario("1/1/1", REPLICAS, new double[] {1, 1, 1}, SLOTS_PER_REPLICA, load, clients, requests,
            seed)
        : new Scenario("1/0.6/2", REPLICAS, new double[] {1, 0.6, 2}, SLOTS_PER_REPLICA, load, clients,
            requests, seed);
  }

  static String table(List<SimulationResult> results) {
    StringBuilder out = new StringBuilder();
    out.append("| speeds | load | clients | policy | mean | p50 | p99 | max/mean in flight per replica"
        + " | traffic share |\n");
    out.append("|---|---|---|---|---|---|---|---|---|\n");
    for (SimulationResult r : results) {
      Scenario s = r.scenario();
      StringBuilder shares = new StringBuilder();
      for (double share : r.shares()) {
        shares.append(shares.length() == 0 ? "" : "/").append(format("%.2f", share));
      }
      out.append(format("| %s | %.2f | %d | %s | %s | %s | %s | %.2f | %s |%n", s.speedsLabel(), s.load(),
          s.clients(), r.policy().label, number(r.meanLatency()), number(r.p50()), number(r.p99()),
          r.imbalance(), shares));
    }
    return out.toString();
  }

  /** Three significant figures for small numbers, whole numbers for the large latencies of unstable runs. */
  private static String number(double value) {
    return value >= 100 ? format("%,.0f", value) : format("%.3g", value);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
