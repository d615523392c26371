package dev.fireworks4j.examples.demo;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The outcomes of a batch of requests to one model: who served them, how fast, and which failed. */
final class Sample {
  private final List<Outcome> outcomes;
  private final Duration elapsed;

  /**
   * One request.
   *
   * @param servedBy the full name of the deployment that served it ({@code fireworks-deployment}), or null
   * @param started when it started, in {@link System#nanoTime()} units
   * @param nanos how long it took
   * @param error why it failed, or null when it succeeded
   */
  record Outcome(String servedBy, long started, long nanos, String error) {
    boolean failed() {
      return error != null;
    }
  }

  Sample(List<Outcome> outcomes, Duration elapsed) {
    this.outcomes = List.copyOf(outcomes);
    this.elapsed = elapsed;
  }

  /** The requests sent. */
  int requests() {
    return outcomes.size();
  }

  /** The requests that failed. */
  long failures() {
    return outcomes.stream().filter(Outcome::failed).count();
  }

  /** The first failure's reason. */
  Optional<String> firstError() {
    return outcomes.stream().filter(Outcome::failed).map(Outcome::error).findFirst();
  }

  /** Successful requests by the deployment that served them, in name order. */
  Map<String, Long> servedBy() {
    Map<String, Long> counts = new TreeMap<>();
    for (Outcome outcome : outcomes) {
      if (!outcome.failed()) {
        counts.merge(String.valueOf(outcome.servedBy()), 1L, Long::sum);
      }
    }
    return counts;
  }

  /** How many successful requests {@code deployment} (full name) served. */
  long servedBy(String deployment) {
    return servedBy().getOrDefault(deployment, 0L);
  }

  /** The share of successful requests that {@code deployment} served, from 0 to 1. */
  double share(String deployment) {
    long served = requests() - failures();
    return served == 0 ? 0 : servedBy(deployment) / (double) served;
  }

  /** The {@code q} quantile (0 to 1) of the successful requests' latencies, by the nearest-rank method. */
  Duration latency(double q) {
    long[] nanos = outcomes.stream().filter(o -> !o.failed()).mapToLong(Outcome::nanos).toArray();
    if (nanos.length == 0) {
      return Duration.ZERO;
    }
    Arrays.sort(nanos);
    int rank = (int) Math.ceil(q * nanos.length);
    return Duration.ofNanos(nanos[Math.max(0, rank - 1)]);
  }

  /** The wall-clock time the batch took. */
  Duration elapsed() {
    return elapsed;
  }

  /** The outcomes in the order they completed per worker. */
  List<Outcome> outcomes() {
    return outcomes;
  }
}
