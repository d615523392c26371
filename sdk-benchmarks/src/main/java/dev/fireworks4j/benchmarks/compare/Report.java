package dev.fireworks4j.benchmarks.compare;

import dev.fireworks4j.benchmarks.compare.CompareClients.RequestFigures;
import dev.fireworks4j.benchmarks.compare.CompareClients.StreamFigures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Collects the rounds of a comparison and prints medians, with ratios against the first and last client. */
final class Report {
  private final List<String> clients;
  private final Map<String, List<RequestFigures>> requests = new HashMap<>();
  private final Map<String, List<StreamFigures>> streams = new HashMap<>();

  Report(List<String> clients) {
    this.clients = clients;
  }

  void addRequests(String client, int concurrency, RequestFigures figures) {
    requests.computeIfAbsent(client + "@" + concurrency, k -> new ArrayList<>()).add(figures);
  }

  void addStreaming(String client, StreamFigures figures) {
    streams.computeIfAbsent(client, k -> new ArrayList<>()).add(figures);
  }

  /** The failed requests and streams of one client over all rounds. */
  long failures(String client) {
    long total = 0;
    for (Map.Entry<String, List<RequestFigures>> entry : requests.entrySet()) {
      if (entry.getKey().startsWith(client + "@")) {
        total += entry.getValue().stream().mapToLong(RequestFigures::failures).sum();
      }
    }
    return total + streams.getOrDefault(client, List.of()).stream().mapToLong(StreamFigures::failures).sum();
  }

  long failures() {
    long total = 0;
    for (List<RequestFigures> list : requests.values()) {
      for (RequestFigures f : list) {
        total += f.failures();
      }
    }
    for (List<StreamFigures> list : streams.values()) {
      for (StreamFigures f : list) {
        total += f.failures();
      }
    }
    return total;
  }

  /** The median of {@code metric} over the rounds of {@code client} at {@code concurrency}. */
  double request(String client, int concurrency, ToDoubleFunction<RequestFigures> metric) {
    return median(requests.getOrDefault(client + "@" + concurrency, List.of()), metric);
  }

  /** The median of {@code metric} over the streaming rounds of {@code client}. */
  double stream(String client, ToDoubleFunction<StreamFigures> metric) {
    return median(streams.getOrDefault(client, List.of()), metric);
  }

  String markdown() {
    String baseline = clients.get(0);
    StringBuilder out = new StringBuilder();
    out.append("| metric | ").append(String.join(" | ", clients)).append(" | ratios |\n");
    out.append("|---|").append("--:|".repeat(clients.size())).append("---|\n");
    for (int c : new int[] {1, 16}) {
      row(out, "requests/s, concurrency " + c, name -> request(name, c, RequestFigures::perSecond), "%.0f");
      row(out, "p50 latency c" + c + " (µs)", name -> request(name, c, RequestFigures::p50Micros), "%.0f");
      row(out, "p99 latency c" + c + " (µs)", name -> request(name, c, RequestFigures::p99Micros), "%.0f");
      row(out, "allocated per request c" + c + " (KB)",
          name -> request(name, c, RequestFigures::kilobytesPerRequest), "%.1f");
    }
    row(out, "failed requests and streams (all rounds)", name -> failures(name), "%.0f");
    row(out, "streaming chunks/s", name -> stream(name, StreamFigures::chunksPerSecond), "%.0f");
    row(out, "time to first chunk (µs, median)", name -> stream(name, StreamFigures::firstChunkMicros), "%.0f");
    row(out, "allocated per chunk (B)", name -> stream(name, StreamFigures::bytesPerChunk), "%.0f");
    out.append("\nratios: each client ÷ ").append(baseline);
    if (clients.size() > 2) {
      out.append("; ").append(clients.get(1)).append(" ÷ ").append(clients.get(clients.size() - 1));
    }
    out.append(". failed requests: ").append(failures()).append('\n');
    return out.toString();
  }

  private void row(StringBuilder out, String label, ToDoubleFunction<String> value, String format) {
    out.append("| ").append(label).append(" | ");
    double base = value.applyAsDouble(clients.get(0));
    List<String> ratios = new ArrayList<>();
    for (String client : clients) {
      double v = value.applyAsDouble(client);
      out.append(String.format(Locale.ROOT, format, v)).append(" | ");
      if (!client.equals(clients.get(0))) {
        ratios.add(String.format(Locale.ROOT, "%.2f", v / base));
      }
    }
    if (clients.size() > 2) {
      double ours = value.applyAsDouble(clients.get(1));
      double theirs = value.applyAsDouble(clients.get(clients.size() - 1));
      ratios.add(String.format(Locale.ROOT, "%.2f", ours / theirs));
    }
    out.append(String.join(" / ", ratios)).append(" |\n");
  }

  private static <T> double median(List<T> rounds, ToDoubleFunction<T> metric) {
    if (rounds.isEmpty()) {
      return Double.NaN;
    }
    double[] values = rounds.stream().mapToDouble(metric).sorted().toArray();
    return values[values.length / 2];
  }
}
