package dev.fireworks4j.examples.demo;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.EndpointResolver;
import dev.fireworks4j.directroute.DirectRouteHandle;
import dev.fireworks4j.routers.model.DeploymentCreateParams;
import dev.fireworks4j.routers.model.Region;
import dev.fireworks4j.routers.wait.WaitOptions;
import dev.fireworks4j.testkit.EmulatorConfig;
import dev.fireworks4j.testkit.FireworksEmulator;
import dev.fireworks4j.testkit.LatencyModel;
import dev.fireworks4j.testkit.ServingProfile;
import java.time.Duration;
import java.util.Optional;

/**
 * The embedded emulator with a fixed seed, short lifecycle delays and a small serving latency, so that the whole
 * demo runs in seconds and its random choices repeat from run to run.
 */
final class EmulatorPlatform implements Platform {
  /** The emulator's seed: the routers' random picks start from it. */
  static final long SEED = 42;
  /** How long CREATING, UPDATING and DELETING last: long enough that every wait really polls. */
  static final Duration LIFECYCLE_DELAY = Duration.ofMillis(40);
  /** Time to first token of every replica. */
  static final Duration LATENCY = Duration.ofMillis(2);

  private final FireworksEmulator emulator;
  private final Fireworks client;

  private EmulatorPlatform(FireworksEmulator emulator) {
    this.emulator = emulator;
    this.client = Fireworks.create(emulator.clientOptions());
  }

  /** Starts an emulator on a free port. */
  static EmulatorPlatform start() {
    return new EmulatorPlatform(EmulatorConfig.builder()
        .seed(SEED)
        .lifecycleDelay(LIFECYCLE_DELAY)
        .defaultProfile(ServingProfile.defaults().withLatency(LatencyModel.of(LATENCY, Duration.ZERO)))
        .start());
  }

  @Override
  public String describe() {
    return "the embedded emulator at " + emulator.baseUri() + " (account " + emulator.accountId() + ", seed "
        + SEED + "); set FIREWORKS_API_KEY to run against the Fireworks platform";
  }

  @Override
  public Fireworks client() {
    return client;
  }

  @Override
  public DeploymentCreateParams.Builder deployment(String id, int replicas) {
    return DeploymentCreateParams.builder().deploymentId(id).baseModel(EmulatorConfig.DEFAULT_BASE_MODEL)
        .minReplicaCount(replicas).maxReplicaCount(replicas);
  }

  @Override
  public WaitOptions waitOptions() {
    return WaitOptions.builder().timeout(Duration.ofSeconds(30)).initialInterval(Duration.ofMillis(10))
        .maxInterval(Duration.ofMillis(50)).build();
  }

  @Override
  public int requestsPerSplit() {
    return 1000;
  }

  @Override
  public int concurrency() {
    return 4;
  }

  @Override
  public Optional<Slowdown> slowdown() {
    return Optional.of((deployment, latency) -> emulator.setLatency(deployment,
        LatencyModel.of(latency.isZero() ? LATENCY : latency, Duration.ZERO)));
  }

  @Override
  public DirectRoutes directRoutes() {
    return new DirectRoutes() {
      @Override
      public Optional<String> unavailableReason() {
        return Optional.empty();
      }

      @Override
      public Region region() {
        return Region.US_ARIZONA_1;
      }

      @Override
      public EndpointResolver endpoints(DirectRouteHandle handle, ApiKey key) {
        return emulator.directRouteEndpoints(handle.host(), key.reveal());
      }

      @Override
      public Optional<String> servedAt(DirectRouteHandle handle) {
        return Optional.of(emulator.directRouteUri(handle.host()).toString());
      }
    };
  }

  @Override
  public void close() {
    client.close();
    emulator.close();
  }
}
