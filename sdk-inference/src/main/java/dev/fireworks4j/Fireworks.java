package dev.fireworks4j;

import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.EndpointResolver;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.inference.chat.ChatClient;
import dev.fireworks4j.inference.completions.CompletionsClient;
import dev.fireworks4j.routers.DeploymentsClient;
import dev.fireworks4j.routers.RoutersClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The Fireworks client: routers and deployments on the control plane, chat completions and completions on
 * the inference API, over one transport (one {@code java.net.http.HttpClient}, built on first use).
 * Thread-safe; build one per application and {@link #close()} it at the end.
 *
 * <pre>{@code
 * try (Fireworks fw = Fireworks.fromEnv()) {   // FIREWORKS_API_KEY, FIREWORKS_ACCOUNT_ID, FIREWORKS_BASE_URL
 *   ChatCompletion completion = fw.chat().completions().create(ChatCompletionParams.builder()
 *       .model(RouterName.of(fw.accountId(), "my-router"))
 *       .addUserMessage("Hello")
 *       .build());
 * }
 * }</pre>
 */
public final class Fireworks implements AutoCloseable {
  private final ApiInvoker invoker;
  private final RoutersClient routers;
  private final DeploymentsClient deployments;
  private final ChatClient chat;
  private final CompletionsClient completions;
  private FireworksAsync async;

  private Fireworks(ApiInvoker invoker) {
    this.invoker = invoker;
    this.routers = new RoutersClient(invoker);
    this.deployments = new DeploymentsClient(invoker);
    this.chat = new ChatClient(invoker);
    this.completions = new CompletionsClient(invoker);
  }

  /** A client configured from the {@code FIREWORKS_*} environment variables. */
  public static Fireworks fromEnv() {
    return create(ClientOptions.fromEnv());
  }

  /** A client with these options. */
  public static Fireworks create(ClientOptions options) {
    return new Fireworks(ApiInvoker.create(Objects.requireNonNull(options, "options")));
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

  /** Chat completions, at {@code chat().completions()}. */
  public ChatClient chat() {
    return chat;
  }

  /** Text completions. */
  public CompletionsClient completions() {
    return completions;
  }

  /** The non-blocking twin of this client, on the same transport. */
  public FireworksAsync async() {
    FireworksAsync view = async;
    if (view == null) {
      view = new FireworksAsync(this, invoker); // immutable: a racing thread at worst builds an equal one
      async = view;
    }
    return view;
  }

  /** The options this client was built with. */
  public ClientOptions options() {
    return invoker.options();
  }

  /** The configured account id, or a {@code ConfigurationException} naming {@code FIREWORKS_ACCOUNT_ID}. */
  public String accountId() {
    return invoker.options().requireAccountId();
  }

  /**
   * A client with changed options that shares this one's transport, such as one with another endpoint,
   * API key, retry policy or idle timeout. Settings of the transport itself (HTTP client, executor,
   * connect timeout) stay those of this client. Closing the derived client leaves the transport open.
   */
  public Fireworks withOptions(Consumer<ClientOptions.Builder> change) {
    ClientOptions.Builder options = invoker.options().toBuilder();
    change.accept(options);
    return new Fireworks(invoker.withOptions(options.build()));
  }

  /** Releases the transport if this client owns it; later calls fail. */
  @Override
  public void close() {
    invoker.close();
  }

  @Override
  public String toString() {
    return "Fireworks{" + invoker.options() + "}";
  }

  /** Builds a {@link Fireworks} client; the common settings have methods here, the rest {@link #options(Consumer)}. */
  public static final class Builder {
    private final ClientOptions.Builder options = ClientOptions.builder();

    private Builder() {}

    /** Applies the {@code FIREWORKS_*} environment variables that are set. */
    public Builder fromEnv() {
      options.fromEnv(System.getenv());
      return this;
    }

    /** The API key. */
    public Builder apiKey(String apiKey) {
      options.apiKey(apiKey);
      return this;
    }

    /** The API key. */
    public Builder apiKey(ApiKey apiKey) {
      options.apiKey(apiKey);
      return this;
    }

    /** The default account, for short resource ids. */
    public Builder accountId(String accountId) {
      options.accountId(accountId);
      return this;
    }

    /** Where requests go: {@link Endpoints#api()} (default), {@code aws()}, {@code gcp()}, a custom URL or resolver. */
    public Builder endpoints(EndpointResolver endpoints) {
      options.endpoints(endpoints);
      return this;
    }

    /** Where requests go, as {@code api}, {@code aws}, {@code gcp} or a base URL (see {@link Endpoints#parse}). */
    public Builder baseUrl(String endpoint) {
      options.endpoints(Endpoints.parse(endpoint));
      return this;
    }

    /** The timeout of one attempt. */
    public Builder timeout(Duration timeout) {
      options.timeout(timeout);
      return this;
    }

    /** The longest silence a stream may have before it fails. */
    public Builder streamIdleTimeout(Duration streamIdleTimeout) {
      options.streamIdleTimeout(streamIdleTimeout);
      return this;
    }

    /** How many times a failed call is retried. */
    public Builder maxRetries(int maxRetries) {
      options.maxRetries(maxRetries);
      return this;
    }

    /** A header sent with every request. */
    public Builder header(String name, String value) {
      options.header(name, value);
      return this;
    }

    /** Any other client option. */
    public Builder options(Consumer<ClientOptions.Builder> change) {
      change.accept(options);
      return this;
    }

    /** The client. */
    public Fireworks build() {
      return create(options.build());
    }
  }
}
