package dev.fireworks4j.routers;

import dev.fireworks4j.core.BaseClient;
import dev.fireworks4j.core.ClientBuilder;
import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.internal.ApiInvoker;
import java.util.Objects;

/**
 * The control-plane client: routers and deployments, without inference. {@link RoutersClient#async()} and
 * {@link DeploymentsClient#async()} give their non-blocking variants. Thread-safe; build one per application
 * and {@link #close()} it at the end. The {@code fireworks4j} artifact's {@code Fireworks} client adds inference
 * on the same transport.
 *
 * <pre>{@code
 * try (ControlPlaneClient client = ControlPlaneClient.fromEnv()) {   // FIREWORKS_API_KEY, FIREWORKS_ACCOUNT_ID
 *   client.routers().list().forEach(router -> System.out.println(router.name()));
 * }
 * }</pre>
 */
public final class ControlPlaneClient extends BaseClient<ControlPlaneClient> {
  private final RoutersClient routers;
  private final DeploymentsClient deployments;

  private ControlPlaneClient(ApiInvoker invoker) {
    super(invoker);
    this.routers = new RoutersClient(invoker);
    this.deployments = new DeploymentsClient(invoker);
  }

  /** A client configured from the {@code FIREWORKS_*} environment variables. */
  public static ControlPlaneClient fromEnv() {
    return create(ClientOptions.fromEnv());
  }

  /** A client with these options. */
  public static ControlPlaneClient create(ClientOptions options) {
    return new ControlPlaneClient(ApiInvoker.create(Objects.requireNonNull(options, "options")));
  }

  /** A builder, starting from the defaults (not from the environment: call {@link Builder#fromEnv()} for that). */
  public static Builder builder() {
    return new Builder();
  }

  /** Routers: create, list, get, update, delete, wait until ready. */
  public RoutersClient routers() {
    return routers;
  }

  /** Deployments: create, list, get, update, scale, delete, undelete, wait. */
  public DeploymentsClient deployments() {
    return deployments;
  }

  @Override
  protected ControlPlaneClient withInvoker(ApiInvoker invoker) {
    return new ControlPlaneClient(invoker);
  }

  /** Builds a {@link ControlPlaneClient}; the common settings have methods here, the rest {@code options(...)}. */
  public static final class Builder extends ClientBuilder<Builder, ControlPlaneClient> {
    private Builder() {}

    @Override
    protected ControlPlaneClient build(ClientOptions options) {
      return create(options);
    }
  }
}
