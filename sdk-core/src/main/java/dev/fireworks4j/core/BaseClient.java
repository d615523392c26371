package dev.fireworks4j.core;

import dev.fireworks4j.core.internal.ApiInvoker;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What every fireworks4j client has: its options and account, derived clients on the same transport, and
 * {@link #close()}. Thread-safe; build one client per application and close it at the end.
 *
 * @param <C> the concrete client, returned by {@link #withOptions(Consumer)}
 */
public abstract class BaseClient<C extends BaseClient<C>> implements AutoCloseable {
  private final ApiInvoker invoker;

  /** A client whose resources send their calls through {@code invoker}. */
  protected BaseClient(ApiInvoker invoker) {
    this.invoker = Objects.requireNonNull(invoker, "invoker");
  }

  /** The invoker this client's resources send their calls through. */
  protected final ApiInvoker invoker() {
    return invoker;
  }

  /** A client of the same kind whose resources send their calls through {@code invoker}. */
  protected abstract C withInvoker(ApiInvoker invoker);

  /** The options this client was built with. */
  public final ClientOptions options() {
    return invoker.options();
  }

  /** The configured account id, or a {@code ConfigurationException} naming {@code FIREWORKS_ACCOUNT_ID}. */
  public final String accountId() {
    return invoker.options().requireAccountId();
  }

  /**
   * A client with changed options that shares this one's transport, such as one with another endpoint,
   * API key, retry policy or idle timeout. Settings of the transport itself (HTTP client, executor,
   * connect timeout) stay those of this client. Closing the derived client leaves the transport open.
   */
  public final C withOptions(Consumer<ClientOptions.Builder> change) {
    ClientOptions.Builder options = invoker.options().toBuilder();
    change.accept(options);
    return withInvoker(invoker.withOptions(options.build()));
  }

  /** Releases the transport if this client owns it; later calls fail. */
  @Override
  public final void close() {
    invoker.close();
  }

  /** The client's kind and options, never its API key. */
  @Override
  public final String toString() {
    return getClass().getSimpleName() + "{" + invoker.options() + "}";
  }
}
