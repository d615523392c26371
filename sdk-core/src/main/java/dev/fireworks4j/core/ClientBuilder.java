package dev.fireworks4j.core;

import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.EndpointResolver;
import dev.fireworks4j.core.endpoint.Endpoints;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The settings every fireworks4j client builder shares: the common ones have methods here, the rest
 * {@link #options(Consumer)}. Starts from the defaults, not from the environment: call {@link #fromEnv()}.
 *
 * @param <B> the concrete builder, returned by every setter
 * @param <C> the client it builds
 */
public abstract class ClientBuilder<B extends ClientBuilder<B, C>, C> {
  private final ClientOptions.Builder options = ClientOptions.builder();

  /** A builder starting from the default options. */
  protected ClientBuilder() {}

  /** Applies the {@code FIREWORKS_*} environment variables that are set. */
  public B fromEnv() {
    options.fromEnv(System.getenv());
    return self();
  }

  /** The API key. */
  public B apiKey(String apiKey) {
    options.apiKey(apiKey);
    return self();
  }

  /** The API key. */
  public B apiKey(ApiKey apiKey) {
    options.apiKey(apiKey);
    return self();
  }

  /** The default account, for short resource ids. */
  public B accountId(String accountId) {
    options.accountId(accountId);
    return self();
  }

  /** Where requests go: {@link Endpoints#api()} (default), {@code aws()}, {@code gcp()}, a custom URL or resolver. */
  public B endpoints(EndpointResolver endpoints) {
    options.endpoints(endpoints);
    return self();
  }

  /** Where requests go, as {@code api}, {@code aws}, {@code gcp} or a base URL (see {@link Endpoints#parse}). */
  public B baseUrl(String endpoint) {
    options.endpoints(Endpoints.parse(endpoint));
    return self();
  }

  /** The timeout of one attempt. */
  public B timeout(Duration timeout) {
    options.timeout(timeout);
    return self();
  }

  /** The longest silence a stream may have before it fails. */
  public B streamIdleTimeout(Duration streamIdleTimeout) {
    options.streamIdleTimeout(streamIdleTimeout);
    return self();
  }

  /** How many times a failed call is retried. */
  public B maxRetries(int maxRetries) {
    options.maxRetries(maxRetries);
    return self();
  }

  /** A header sent with every request. */
  public B header(String name, String value) {
    options.header(name, value);
    return self();
  }

  /** Any other client option. */
  public B options(Consumer<ClientOptions.Builder> change) {
    change.accept(options);
    return self();
  }

  /** The client. */
  public C build() {
    return build(options.build());
  }

  /** The client with these options. */
  protected abstract C build(ClientOptions options);

  @SuppressWarnings("unchecked") // B is this builder's own class, as the type bound says
  private B self() {
    return (B) this;
  }
}
