package dev.fireworks4j.routers.clientside;

/** How a {@link ClientSideRouter} reaches the deployment it chose for a request. */
public enum RoutingMode {
  /**
   * Through the API gateway, with the request's {@code model} set to the chosen deployment's full name
   * ({@code accounts/<account>/deployments/<id>}) and the client's API key.
   */
  GATEWAY,
  /**
   * Straight to the chosen deployment's direct-route host ({@code https://<handle>/v1}) with its direct-route
   * key. Direct routing is deprecated by Fireworks; prefer {@link #GATEWAY}.
   */
  DIRECT_ROUTE
}
