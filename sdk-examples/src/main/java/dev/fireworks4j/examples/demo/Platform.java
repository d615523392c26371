package dev.fireworks4j.examples.demo;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.EndpointResolver;
import dev.fireworks4j.directroute.DirectRouteHandle;
import dev.fireworks4j.routers.model.DeploymentCreateParams;
import dev.fireworks4j.routers.model.Region;
import dev.fireworks4j.routers.wait.WaitOptions;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the demo runs: the embedded emulator, or the Fireworks platform with real credentials. Every step talks
 * to either through the same {@link Fireworks} client calls; a platform adds only what differs between the two.
 */
interface Platform extends AutoCloseable {
  /** One line saying where requests go and as which account; never the API key. */
  String describe();

  /** The client for both planes. */
  Fireworks client();

  /** The parameters of a new deployment with a fixed replica count. */
  DeploymentCreateParams.Builder deployment(String id, int replicas);

  /** How often and how long to poll for READY. */
  WaitOptions waitOptions();

  /** Requests per measured traffic split: enough for a tight tolerance on the emulator, fewer on the platform. */
  int requestsPerSplit();

  /** Requests in flight at once while measuring. */
  int concurrency();

  /** How to slow a deployment down, where the platform allows it (the emulator only). */
  Optional<Slowdown> slowdown();

  /** How to reach direct routes, where the demo may create one; empty with the reason when it may not. */
  DirectRoutes directRoutes();

  /** Stops what the platform started. */
  @Override
  void close();

  /** Changes how long a deployment takes to answer. */
  interface Slowdown {
    /** Every request to {@code deployment} (full name) takes at least {@code latency}; zero restores it. */
    void set(String deployment, Duration latency);
  }

  /** Direct routes on this platform. */
  interface DirectRoutes {
    /** Why direct routes are not used here, or empty when they are. */
    Optional<String> unavailableReason();

    /** The region to create the direct route in. */
    Region region();

    /** The endpoints that send inference to {@code handle} with {@code key}. */
    EndpointResolver endpoints(DirectRouteHandle handle, ApiKey key);

    /** The URL the requests to {@code handle} actually go to, when it differs from the handle's own. */
    Optional<String> servedAt(DirectRouteHandle handle);
  }
}
