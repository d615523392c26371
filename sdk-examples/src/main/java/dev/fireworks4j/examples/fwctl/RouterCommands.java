package dev.fireworks4j.examples.fwctl;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.routers.model.Router;
import dev.fireworks4j.routers.model.RouterCreateParams;
import dev.fireworks4j.routers.model.RouterStrategy;
import dev.fireworks4j.routers.model.RouterUpdateParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code fwctl router create|list|get|update|delete}, with firectl's flags. */
final class RouterCommands {
  private RouterCommands() {}

  /** Runs {@code router <verb> ...}. */
  static void run(String verb, CommandLine line, Fireworks fw, Printer printer) throws UsageException {
    switch (verb) {
      case "create": {
        RouterCreateParams.Builder params = RouterCreateParams.builder()
            .addAllDeployments(deployments(line.required("deployments")));
        line.flag("router-id").ifPresent(params::routerId);
        line.flag("display-name").ifPresent(params::displayName);
        line.flag("model").ifPresent(params::model);
        RouterStrategy strategy = strategy(line);
        if (strategy != null) {
          params.strategy(strategy);
        }
        line.bool("public").ifPresent(params::isPublic);
        line.noArguments("router create");
        printer.router(fw.routers().create(params.build()));
        return;
      }
      case "list": {
        line.noArguments("router list");
        List<Router> routers = new ArrayList<>();
        fw.routers().list().forEach(routers::add);
        printer.routers(routers);
        return;
      }
      case "get": {
        String router = line.argument("router get");
        line.rejectUnread("router get");
        printer.router(fw.routers().get(router));
        return;
      }
      case "update": {
        String router = line.argument("router update");
        RouterUpdateParams.Builder params = RouterUpdateParams.builder();
        line.flag("display-name").ifPresent(params::displayName);
        Optional<String> deployments = line.flag("deployments");
        if (deployments.isPresent()) {
          params.deployments(deployments(deployments.get()));
        }
        RouterStrategy strategy = strategy(line);
        if (strategy != null) {
          params.strategy(strategy);
        }
        line.bool("public").ifPresent(params::isPublic);
        line.rejectUnread("router update");
        printer.router(fw.routers().update(router, params.build()));
        return;
      }
      case "delete": {
        String router = line.argument("router delete");
        line.rejectUnread("router delete");
        fw.routers().delete(router);
        printer.deleted("router", router);
        return;
      }
      default:
        throw new UsageException("unknown command 'router " + verb + "'; use create, list, get, update or delete");
    }
  }

  private static List<String> deployments(String list) throws UsageException {
    List<String> deployments = new ArrayList<>();
    for (String part : list.split(",", -1)) {
      if (part.isBlank()) {
        throw new UsageException("--deployments takes a comma-separated list of deployments, not \"" + list + "\"");
      }
      deployments.add(part.strip());
    }
    return deployments;
  }

  private static RouterStrategy strategy(CommandLine line) throws UsageException {
    String value = line.flag("strategy").orElse(null);
    if (value == null) {
      return null;
    }
    switch (value) {
      case "weighted-random": return RouterStrategy.WEIGHTED_RANDOM;
      case "even-load": return RouterStrategy.EVEN_LOAD;
      default: throw new UsageException("--strategy takes weighted-random or even-load, not \"" + value + "\"");
    }
  }
}
