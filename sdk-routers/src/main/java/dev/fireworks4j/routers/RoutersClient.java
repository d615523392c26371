package dev.fireworks4j.routers;

import dev.fireworks4j.core.RequestOptions;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.core.paging.PagedIterable;
import dev.fireworks4j.routers.model.Router;
import dev.fireworks4j.routers.model.RouterCreateParams;
import dev.fireworks4j.routers.model.RouterListParams;
import dev.fireworks4j.routers.model.RouterUpdateParams;
import dev.fireworks4j.routers.wait.WaitOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Creates, reads, lists, changes and deletes routers, and waits for them to become ready, as the Fireworks
 * router guide and {@code firectl router} do. Routers are named by short id (in the client's account) or
 * by full name {@code accounts/{account}/routers/{id}}; deployments likewise.
 *
 * <p>Thread-safe. {@link #async()} gives the non-blocking variant, {@link #withRawResponse()} the calls
 * with status and headers, {@link #withOptions(RequestOptions)} per-call timeouts, retries and headers.
 */
public final class RoutersClient {
  private final RouterCalls calls;
  private final RawRoutersClient raw;

  /** A client sending its calls through {@code invoker}. */
  public RoutersClient(ApiInvoker invoker) {
    this(new RouterCalls(Objects.requireNonNull(invoker, "invoker"), RequestOptions.none()));
  }

  private RoutersClient(RouterCalls calls) {
    this.calls = calls;
    this.raw = new RawRoutersClient(calls);
  }

  /** This client with per-call overrides of timeouts, retries and headers. */
  public RoutersClient withOptions(RequestOptions options) {
    return new RoutersClient(new RouterCalls(calls.invoker(), Objects.requireNonNull(options, "options")));
  }

  /** The non-blocking variant, sharing this client's transport and options. */
  public RoutersAsyncClient async() {
    return new RoutersAsyncClient(calls);
  }

  /** The same calls returning status and headers with the parsed body. */
  public RawRoutersClient withRawResponse() {
    return raw;
  }

  /**
   * Creates a router over at least one deployment, given as short ids or full names (sent as full names).
   * With a {@code routerId} the create is retried like any idempotent call, and a 409 after an attempt that
   * may have succeeded returns the router that attempt created; without one it is never repeated. The new
   * router is usually {@code CREATING}: see {@link #awaitReady(String, Duration)}.
   */
  public Router create(RouterCreateParams params) {
    return raw.create(params).value();
  }

  /** Fetches a router by short id or full name. */
  public Router get(String idOrName) {
    return raw.get(idOrName).value();
  }

  /** Every router of the account, fetched page by page as iteration proceeds. */
  public PagedIterable<Router> list() {
    return list(RouterListParams.none());
  }

  /** The routers matching {@code params}, fetched page by page; {@code totalSize()} gives the server's count. */
  public PagedIterable<Router> list(RouterListParams params) {
    Objects.requireNonNull(params, "params");
    return new PagedIterable<>(token -> raw.listPage(params, token).value());
  }

  /**
   * Changes the fields set in {@code params} and returns the updated router. The body holds the router's
   * name and only those fields. A router the system generated for a deployment is refused with a
   * {@link dev.fireworks4j.core.error.ValidationException} before anything is changed.
   */
  public Router update(String idOrName, RouterUpdateParams params) {
    return raw.update(idOrName, params).value();
  }

  /**
   * Deletes a router; traffic sent to its name fails from then on. A router the system generated for a
   * deployment is refused with a {@link dev.fireworks4j.core.error.ValidationException}.
   */
  public void delete(String idOrName) {
    raw.delete(idOrName);
  }

  /**
   * Polls the router until it is {@code READY} and returns it; a router that is being deleted ends the wait
   * with a {@link dev.fireworks4j.routers.wait.TerminalStateException}, and a router not ready in time with
   * a {@link dev.fireworks4j.core.error.FireworksTimeoutException}.
   */
  public Router awaitReady(String idOrName, Duration timeout) {
    return awaitReady(idOrName, WaitOptions.timeout(timeout));
  }

  /** Like {@link #awaitReady(String, Duration)} with full control of the polling. */
  public Router awaitReady(String idOrName, WaitOptions options) {
    RouterName name = calls.name(idOrName);
    return RouterCalls.readyWaiter(name, options).await(() -> get(name.toString()));
  }
}
