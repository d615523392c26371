package dev.fireworks4j.testkit;

import java.util.Map;

/**
 * Inference traffic one deployment received since the emulator started or its counters were last reset.
 *
 * @param requests requests routed to the deployment (each counted once, whatever its outcome)
 * @param completed requests answered successfully, counted just before the last bytes (a stream's {@code [DONE]})
 *     are written, so a client holding a whole answer always sees it counted
 * @param rateLimited requests refused with 429 because every replica was at its concurrency limit
 * @param faulted requests that an injected fault failed, dropped or stalled
 * @param requestsByReplica requests by replica host (the {@code fireworks-backend-host} header value)
 */
public record DeploymentCounters(
    long requests, long completed, long rateLimited, long faulted, Map<String, Long> requestsByReplica) {
  /** Copies the replica map. */
  public DeploymentCounters {
    requestsByReplica = Map.copyOf(requestsByReplica);
  }
}
