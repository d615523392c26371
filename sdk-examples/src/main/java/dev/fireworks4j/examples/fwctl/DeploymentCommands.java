package dev.fireworks4j.examples.fwctl;

import dev.fireworks4j.Fireworks;

/** {@code fwctl deployment get|scale}, with firectl's flags. */
final class DeploymentCommands {
  private DeploymentCommands() {}

  /** Runs {@code deployment <verb> ...}. */
  static void run(String verb, CommandLine line, Fireworks fw, Printer printer) throws UsageException {
    switch (verb) {
      case "get": {
        String deployment = line.argument("deployment get");
        line.rejectUnread("deployment get");
        printer.deployment(fw.deployments().get(deployment));
        return;
      }
      case "scale": {
        int replicas = line.integer("replica-count", 0)
            .orElseThrow(() -> new UsageException("flag --replica-count is required"));
        String deployment = line.argument("deployment scale");
        line.rejectUnread("deployment scale");
        fw.deployments().scale(deployment, replicas);
        if (printer.json()) {
          printer.deployment(fw.deployments().get(deployment));
        } else {
          printer.sentence("Scaling deployment " + deployment + " to " + replicas + " replicas");
        }
        return;
      }
      default:
        throw new UsageException("unknown command 'deployment " + verb + "'; use get or scale");
    }
  }
}
