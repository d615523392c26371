package dev.fireworks4j.testkit;

import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.Endpoint;
import dev.fireworks4j.core.endpoint.EndpointResolver;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.testkit.internal.admin.AdminApi;
import dev.fireworks4j.testkit.internal.control.Accounts;
import dev.fireworks4j.testkit.internal.control.ApiError;
import dev.fireworks4j.testkit.internal.control.ControlPlaneApi;
import dev.fireworks4j.testkit.internal.control.ControlPlaneState;
import dev.fireworks4j.testkit.internal.gateway.InferenceGateway;
import dev.fireworks4j.testkit.internal.http.Call;
import dev.fireworks4j.testkit.internal.http.EmulatorHttpServer;
import dev.fireworks4j.testkit.internal.json.JsonSupport;
import dev.fireworks4j.testkit.internal.sim.Counters;
import dev.fireworks4j.testkit.internal.sim.Profiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for the Fireworks platform, as LocalStack is for AWS: the control plane (routers and
 * deployments, {@code /v1/accounts/...}) and the inference gateway ({@code /inference/v1/chat/completions},
 * {@code /inference/v1/completions}) on one loopback port, laid out like {@code api.fireworks.ai}, plus an admin
 * API ({@code /admin/...}) and direct routes. It implements the wire contract of the official specs on its own
 * (Jackson trees, no SDK model classes), so it can check the SDK rather than mirror it.
 *
 * <pre>{@code
 * try (FireworksEmulator emulator = FireworksEmulator.builder().deployment("model-a", 3).start()) {
 *   Fireworks fw = Fireworks.create(emulator.clientOptions());
 *   ...
 * }
 * }</pre>
 *
 * <p>Simulated deployments have replicas that answer with deterministic synthetic text after a configurable
 * latency, refuse work beyond a concurrency limit (429) and inject faults on demand ({@link ServingProfile}).
 * Routers split traffic with the SDK's own replica picker. Lifecycle changes (CREATING → READY, UPDATING,
 * DELETING → DELETED) take {@link EmulatorConfig#lifecycleDelay()}. What the emulator decides where the docs
 * are silent is written down on the classes behind each API: {@code Deployments}, {@code Routers},
 * {@code ControlPlaneApi}, {@code InferenceGateway}, {@code InferenceError} and {@code AdminApi} in the
 * internal packages.
 *
 * <p>Thread-safe. {@link #close()} stops the server and every thread it started.
 */
public final class FireworksEmulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FireworksEmulator.class);

  private final EmulatorConfig config;
  private final Accounts accounts;
  private final Profiles profiles;
  private final Counters counters = new Counters();
  private final InferenceGateway gateway;
  private final ControlPlaneState state;
  private final ControlPlaneApi controlPlane;
  private final AdminApi admin;
  private final EmulatorHttpServer server;
  private final Duration startupTime;
  private final AtomicBoolean closed = new AtomicBoolean();

  private FireworksEmulator(EmulatorConfig config) throws IOException {
    long started = System.nanoTime();
    this.config = config;
    this.accounts = new Accounts(config.accounts());
    this.profiles = new Profiles(config.defaultProfile(), config.profiles(), config.seed());
    Clock clock = Clock.systemUTC();
    this.gateway = new InferenceGateway(accounts, this::tick, profiles, counters, clock, config.seed());
    this.state = new ControlPlaneState(config.lifecycleDelay(), clock, config.seed(), gateway);
    this.controlPlane = new ControlPlaneApi(accounts, state);
    this.admin = new AdminApi(this);
    createPresets();
    this.server = EmulatorHttpServer.start(config.port(), this::dispatch);
    this.startupTime = Duration.ofNanos(System.nanoTime() - started);
    LOG.info("Fireworks emulator listening on {} (account {}) after {} ms", baseUri(), config.accountId(),
        startupTime.toMillis());
  }

  /** A builder of the configuration, whose {@code start()} starts an emulator. */
  public static EmulatorConfig.Builder builder() {
    return EmulatorConfig.builder();
  }

  /** Starts an emulator with the default configuration on a free port. */
  public static FireworksEmulator start() {
    return start(EmulatorConfig.defaults());
  }

  /**
   * Starts an emulator.
   *
   * @throws IllegalArgumentException if a preset deployment or router is invalid
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static FireworksEmulator start(EmulatorConfig config) {
    try {
      return new FireworksEmulator(Objects.requireNonNull(config, "config"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Fireworks emulator on port " + config.port(), e);
    }
  }

  /** The configuration it started with. */
  public EmulatorConfig config() {
    return config;
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  /** {@code http://127.0.0.1:<port>}: the control plane's base URL, and the gateway root. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** {@code http://127.0.0.1:<port>/inference/v1}: the OpenAI-compatible base URL. */
  public URI inferenceUri() {
    return URI.create(baseUri() + "/inference/v1");
  }

  /** The primary account's id. */
  public String accountId() {
    return config.accountId();
  }

  /** The primary account's API key. */
  public String apiKey() {
    return config.apiKey();
  }

  /** How long {@link #start} took, from configuration to a listening server. */
  public Duration startupTime() {
    return startupTime;
  }

  /** The endpoints of this emulator in the gateway layout, for {@link ClientOptions.Builder#endpoints}. */
  public EndpointResolver endpoints() {
    return Endpoints.gateway(baseUri());
  }

  /** Client options for the primary account: its API key, its id and {@link #endpoints()}. */
  public ClientOptions clientOptions() {
    return ClientOptions.builder().apiKey(apiKey()).accountId(accountId()).endpoints(endpoints()).build();
  }

  /**
   * Where this emulator serves a direct-route handle: {@code http://127.0.0.1:<port>/direct/<handle>/v1}. (A
   * request to {@code /v1/...} whose {@code Host} header is the handle is served the same way.)
   */
  public URI directRouteUri(String handle) {
    return URI.create(baseUri() + "/direct/" + Objects.requireNonNull(handle, "handle") + "/v1");
  }

  /**
   * Endpoints that send inference to a direct route of this emulator with a direct-route key, and the control
   * plane to the emulator: the local equivalent of {@code Endpoints.directRoute(handle, key)}.
   */
  public EndpointResolver directRouteEndpoints(String handle, String directRouteKey) {
    Endpoint control = Endpoint.of(baseUri());
    Endpoint inference = Endpoint.of(directRouteUri(handle), ApiKey.of(directRouteKey));
    return (plane, model) -> plane == Plane.CONTROL ? control : inference;
  }

  /** The full name of a deployment: {@code accounts/<primary>/deployments/<id>} for an id, a full name as is. */
  public String deploymentName(String deployment) {
    return deployment.contains("/") ? deployment : "accounts/" + accountId() + "/deployments/" + deployment;
  }

  /** The full name of a router: {@code accounts/<primary>/routers/<id>} for an id, a full name as is. */
  public String routerName(String router) {
    return router.contains("/") ? router : "accounts/" + accountId() + "/routers/" + router;
  }

  /**
   * Creates a deployment in the primary account (or the account of a full name), READY at once, bypassing the
   * lifecycle; returns it as the API renders it.
   *
   * @throws IllegalArgumentException if the body is invalid or the deployment exists
   */
  public String createDeployment(String deployment, String deploymentJson) {
    String name = deploymentName(deployment);
    String[] parts = name.split("/");
    try {
      return JsonSupport.write(controlPlane.presetDeployment(parts[1], parts[3], JsonSupport.parse(deploymentJson)));
    } catch (ApiError e) {
      throw new IllegalArgumentException("cannot create " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates a router, READY at once; returns it as the API renders it.
   *
   * @throws IllegalArgumentException if the body is invalid or the router exists
   */
  public String createRouter(String router, String routerJson) {
    String name = routerName(router);
    String[] parts = name.split("/");
    try {
      return JsonSupport.write(controlPlane.presetRouter(parts[1], parts[3], JsonSupport.parse(routerJson)));
    } catch (ApiError e) {
      throw new IllegalArgumentException("cannot create " + name + ": " + e.getMessage(), e);
    }
  }

  /** The serving profile of a deployment (id or full name; it need not exist yet). */
  public ServingProfile profile(String deployment) {
    return profiles.get(deploymentName(deployment));
  }

  /** Replaces the serving profile of a deployment; requests that start afterwards use it. */
  public void setProfile(String deployment, ServingProfile profile) {
    profiles.set(deploymentName(deployment), Objects.requireNonNull(profile, "profile"));
  }

  /** Sets the faults of a deployment, keeping the rest of its profile. */
  public void setFaults(String deployment, Faults faults) {
    setProfile(deployment, profile(deployment).withFaults(faults));
  }

  /** Removes the faults of a deployment. */
  public void clearFaults(String deployment) {
    setFaults(deployment, Faults.none());
  }

  /** Sets the latency model of a deployment's replicas. */
  public void setLatency(String deployment, LatencyModel latency) {
    setProfile(deployment, profile(deployment).withLatency(latency));
  }

  /** Sets how many requests each replica of a deployment serves at once. */
  public void setConcurrencyLimit(String deployment, int maxConcurrentRequests) {
    setProfile(deployment, profile(deployment).withMaxConcurrentRequests(maxConcurrentRequests));
  }

  /** Sets the stream quirks a deployment reproduces. */
  public void setStreamQuirks(String deployment, StreamQuirk... quirks) {
    setProfile(deployment, profile(deployment).withStreamQuirks(quirks));
  }

  /** The inference counters. */
  public EmulatorCounters counters() {
    return counters.snapshot();
  }

  /** Sets every counter to zero. */
  public void resetCounters() {
    counters.reset();
  }

  /**
   * Back to the start state: only the preset deployments and routers, the configured profiles, zero counters,
   * and every random source back at its seed.
   */
  public void reset() {
    state.clear();
    profiles.reset();
    counters.reset();
    createPresets();
    gateway.reseed();
  }

  /** Completes every pending lifecycle transition now (CREATING, UPDATING and DELETING resources). */
  public void settle() {
    state.settle();
  }

  /** Stops the server and its threads; streams in progress are cut. Closing twice does nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.close();
    LOG.info("Fireworks emulator on port {} stopped", port());
  }

  @Override
  public String toString() {
    return "FireworksEmulator{" + baseUri() + ", account=" + accountId() + "}";
  }

  private void tick() {
    state.tick();
  }

  private void createPresets() {
    for (EmulatorConfig.Preset p : config.deployments()) {
      createDeployment(p.name(), p.json());
    }
    for (EmulatorConfig.Preset p : config.routers()) {
      createRouter(p.name(), p.json());
    }
  }

  private void dispatch(Call call) throws IOException {
    String path = call.path();
    if (InferenceGateway.serves(path)) {
      gateway.handle(call);
    } else if (ControlPlaneApi.serves(path)) {
      controlPlane.handle(call);
    } else if (AdminApi.serves(path)) {
      admin.handle(call);
    } else {
      call.respond(404, ApiError.notFound("Not Found").body());
    }
  }
}
