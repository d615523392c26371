package dev.fireworks4j.routers;

import dev.fireworks4j.core.RequestOptions;
import dev.fireworks4j.core.error.InvalidResponseException;
import dev.fireworks4j.core.error.NotFoundException;
import dev.fireworks4j.core.http.ApiResponse;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.core.name.DeploymentName;
import dev.fireworks4j.core.paging.Page;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.DeploymentCreateParams;
import dev.fireworks4j.routers.model.DeploymentDeleteParams;
import dev.fireworks4j.routers.model.DeploymentListParams;
import dev.fireworks4j.routers.model.DeploymentUpdateParams;
import dev.fireworks4j.routers.wait.WaitOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The non-blocking variant of {@link DeploymentsClient}: the same calls with the same checks, each
 * returning a {@link CompletableFuture}. Client-side validation failures complete the future exceptionally.
 */
public final class DeploymentsAsyncClient {
  private final DeploymentCalls calls;

  /** A client sending its calls through {@code invoker}. */
  public DeploymentsAsyncClient(ApiInvoker invoker) {
    this(new DeploymentCalls(Objects.requireNonNull(invoker, "invoker"), RequestOptions.none()));
  }

  DeploymentsAsyncClient(DeploymentCalls calls) {
    this.calls = calls;
  }

  /** This client with per-call overrides of timeouts, retries and headers. */
  public DeploymentsAsyncClient withOptions(RequestOptions options) {
    return new DeploymentsAsyncClient(
        new DeploymentCalls(calls.invoker(), Objects.requireNonNull(options, "options")));
  }

  /** Creates a deployment; see {@link DeploymentsClient#create}. */
  public CompletableFuture<Deployment> create(DeploymentCreateParams params) {
    return Futures.start(() -> {
      Objects.requireNonNull(params, "params");
      if (!DeploymentCalls.hasExplicitId(params)) {
        return calls.invoker().executeAsync(calls.create(params, calls.options()), Deployment.class);
      }
      DeploymentName name = calls.name(params.deploymentId().get());
      return new ExplicitIdCreate<>(calls.invoker(), calls.options(), o -> calls.create(params, o),
          Deployment.class).runAsync(() -> fetch(name));
    }).thenApply(ApiResponse::value);
  }

  /** Fetches a deployment by short id or full name. */
  public CompletableFuture<Deployment> get(String idOrName) {
    return Futures.start(() -> fetch(calls.name(idOrName))).thenApply(ApiResponse::value);
  }

  /** Fetches one page of deployments; {@code pageToken} is null for the first page. */
  public CompletableFuture<Page<Deployment>> listPage(DeploymentListParams params, String pageToken) {
    return Futures.start(() -> calls.invoker().executeAsync(calls.list(params, pageToken),
            DeploymentCalls.ListDeploymentsResponse.class))
        .thenApply(response -> DeploymentCalls.page(response.value()));
  }

  /** Every deployment matching {@code params}, all pages fetched one after another. */
  public CompletableFuture<List<Deployment>> listAll(DeploymentListParams params) {
    return collect(params, null, new ArrayList<>());
  }

  /** Changes the fields set in {@code params}; see {@link DeploymentsClient#update}. */
  public CompletableFuture<Deployment> update(String idOrName, DeploymentUpdateParams params) {
    return Futures.start(() -> {
      Objects.requireNonNull(params, "params");
      DeploymentName name = calls.name(idOrName);
      CompletableFuture<String> baseModel = params.baseModel().isPresent()
          ? CompletableFuture.completedFuture(params.baseModel().get())
          : fetch(name).thenApply(current -> DeploymentCalls.baseModelOf(current.value(), name));
      return baseModel.thenCompose(model ->
          calls.invoker().executeAsync(calls.update(name, params, model), Deployment.class));
    }).thenApply(ApiResponse::value);
  }

  /** Sets the replica count; see {@link DeploymentsClient#scale}. */
  public CompletableFuture<Void> scale(String idOrName, int replicaCount) {
    return Futures.start(() -> calls.invoker().executeAsync(calls.scale(calls.name(idOrName), replicaCount),
        Void.class)).thenApply(ApiResponse::value);
  }

  /** Soft-deletes a deployment; see {@link DeploymentsClient#delete(String)}. */
  public CompletableFuture<Void> delete(String idOrName) {
    return delete(idOrName, DeploymentDeleteParams.soft());
  }

  /** Deletes a deployment; see {@link DeploymentsClient#delete(String, DeploymentDeleteParams)}. */
  public CompletableFuture<Void> delete(String idOrName, DeploymentDeleteParams params) {
    return Futures.start(() -> calls.invoker().executeAsync(
        calls.delete(calls.name(idOrName), Objects.requireNonNull(params, "params")), Void.class))
        .thenApply(ApiResponse::value);
  }

  /** Restores a soft-deleted or failed deployment; see {@link DeploymentsClient#undelete}. */
  public CompletableFuture<Deployment> undelete(String idOrName) {
    return Futures.start(() -> calls.invoker().executeAsync(calls.undelete(calls.name(idOrName)), Deployment.class))
        .thenApply(ApiResponse::value);
  }

  /** Polls until the deployment is {@code READY}; see {@link DeploymentsClient#awaitReady(String, Duration)}. */
  public CompletableFuture<Deployment> awaitReady(String idOrName, Duration timeout) {
    return awaitReady(idOrName, WaitOptions.timeout(timeout));
  }

  /** Like {@link #awaitReady(String, Duration)} with full control of the polling; cancelling stops it. */
  public CompletableFuture<Deployment> awaitReady(String idOrName, WaitOptions options) {
    return Futures.start(() -> {
      DeploymentName name = calls.name(idOrName);
      return DeploymentCalls.readyWaiter(name, options).awaitAsync(() -> fetch(name).thenApply(ApiResponse::value));
    });
  }

  /** Polls until the deployment is gone (404) or {@code DELETED}. */
  public CompletableFuture<Void> awaitDeleted(String idOrName, Duration timeout) {
    return awaitDeleted(idOrName, WaitOptions.timeout(timeout));
  }

  /** Like {@link #awaitDeleted(String, Duration)} with full control of the polling; cancelling stops it. */
  public CompletableFuture<Void> awaitDeleted(String idOrName, WaitOptions options) {
    return Futures.start(() -> {
      DeploymentName name = calls.name(idOrName);
      CompletableFuture<Optional<Deployment>> wait = DeploymentCalls.deletedWaiter(name, options)
          .awaitAsync(() -> fetch(name).handle((response, error) -> {
            if (error == null) {
              return Optional.of(response.value());
            }
            Throwable cause = Futures.unwrap(error);
            if (cause instanceof NotFoundException) {
              return Optional.<Deployment>empty();
            }
            throw new CompletionException(cause);
          }));
      return Futures.mapCancellable(wait, ignored -> null);
    });
  }

  private CompletableFuture<ApiResponse<Deployment>> fetch(DeploymentName name) {
    return calls.invoker().executeAsync(calls.get(name), Deployment.class);
  }

  private CompletableFuture<List<Deployment>> collect(DeploymentListParams params, String token,
      List<Deployment> into) {
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
