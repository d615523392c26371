package dev.fireworks4j.core.endpoint;

/**
 * Maps each request to the endpoint that serves it. Built-ins are in {@link Endpoints}; implement this to
 * route through a proxy, to an emulator, or across deployments on the client.
 */
@FunctionalInterface
public interface EndpointResolver {
  /**
   * The endpoint for a request on {@code plane}. {@code model} is the inference request's {@code model}
   * value, or {@code null} on the control plane.
   */
  Endpoint resolve(Plane plane, String model);
}
