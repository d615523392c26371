package dev.fireworks4j.routers.clientside;

import dev.fireworks4j.core.endpoint.Endpoint;
import dev.fireworks4j.core.endpoint.RoutingEndpointResolver.Route;
import dev.fireworks4j.core.error.ConnectionException;
import dev.fireworks4j.core.error.FireworksTimeoutException;
import dev.fireworks4j.core.http.Headers;
import dev.fireworks4j.routers.picker.Lease;
import dev.fireworks4j.routers.picker.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;

/**
 * One attempt routed to a leased deployment. The lease is released with the attempt's outcome: at once for a
 * failure or an error status, when the body is done for a success (so that a stream counts as in flight while
 * it lasts). The latency reported is the time to the response head.
 */
final class AttemptRoute implements Route {
  /** The response header carrying the answering replica's requests in flight. */
  static final String SERVER_LOAD_HEADER = "fireworks-num-concurrent-requests";

  private final Lease lease;
  private final Endpoint endpoint;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private volatile Outcome outcome = Outcome.CANCELLED;
  private volatile Duration latency = Duration.ZERO;

  AttemptRoute(Lease lease, Endpoint endpoint, LongSupplier nanoClock) {
    this.lease = lease;
    this.endpoint = endpoint;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
  }

  @Override
  public Endpoint endpoint() {
    return endpoint;
  }

  @Override
  public String model() {
    return lease.key();
  }

  @Override
  public String target() {
    return lease.key();
  }

  @Override
  public void onResponse(int status, Headers headers) {
    latency = elapsed();
    headers.first(SERVER_LOAD_HEADER).ifPresent(this::reportServerLoad);
    outcome = outcomeOf(status);
    if (status < 200 || status > 299) {
      lease.release(outcome, latency);
    }
  }

  @Override
  public void onFailure(Throwable failure) {
    lease.release(outcomeOf(failure), elapsed());
  }

  @Override
  public void onComplete() {
    lease.release(outcome, latency);
  }

  /**
   * The health outcome of a status: 2xx success; 429 and 503 overload; other 5xx failure; any other status
   * (a client error such as 400 or 404) success, as it says nothing bad about the deployment.
   */
  static Outcome outcomeOf(int status) {
    if (status == 429 || status == 503) {
      return Outcome.OVERLOADED;
    }
    return status >= 500 && status <= 599 ? Outcome.FAILURE : Outcome.SUCCESS;
  }

  /**
   * The health outcome of an attempt that got no response: failure for connection failures and timeouts;
   * anything else (cancellation, interruption, a problem on the client side) says nothing about the deployment.
   */
  static Outcome outcomeOf(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    boolean deploymentFailed = cause instanceof ConnectionException || cause instanceof FireworksTimeoutException
        || cause instanceof IOException || cause instanceof UncheckedIOException;
    return deploymentFailed ? Outcome.FAILURE : Outcome.CANCELLED;
  }

  private void reportServerLoad(String value) {
    try {
      int load = Integer.parseInt(value.strip());
      if (load >= 0) {
        lease.reportServerLoad(load);
      }
    } catch (NumberFormatException e) {
      // a malformed header carries no load information
    }
  }

  private Duration elapsed() {
    return Duration.ofNanos(Math.max(0, nanoClock.getAsLong() - startNanos));
  }

  @Override
  public String toString() {
    return "Route{" + lease.key() + " at " + endpoint + "}";
  }
}
