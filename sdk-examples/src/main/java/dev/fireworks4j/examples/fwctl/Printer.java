package dev.fireworks4j.examples.fwctl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.Router;
import dev.fireworks4j.routers.model.RouterStrategy;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes results as firectl does: {@code text} (aligned {@code Field: value} lines, a table for lists) or
 * {@code json} (the resource as the API returns it, pretty-printed).
 */
final class Printer {
  private static final ObjectWriter JSON = Json.mapper().writerWithDefaultPrettyPrinter();

  private final PrintStream out;
  private final boolean json;

  Printer(PrintStream out, boolean json) {
    this.out = out;
    this.json = json;
  }

  /** Whether the output is JSON. */
  boolean json() {
    return json;
  }

  /** A router. */
  void router(Router router) {
    if (json) {
      write(router);
      return;
    }
    fields(
        field("Name", router.name()),
        field("Display Name", router.displayName()),
        field("State", router.state().map(Object::toString)),
        field("Strategy", Optional.of(strategy(router))),
        field("Deployments", Optional.of(String.join(", ", router.deployments()))),
        field("Public", Optional.of(String.valueOf(router.isPublic().orElse(false)))),
        field("Aliases", Optional.of(String.join(", ", router.aliases())).filter(text -> !text.isEmpty())),
        field("Create Time", router.createTime().map(Object::toString)));
  }

  /** Routers, as a table or a JSON array. */
  void routers(List<Router> routers) {
    if (json) {
      write(routers);
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NAME", "STATE", "STRATEGY", "DEPLOYMENTS"});
    for (Router router : routers) {
      List<String> ids = new ArrayList<>();
      router.deployments().forEach(d -> ids.add(d.substring(d.lastIndexOf('/') + 1)));
      rows.add(new String[] {router.name().orElse(""), router.state().map(Object::toString).orElse(""),
          strategy(router), String.join(",", ids)});
    }
    table(rows);
  }

  /** A deployment. */
  void deployment(Deployment deployment) {
    if (json) {
      write(deployment);
      return;
    }
    fields(
        field("Name", deployment.name()),
        field("Display Name", deployment.displayName()),
        field("Base Model", deployment.baseModel()),
        field("State", deployment.state().map(Object::toString)),
        field("Replicas", Optional.of(deployment.replicaCount().orElse(0)
            + deployment.desiredReplicaCount().map(desired -> " (desired " + desired + ")").orElse(""))),
        field("Min Replicas", deployment.minReplicaCount().map(String::valueOf)),
        field("Max Replicas", deployment.maxReplicaCount().map(String::valueOf)),
        field("Accelerator", deployment.acceleratorType().map(type -> type + " x"
            + deployment.acceleratorCount().orElse(1))),
        field("Region", deployment.region().map(Object::toString)),
        field("Direct Route", deployment.directRouteHandle()),
        field("Create Time", deployment.createTime().map(Object::toString)));
  }

  /** That a resource was deleted: a sentence, or {@code {"name": ..., "deleted": true}}. */
  void deleted(String kind, String name) {
    if (json) {
      write(Json.mapper().createObjectNode().put("name", name).put("deleted", true));
    } else {
      out.println("Deleted " + kind + " " + name);
    }
  }

  /** A line of text output. */
  void sentence(String text) {
    out.println(text);
  }

  /** Any value as pretty JSON. */
  void write(Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The router's strategy by firectl's name, {@code weighted-random} (also when unset) or {@code even-load}. */
  private static String strategy(Router router) {
    RouterStrategy strategy = router.strategy().orElse(RouterStrategy.WEIGHTED_RANDOM);
    return strategy.equals(RouterStrategy.EVEN_LOAD) ? "even-load"
        : strategy.equals(RouterStrategy.WEIGHTED_RANDOM) ? "weighted-random" : strategy.value();
  }

  private static String[] field(String label, Optional<String> value) {
    return value.map(v -> new String[] {label, v}).orElse(null);
  }

  /** Prints {@code label: value} lines aligned on the values; null entries (absent values) are left out. */
  private void fields(String[]... fields) {
    int width = 0;
    for (String[] field : fields) {
      if (field != null) {
        width = Math.max(width, field[0].length());
      }
    }
    for (String[] field : fields) {
      if (field != null) {
        out.println(field[0] + ":" + " ".repeat(width - field[0].length() + 1) + field[1]);
      }
    }
  }

  private void table(List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]).append(i + 1 < row.length ? " ".repeat(widths[i] - row[i].length() + 2) : "");
      }
      out.println(line);
    }
  }
}
