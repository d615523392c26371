package dev.fireworks4j.core.http;

import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.endpoint.RoutingEndpointResolver;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What {@link RoutingTransport} needs to route each attempt of one call anew: the resolver, the call's plane,
 * model and path, the default credential, and the targets that failed earlier attempts of the call.
 */
public final class RoutingContext {
  private final RoutingEndpointResolver resolver;
  private final Plane plane;
  private final String model;
  private final String pathAndQuery;
  private final Supplier<ApiKey> defaultCredential;
  private final Set<String> avoid = ConcurrentHashMap.newKeySet();

  /**
   * Creates the context of one call; {@code defaultCredential} gives the key for routes that bring none, or
   * throws the client's error when no key is configured.
   */
  public RoutingContext(RoutingEndpointResolver resolver, Plane plane, String model, String pathAndQuery,
      Supplier<ApiKey> defaultCredential) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.plane = Objects.requireNonNull(plane, "plane");
    this.model = Objects.requireNonNull(model, "model");
    this.pathAndQuery = Objects.requireNonNull(pathAndQuery, "pathAndQuery");
    this.defaultCredential = Objects.requireNonNull(defaultCredential, "defaultCredential");
  }

  /** The resolver that routes each attempt. */
  public RoutingEndpointResolver resolver() {
    return resolver;
  }

  /** The call's plane. */
  public Plane plane() {
    return plane;
  }

  /** The model the caller asked for. */
  public String model() {
    return model;
  }

  /** The path and query appended to each route's base URL. */
  public String pathAndQuery() {
    return pathAndQuery;
  }

  /** The credential for routes that bring none; throws when the client has no API key. */
  public ApiKey defaultCredential() {
    return defaultCredential.get();
  }

  /** The targets of earlier failed attempts of this call (live view). */
  public Set<String> avoid() {
    return avoid;
  }
}
