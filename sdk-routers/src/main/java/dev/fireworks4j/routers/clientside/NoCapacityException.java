package dev.fireworks4j.routers.clientside;

import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.name.RouterName;

/**
 * A {@link ClientSideRouter} could not route a request because none of the router's deployments can take it:
 * none is serving with at least one replica (or, in {@link RoutingMode#DIRECT_ROUTE}, none has a direct-route
 * handle). The message says why each deployment was left out.
 */
public class NoCapacityException extends FireworksException {
  private static final long serialVersionUID = 1L;
  private final transient RouterName router;

  NoCapacityException(RouterName router, String deployments) {
    super("no deployment of " + router + " can take requests: " + deployments);
    this.router = router;
  }

  /** The router whose requests could not be routed. */
  public RouterName router() {
    return router;
  }
}
