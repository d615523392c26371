package dev.fireworks4j.examples.demo;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.Router;
import dev.fireworks4j.routers.model.RouterCreateParams;
import dev.fireworks4j.routers.model.RouterStrategy;
import dev.fireworks4j.routers.traffic.TrafficSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the steps share: the platform, the output, the names of this run's resources, the load generator, and
 * the A/B deployments that step 1 creates and step 2 reuses.
 */
final class DemoContext {
  private final Platform platform;
  private final Console console;
  private final DemoResources resources;
  private final LoadGenerator load;
  private String modelA;
  private String modelB;

  DemoContext(Platform platform, Console console, DemoResources resources) {
    this.platform = platform;
    this.console = console;
    this.resources = resources;
    this.load = new LoadGenerator(platform.client());
  }

  Platform platform() {
    return platform;
  }

  Fireworks client() {
    return platform.client();
  }

  Console console() {
    return console;
  }

  DemoResources resources() {
    return resources;
  }

  LoadGenerator load() {
    return load;
  }

  /** Remembers step 1's deployments (full names) for the later steps. */
  void abDeployments(String a, String b) {
    this.modelA = a;
    this.modelB = b;
  }

  /** Step 1's first deployment (3 replicas), or an exception saying step 1 did not create it. */
  String modelA() {
    return required(modelA);
  }

  /** Step 1's second deployment (2 replicas). */
  String modelB() {
    return required(modelB);
  }

  /** Creates a deployment of this run with {@code replicas} replicas and returns its full name (not yet READY). */
  String createDeployment(String name, int replicas) {
    Deployment created = client().deployments().create(platform.deployment(resources.id(name), replicas).build());
    return created.name().orElseThrow();
  }

  /** Waits until every deployment is READY. */
  void awaitReady(String... deployments) {
    for (String deployment : deployments) {
      client().deployments().awaitReady(deployment, platform.waitOptions());
    }
  }

  /** Creates a router of this run over {@code deployments}, waits until it is READY, and returns its alias. */
  String createRouter(String name, RouterStrategy strategy, String... deployments) {
    Router router = client().routers().create(RouterCreateParams.builder().routerId(resources.id(name))
        .addDeployments(deployments).strategy(strategy).displayName("fireworks4j demo: " + name).build());
    String alias = router.name().orElseThrow();
    client().routers().awaitReady(alias, platform.waitOptions());
    return alias;
  }

  /** The alias of router {@code name} of this run: {@code accounts/<account>/routers/<prefix><name>}. */
  String routerAlias(String name) {
    return RouterName.of(client().accountId(), resources.id(name)).toString();
  }

  /** The split the router should produce now, from its deployments' current replica counts. */
  TrafficSplit expectedSplit(String router) {
    Router current = client().routers().get(router);
    List<Deployment> covered = new ArrayList<>();
    for (String deployment : current.deployments()) {
      covered.add(client().deployments().get(deployment));
    }
    return TrafficSplit.of(current, covered);
  }

  /** Sends the platform's number of requests to {@code model} with a progress bar and returns them. */
  Sample send(String label, String model, int requests) {
    Console.Progress progress = console.progress(label, requests);
    Sample sample = load.send(model, requests, platform.concurrency(), progress);
    progress.finish(summary(sample));
    return sample;
  }

  /** Measures {@code router}'s split against the one its replica counts predict. */
  SplitCheck measureSplit(String label, String router) {
    TrafficSplit expected = expectedSplit(router);
    return new SplitCheck(expected, send(label, router, platform.requestsPerSplit()));
  }

  /** {@code "2000 requests in 1.3 s, 0 failed"}, with the first failure's reason when there is one. */
  static String summary(Sample sample) {
    String text = sample.requests() + " requests in " + seconds(sample.elapsed().toMillis()) + ", "
        + sample.failures() + " failed";
    return sample.firstError().map(error -> text + " (first: " + error + ")").orElse(text);
  }

  /** Milliseconds as seconds with one decimal, such as {@code "1.3 s"}. */
  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static String required(String deployment) {
    if (deployment == null) {
      throw new IllegalStateException("step 1 did not create its deployments");
    }
    return deployment;
  }
}
