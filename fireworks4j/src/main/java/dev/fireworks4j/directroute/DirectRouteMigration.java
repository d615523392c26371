package dev.fireworks4j.directroute;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.EndpointResolver;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.error.ConfigurationException;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.completions.CompletionParams;
import dev.fireworks4j.routers.model.Deployment;
import java.net.URI;
import java.util.Objects;

/**
 * The move from a direct route to the API gateway: given the direct-route configuration (its URL or
 * {@link Deployment}, and its key), the gateway configuration that replaces it, which is the chosen cloud
 * endpoint's inference base URL, the Fireworks API key instead of the direct-route key, and as the model
 * the deployment's full name (or a router alias over it). {@link #report()} says what changed;
 * {@link #verify} sends one request both ways and compares the answers.
 *
 * <pre>{@code
 * DirectRouteMigration migration = DirectRouteMigration.builder()
 *     .directRouteUrl("https://my-account-abcd1234.us-arizona-1.direct.fireworks.ai/v1")
 *     .directRouteKey(directKey)
 *     .gateway(Endpoints.aws())
 *     .build();
 * System.out.println(migration.report());
 * Fireworks gateway = Fireworks.create(migration.applyTo(ClientOptions.fromEnv()));
 * gateway.chat().completions().create(migration.rewrite(params));
 * }</pre>
 */
public final class DirectRouteMigration {
  private final DirectRouteHandle source;
  private final ApiKey directRouteKey;
  private final EndpointResolver gateway;
  private final ApiKey apiKey;
  private final RouterName router;

  private DirectRouteMigration(Builder b) {
    if (b.source == null) {
      throw new ValidationException("directRoute", "set the direct route: directRouteUrl(...), handle(...) or deployment(...)");
    }
    this.source = b.source;
    this.directRouteKey = b.directRouteKey;
    this.gateway = b.gateway;
    this.apiKey = b.apiKey;
    this.router = b.router;
  }

  /** A builder; the gateway defaults to {@link Endpoints#api()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The direct route being replaced. */
  public DirectRouteHandle source() {
    return source;
  }

  /** The model to send through the gateway: the router alias if one was given, else the deployment's full name. */
  public String model() {
    return router != null ? router.toString() : source.deployment().toString();
  }

  /** The gateway's inference base URL, such as {@code https://api.fireworks.ai/inference/v1}. */
  public URI gatewayBaseUri() {
    return gateway.resolve(Plane.INFERENCE, model()).baseUri();
  }

  /** The gateway endpoints. */
  public EndpointResolver gatewayEndpoints() {
    return gateway;
  }

  /** {@code options} moved to the gateway: its endpoints, and the Fireworks API key if one was given here. */
  public ClientOptions applyTo(ClientOptions options) {
    ClientOptions.Builder migrated = options.toBuilder().endpoints(gateway);
    if (apiKey != null) {
      migrated.apiKey(apiKey);
    }
    return migrated.build();
  }

  /** {@code params} with the gateway model. */
  public ChatCompletionParams rewrite(ChatCompletionParams params) {
    return params.toBuilder().model(model()).build();
  }

  /** {@code params} with the gateway model. */
  public CompletionParams rewrite(CompletionParams params) {
    return params.toBuilder().model(model()).build();
  }

  /** What changes, line by line, for a person to read. Keys are named, never shown. */
  public String report() {
    String modelNote = router != null ? "router alias over the deployment" : "the deployment's full name";
    return "Direct-route migration of " + source.deployment() + " (region " + source.region() + ")\n"
        + "  base URL: " + source.baseUri() + "\n"
        + "         -> " + gatewayBaseUri() + "\n"
        + "  API key:  the direct-route key -> the Fireworks API key"
        + (apiKey != null ? " given to the migration" : " of the client (FIREWORKS_API_KEY)") + "\n"
        + "  model:    any (the direct route serves only this deployment)\n"
        + "         -> " + model() + " (" + modelNote + ")\n"
        + "  paths:    unchanged (/chat/completions, /completions)\n"
        + "  gained:   the gateway's retries of transient errors and multi-region failover\n";
  }

  /**
   * Sends {@code request} to the direct route (with the direct-route key, model as given) and through the
   * gateway (with the API key and {@link #model()}), using {@code client}'s transport, and compares the
   * two answers' statuses and models. Failures are recorded in the result, not thrown.
   *
   * @throws ConfigurationException when no direct-route key is known
   */
  @SuppressWarnings("deprecation") // the direct route is called on purpose, to compare it with the gateway
  public MigrationCheck verify(Fireworks client, ChatCompletionParams request) {
    if (directRouteKey == null) {
      throw new ConfigurationException("verifying a direct-route migration needs the direct-route key: "
          + "set DirectRouteMigration.Builder.directRouteKey(...)");
    }
    return verify(client, request, source.endpoints(directRouteKey));
  }

  /**
   * Like {@link #verify(Fireworks, ChatCompletionParams)}, with the direct route reached through
   * {@code directRoute} (which carries its own credential): for a proxy, or an emulator that serves the
   * handle at a local address.
   */
  public MigrationCheck verify(Fireworks client, ChatCompletionParams request, EndpointResolver directRoute) {
    Fireworks direct = client.withOptions(options -> options.endpoints(directRoute));
    Fireworks viaGateway = client.withOptions(options -> {
      options.endpoints(gateway);
      if (apiKey != null) {
        options.apiKey(apiKey);
      }
    });
    MigrationCheck.Outcome before = MigrationCheck.Outcome.of(() -> direct.chat().completions().withRawResponse()
        .create(request));
    MigrationCheck.Outcome after = MigrationCheck.Outcome.of(() -> viaGateway.chat().completions().withRawResponse()
        .create(rewrite(request)));
    return new MigrationCheck(before, after);
  }

  @Override
  public String toString() {
    return "DirectRouteMigration{" + source + " -> " + gatewayBaseUri() + ", model=" + model() + "}";
  }

  /** Builds a {@link DirectRouteMigration}. */
  public static final class Builder {
    private DirectRouteHandle source;
    private ApiKey directRouteKey;
    private EndpointResolver gateway = Endpoints.api();
    private ApiKey apiKey;
    private RouterName router;

    private Builder() {}

    /** The direct route by URL, {@code https://<handle>[/v1]}. */
    public Builder directRouteUrl(String url) {
      this.source = DirectRouteHandle.parse(url);
      return this;
    }

    /** The direct route by handle. */
    public Builder handle(DirectRouteHandle handle) {
      this.source = Objects.requireNonNull(handle, "handle");
      return this;
    }

    /** The direct route of a deployment, and its first direct-route key if the deployment lists any. */
    public Builder deployment(Deployment deployment) {
      this.source = DirectRouteHandle.from(deployment);
      if (directRouteKey == null && !deployment.directRouteApiKeys().isEmpty()) {
        this.directRouteKey = ApiKey.of(deployment.directRouteApiKeys().get(0));
      }
      return this;
    }

    /** The key the direct route accepts; needed only by {@link DirectRouteMigration#verify}. */
    public Builder directRouteKey(ApiKey directRouteKey) {
      this.directRouteKey = Objects.requireNonNull(directRouteKey, "directRouteKey");
      return this;
    }

    /** The gateway: {@link Endpoints#api()} (default), {@code aws()}, {@code gcp()}, a custom base or the emulator. */
    public Builder gateway(EndpointResolver gateway) {
      this.gateway = Objects.requireNonNull(gateway, "gateway");
      return this;
    }

    /** The gateway as {@code api}, {@code aws}, {@code gcp} or a base URL. */
    public Builder gateway(String endpoint) {
      return gateway(Endpoints.parse(endpoint));
    }

    /** The Fireworks API key to use on the gateway; without it the client's key is kept. */
    public Builder apiKey(ApiKey apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      return this;
    }

    /** Send through this router (an alias over the deployment) instead of naming the deployment. */
    public Builder routerAlias(RouterName router) {
      this.router = Objects.requireNonNull(router, "router");
      return this;
    }

    /** The migration. */
    public DirectRouteMigration build() {
      return new DirectRouteMigration(this);
    }
  }
}
