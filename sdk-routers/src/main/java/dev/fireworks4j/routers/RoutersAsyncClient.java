package dev.fireworks4j.routers;

import dev.fireworks4j.core.RequestOptions;
import dev.fireworks4j.core.error.InvalidResponseException;
import dev.fireworks4j.core.http.ApiResponse;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.core.paging.Page;
import dev.fireworks4j.routers.model.Router;
import dev.fireworks4j.routers.model.RouterCreateParams;
import dev.fireworks4j.routers.model.RouterListParams;
import dev.fireworks4j.routers.model.RouterUpdateParams;
import dev.fireworks4j.routers.wait.WaitOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The non-blocking variant of {@link RoutersClient}: the same calls with the same checks, each returning a
 * {@link CompletableFuture}. Client-side validation failures complete the future exceptionally.
 */
public final class RoutersAsyncClient {
  private final RouterCalls calls;

  /** A client sending its calls through {@code invoker}. */
  public RoutersAsyncClient(ApiInvoker invoker) {
    this(new RouterCalls(Objects.requireNonNull(invoker, "invoker"), RequestOptions.none()));
  }

  RoutersAsyncClient(RouterCalls calls) {
    this.calls = calls;
  }

  /** This client with per-call overrides of timeouts, retries and headers. */
  public RoutersAsyncClient withOptions(RequestOptions options) {
    return new RoutersAsyncClient(new RouterCalls(calls.invoker(), Objects.requireNonNull(options, "options")));
  }

  /** Creates a router; see {@link RoutersClient#create}. */
  public CompletableFuture<Router> create(RouterCreateParams params) {
    return Futures.start(() -> {
      Objects.requireNonNull(params, "params");
      if (params.routerId().isEmpty()) {
        return calls.invoker().executeAsync(calls.create(params, calls.options()), Router.class);
      }
      RouterName name = calls.name(params.routerId().get());
      return new ExplicitIdCreate<>(calls.invoker(), calls.options(), o -> calls.create(params, o), Router.class)
          .runAsync(() -> fetch(name));
    }).thenApply(ApiResponse::value);
  }

  /** Fetches a router by short id or full name. */
  public CompletableFuture<Router> get(String idOrName) {
    return Futures.start(() -> fetch(calls.name(idOrName))).thenApply(ApiResponse::value);
  }

  /** Fetches one page of routers; {@code pageToken} is null for the first page. */
  public CompletableFuture<Page<Router>> listPage(RouterListParams params, String pageToken) {
    return Futures.start(() -> calls.invoker().executeAsync(calls.list(params, pageToken),
            RouterCalls.ListRoutersResponse.class))
        .thenApply(response -> RouterCalls.page(response.value()));
  }

  /** Every router matching {@code params}, all pages fetched one after another. */
  public CompletableFuture<List<Router>> listAll(RouterListParams params) {
    return collect(params, null, new ArrayList<>());
  }

  /** Changes the fields set in {@code params}; see {@link RoutersClient#update}. */
  public CompletableFuture<Router> update(String idOrName, RouterUpdateParams params) {
    return Futures.start(() -> {
      Objects.requireNonNull(params, "params");
      RouterName name = calls.name(idOrName);
      return fetch(name)
          .thenApply(current -> RouterCalls.requireChangeable(current.value(), name, "updated"))
          .thenCompose(ignored -> calls.invoker().executeAsync(calls.update(name, params), Router.class));
    }).thenApply(ApiResponse::value);
  }

  /** Deletes a router; see {@link RoutersClient#delete}. */
  public CompletableFuture<Void> delete(String idOrName) {
    return Futures.start(() -> {
      RouterName name = calls.name(idOrName);
      return fetch(name)
          .thenApply(current -> RouterCalls.requireChangeable(current.value(), name, "deleted"))
          .thenCompose(ignored -> calls.invoker().executeAsync(calls.delete(name), Void.class));
    }).thenApply(ApiResponse::value);
  }

  /** Polls until the router is {@code READY}; see {@link RoutersClient#awaitReady(String, Duration)}. */
  public CompletableFuture<Router> awaitReady(String idOrName, Duration timeout) {
    return awaitReady(idOrName, WaitOptions.timeout(timeout));
  }

  /** Like {@link #awaitReady(String, Duration)} with full control of the polling; cancelling stops it. */
  public CompletableFuture<Router> awaitReady(String idOrName, WaitOptions options) {
    return Futures.start(() -> {
      RouterName name = calls.name(idOrName);
      return RouterCalls.readyWaiter(name, options).awaitAsync(() -> fetch(name).thenApply(ApiResponse::value));
    });
  }

  private CompletableFuture<ApiResponse<Router>> fetch(RouterName name) {
    return calls.invoker().executeAsync(calls.get(name), Router.class);
  }

  private CompletableFuture<List<Router>> collect(RouterListParams params, String token, List<Router> into) {
    return listPage(params, token).thenCompose(page -> {
      into.addAll(page.items());
      if (!page.hasNextPage()) {
        return CompletableFuture.completedFuture(List.copyOf(into));
      }
      String next = page.nextPageToken().orElseThrow();
      if (next.equals(token)) {
        throw new InvalidResponseException("the server returned the same page token twice: " + next, 200, null, null);
      }
      return collect(params, next, into);
    });
  }
}
