package dev.fireworks4j.routers.traffic;

import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.Router;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The expected share of a router's traffic that each of its deployments receives. Under the weighted
 * random strategy each replica gets an equal share, so a deployment's share is its replica count over the
 * total: 3 and 2 replicas give 60% and 40%. Even load converges to the same split when replicas are
 * alike. When no deployment has a replica there is no traffic at all: requests to the router fail.
 *
 * <p>{@link #toTable()} prints the split as the router guide's table.
 */
public final class TrafficSplit {
  private final List<Share> shares;
  private final int totalReplicas;

  /**
   * One deployment's part of the split.
   *
   * @param deployment the deployment's full name (or the name it was given by)
   * @param replicas its replica count
   * @param fraction its expected share of traffic, from 0 to 1 (0 for every deployment when there is no traffic)
   */
  public record Share(String deployment, int replicas, double fraction) {
    /** The last segment of the name, as the guide's table shows it. */
    public String id() {
      return deployment.substring(deployment.lastIndexOf('/') + 1);
    }
  }

  private TrafficSplit(Map<String, Integer> replicas) {
    int total = 0;
    for (Map.Entry<String, Integer> entry : replicas.entrySet()) {
      if (entry.getValue() < 0) {
        throw new ValidationException("replicas",
            entry.getKey() + " has a negative replica count: " + entry.getValue());
      }
      total = Math.addExact(total, entry.getValue());
    }
    List<Share> list = new ArrayList<>();
    for (Map.Entry<String, Integer> entry : replicas.entrySet()) {
      double fraction = total == 0 ? 0.0 : entry.getValue() / (double) total;
      list.add(new Share(entry.getKey(), entry.getValue(), fraction));
    }
    this.shares = List.copyOf(list);
    this.totalReplicas = total;
  }

  /**
   * The split of {@code router}'s traffic, with each deployment's current replica count taken from
   * {@code deployments} (which must hold every deployment the router covers; others are ignored).
   */
  public static TrafficSplit of(Router router, Collection<Deployment> deployments) {
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(deployments, "deployments");
    Map<String, Integer> replicas = new LinkedHashMap<>();
    for (String covered : router.deployments()) {
      Deployment deployment = find(covered, deployments).orElseThrow(() -> new ValidationException("deployments",
          "no Deployment given for " + covered + ", which the router covers"));
      replicas.put(deployment.name().orElse(covered), deployment.replicaCount().orElse(0));
    }
    return new TrafficSplit(replicas);
  }

  /** The split for these replica counts, by deployment name, in iteration order. */
  public static TrafficSplit ofReplicas(Map<String, Integer> replicasByDeployment) {
    return new TrafficSplit(new LinkedHashMap<>(Objects.requireNonNull(replicasByDeployment, "replicasByDeployment")));
  }

  /** Each deployment's share, in the router's order. */
  public List<Share> shares() {
    return shares;
  }

  /** The replica count across all deployments. */
  public int totalReplicas() {
    return totalReplicas;
  }

  /** Whether any deployment has a replica; without one, requests to the router fail. */
  public boolean hasTraffic() {
    return totalReplicas > 0;
  }

  /** The share, from 0 to 1, of a deployment given by full name or id; empty when the split does not hold it. */
  public OptionalDouble fractionOf(String deployment) {
    for (Share share : shares) {
      if (share.deployment().equals(deployment) || share.id().equals(deployment)) {
        return OptionalDouble.of(share.fraction());
      }
    }
    return OptionalDouble.empty();
  }

  /**
   * The split as the router guide's Markdown table: one row per deployment with its replicas and traffic
   * share, then a total row; with no replicas at all the total row says there is no traffic.
   */
  public String toTable() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Deployment", "Replicas", "Traffic share"});
    for (Share share : shares) {
      rows.add(new String[] {share.id(), Integer.toString(share.replicas()),
          hasTraffic() ? percent(share.fraction()) : "-"});
    }
    rows.add(new String[] {"Total", Integer.toString(totalReplicas), hasTraffic() ? "100%" : "no traffic"});
    int[] widths = new int[3];
    for (String[] row : rows) {
      for (int i = 0; i < 3; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    appendRow(out, rows.get(0), widths);
    out.append("|-").append("-".repeat(widths[0])).append("-|-").append("-".repeat(widths[1])).append(":|-")
        .append("-".repeat(widths[2])).append(":|\n");
    for (String[] row : rows.subList(1, rows.size())) {
      appendRow(out, row, widths);
    }
    return out.toString();
  }

  /** The table of {@link #toTable()}. */
  @Override
  public String toString() {
    return toTable();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrafficSplit && ((TrafficSplit) other).shares.equals(shares);
  }

  @Override
  public int hashCode() {
    return shares.hashCode();
  }

  /** {@code 0.6} → {@code "60%"}, {@code 2/3} → {@code "66.7%"}. */
  static String percent(double fraction) {
    double value = fraction * 100;
    long whole = Math.round(value);
    if (Math.abs(value - whole) < 0.05) {
      return whole + "%";
    }
    return String.format(Locale.ROOT, "%.1f%%", value);
  }

  private static void appendRow(StringBuilder out, String[] row, int[] widths) {
    out.append("| ").append(pad(row[0], widths[0], false)).append(" | ").append(pad(row[1], widths[1], true))
        .append(" | ").append(pad(row[2], widths[2], true)).append(" |\n");
  }

  private static String pad(String text, int width, boolean right) {
    String fill = " ".repeat(width - text.length());
    return right ? fill + text : text + fill;
  }

  private static Optional<Deployment> find(String covered, Collection<Deployment> deployments) {
    boolean shortId = !covered.startsWith("accounts/");
    for (Deployment deployment : deployments) {
      String name = deployment.name().orElse("");
      if (name.equals(covered) || shortId && name.substring(name.lastIndexOf('/') + 1).equals(covered)) {
        return Optional.of(deployment);
      }
    }
    return Optional.empty();
  }
}
