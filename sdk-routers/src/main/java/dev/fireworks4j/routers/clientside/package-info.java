/**
 * Client-side routing: {@link dev.fireworks4j.routers.clientside.ClientSideRouter} routes the inference requests
 * for a router alias across the router's deployments on the client (through the gateway with the chosen
 * deployment's name, or to its direct route), with weighted random, even-load or sticky picks, passive ejection
 * of failing deployments, retries on another deployment, a periodically refreshed topology
 * ({@link dev.fireworks4j.routers.clientside.TopologySource}) and per-deployment counters.
 */
package dev.fireworks4j.routers.clientside;
