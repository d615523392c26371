package dev.fireworks4j.examples.demo;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.Endpoint;
import dev.fireworks4j.core.endpoint.EndpointResolver;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.error.ConfigurationException;
import dev.fireworks4j.directroute.DirectRouteHandle;
import dev.fireworks4j.routers.model.AcceleratorType;
import dev.fireworks4j.routers.model.DeploymentCreateParams;
import dev.fireworks4j.routers.model.Region;
import dev.fireworks4j.routers.wait.WaitOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The Fireworks platform, reached with the {@code FIREWORKS_*} variables as {@code Fireworks.fromEnv()} reads
 * them. Deployments are real, so they use the base model of {@value #ENV_BASE_MODEL} (and optionally the
 * accelerator of {@value #ENV_ACCELERATOR_TYPE}); a direct route is created only when
 * {@value #ENV_DIRECT_ROUTE_REGION} names its region, since direct routes need an enterprise account.
 */
final class FireworksPlatform implements Platform {
  /** The base model of the demo's deployments. */
  static final String ENV_BASE_MODEL = "FIREWORKS_DEMO_BASE_MODEL";
  /** The accelerator type of the demo's deployments; the platform chooses when unset. */
  static final String ENV_ACCELERATOR_TYPE = "FIREWORKS_DEMO_ACCELERATOR_TYPE";
  /** The region of the demo's direct route; step 5 is skipped when unset. */
  static final String ENV_DIRECT_ROUTE_REGION = "FIREWORKS_DEMO_DIRECT_ROUTE_REGION";
  /** The base model used when {@value #ENV_BASE_MODEL} is unset. */
  static final String DEFAULT_BASE_MODEL = "accounts/fireworks/models/llama-v3p1-8b-instruct";

  private final Fireworks client;
  private final String baseModel;
  private final Optional<AcceleratorType> acceleratorType;
  private final Optional<Region> directRouteRegion;

  /**
   * Reads the configuration from {@code env} (the process environment in {@code main}).
   *
   * @throws ConfigurationException when the account id is missing or a variable is malformed
   */
  FireworksPlatform(Map<String, String> env) {
    this.baseModel = value(env, ENV_BASE_MODEL).orElse(DEFAULT_BASE_MODEL);
    this.acceleratorType = value(env, ENV_ACCELERATOR_TYPE).map(AcceleratorType::of);
    this.directRouteRegion = value(env, ENV_DIRECT_ROUTE_REGION).map(Region::of);
    // what Fireworks.fromEnv() does, with the environment passed in
    Fireworks fromEnv = Fireworks.create(ClientOptions.builder().fromEnv(env).build());
    try {
      fromEnv.accountId();
    } catch (ConfigurationException e) {
      fromEnv.close();
      throw e;
    }
    this.client = fromEnv;
  }

  @Override
  public String describe() {
    Endpoint control = client.options().endpoints().resolve(Plane.CONTROL, null);
    return "the Fireworks platform at " + control.baseUri() + " (account " + client.accountId() + ", base model "
        + baseModel + ")";
  }

  @Override
  public Fireworks client() {
    return client;
  }

  @Override
  public DeploymentCreateParams.Builder deployment(String id, int replicas) {
    DeploymentCreateParams.Builder params = DeploymentCreateParams.builder().deploymentId(id).baseModel(baseModel)
        .minReplicaCount(replicas).maxReplicaCount(replicas);
    acceleratorType.ifPresent(params::acceleratorType);
    return params;
  }

  @Override
  public WaitOptions waitOptions() {
    return WaitOptions.builder().timeout(Duration.ofMinutes(30)).initialInterval(Duration.ofSeconds(2))
        .maxInterval(Duration.ofSeconds(15)).build();
  }

  @Override
  public int requestsPerSplit() {
    return 200;
  }

  @Override
  public int concurrency() {
    return 8;
  }

  @Override
  public Optional<Slowdown> slowdown() {
    return Optional.empty();
  }

  @Override
  public DirectRoutes directRoutes() {
    return new DirectRoutes() {
      @Override
      public Optional<String> unavailableReason() {
        return directRouteRegion.isPresent() ? Optional.empty() : Optional.of("direct routes need an enterprise "
            + "account; set " + ENV_DIRECT_ROUTE_REGION + " (such as US_VIRGINIA_1) to run this step");
      }

      @Override
      public Region region() {
        return directRouteRegion.orElseThrow();
      }

      @Override
      @SuppressWarnings("deprecation") // the step calls the direct route on purpose, before migrating off it
      public EndpointResolver endpoints(DirectRouteHandle handle, ApiKey key) {
        return handle.endpoints(key);
      }

      @Override
      public Optional<String> servedAt(DirectRouteHandle handle) {
        return Optional.empty();
      }
    };
  }

  @Override
  public void close() {
    client.close();
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(text -> !text.isEmpty());
  }
}
