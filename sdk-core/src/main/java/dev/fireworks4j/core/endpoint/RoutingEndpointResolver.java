package dev.fireworks4j.core.endpoint;

import java.util.Set;

/**
 * An endpoint resolver that chooses a target per attempt (a deployment, say) and wants to hear how each
 * attempt went, so that it can balance load, eject failing targets and send a retry elsewhere.
 *
 * <p>For every attempt of a call the SDK calls {@link #route} once and then exactly one of
 * {@link Route#onResponse} or {@link Route#onFailure}; for a streamed response {@link Route#onComplete}
 * follows when the stream is closed. {@link #resolve} is used where no per-attempt choice is wanted.
 */
public interface RoutingEndpointResolver extends EndpointResolver {
  /**
   * Chooses where one attempt of a call goes. {@code avoid} holds the targets of the call's earlier failed
   * attempts; a router should pick another target when it has one.
   */
  Route route(Plane plane, String model, Set<String> avoid);

  /** Where one attempt goes, and the callbacks that report its outcome. */
  interface Route {
    /** The endpoint of this attempt. */
    Endpoint endpoint();

    /** The {@code model} value to send; may differ from the caller's (a deployment instead of a router alias). */
    String model();

    /** The chosen target's key, added to the avoid set when the attempt fails. */
    String target();

    /** The attempt got a response with this status and headers (the body may still be streaming). */
    void onResponse(int status, dev.fireworks4j.core.http.Headers headers);

    /** The attempt failed without a response. */
    void onFailure(Throwable failure);

    /** The response body was read to its end or closed; called after {@link #onResponse}. */
    void onComplete();
  }
}
