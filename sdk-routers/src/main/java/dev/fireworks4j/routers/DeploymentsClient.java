package dev.fireworks4j.routers;

import dev.fireworks4j.core.RequestOptions;
import dev.fireworks4j.core.error.NotFoundException;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.core.name.DeploymentName;
import dev.fireworks4j.core.paging.PagedIterable;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.DeploymentCreateParams;
import dev.fireworks4j.routers.model.DeploymentDeleteParams;
import dev.fireworks4j.routers.model.DeploymentListParams;
import dev.fireworks4j.routers.model.DeploymentUpdateParams;
import dev.fireworks4j.routers.wait.WaitOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates, reads, lists, changes, scales, deletes and restores deployments, and waits for them to become
 * ready or deleted, as {@code firectl deployment} does. Deployments are named by short id (in the client's
 * account) or by full name {@code accounts/{account}/deployments/{id}}.
 *
 * <p>Thread-safe. {@link #async()} gives the non-blocking variant, {@link #withRawResponse()} the calls
 * with status and headers, {@link #withOptions(RequestOptions)} per-call timeouts, retries and headers.
 */
public final class DeploymentsClient {
  private final DeploymentCalls calls;
  private final RawDeploymentsClient raw;

  /** A client sending its calls through {@code invoker}. */
  public DeploymentsClient(ApiInvoker invoker) {
    this(new DeploymentCalls(Objects.requireNonNull(invoker, "invoker"), RequestOptions.none()));
  }

  private DeploymentsClient(DeploymentCalls calls) {
    this.calls = calls;
    this.raw = new RawDeploymentsClient(calls);
  }

  /** This client with per-call overrides of timeouts, retries and headers. */
  public DeploymentsClient withOptions(RequestOptions options) {
    return new DeploymentsClient(new DeploymentCalls(calls.invoker(), Objects.requireNonNull(options, "options")));
  }

  /** The non-blocking variant, sharing this client's transport and options. */
  public DeploymentsAsyncClient async() {
    return new DeploymentsAsyncClient(calls);
  }

  /** The same calls returning status and headers with the parsed body. */
  public RawDeploymentsClient withRawResponse() {
    return raw;
  }

  /**
   * Creates a deployment of {@code params.baseModel()}. With a {@code deploymentId} the create is retried like
   * any idempotent call, and a 409 after an attempt that may have succeeded returns the deployment that
   * attempt created; without one it is never repeated. The new deployment is usually {@code CREATING}: see
   * {@link #awaitReady(String, Duration)}.
   */
  public Deployment create(DeploymentCreateParams params) {
    return raw.create(params).value();
  }

  /** Fetches a deployment by short id or full name. */
  public Deployment get(String idOrName) {
    return raw.get(idOrName).value();
  }

  /** Every live deployment of the account, fetched page by page as iteration proceeds. */
  public PagedIterable<Deployment> list() {
    return list(DeploymentListParams.none());
  }

  /** The deployments matching {@code params}, fetched page by page; {@code totalSize()} gives the server's count. */
  public PagedIterable<Deployment> list(DeploymentListParams params) {
    Objects.requireNonNull(params, "params");
    return new PagedIterable<>(token -> raw.listPage(params, token).value());
  }

  /**
   * Changes the fields set in {@code params} and returns the updated deployment. The body holds the name, the
   * base model (fetched first when {@code params} does not change it, since the server requires it) and the
   * fields set; the {@code updateMask} names exactly those fields, so the others are left alone.
   */
  public Deployment update(String idOrName, DeploymentUpdateParams params) {
    return raw.update(idOrName, params).value();
  }

  /** Sets the replica count, from 0 up; routers shift traffic in proportion to replica counts. */
  public void scale(String idOrName, int replicaCount) {
    raw.scale(idOrName, replicaCount);
  }

  /** Soft-deletes a deployment: it becomes {@code DELETED} and can be undeleted until it is purged. */
  public void delete(String idOrName) {
    delete(idOrName, DeploymentDeleteParams.soft());
  }

  /** Deletes a deployment, hard or soft, optionally even while it is in use. */
  public void delete(String idOrName, DeploymentDeleteParams params) {
    raw.delete(idOrName, params);
  }

  /** Restores a {@code DELETED} or {@code FAILED} deployment and returns it. */
  public Deployment undelete(String idOrName) {
    return raw.undelete(idOrName).value();
  }

  /**
   * Polls the deployment until it is {@code READY} and returns it. {@code FAILED}, {@code DELETING} and
   * {@code DELETED} end the wait with a {@link dev.fireworks4j.routers.wait.TerminalStateException} carrying
   * the server's status; a deployment not ready in time ends it with a
   * {@link dev.fireworks4j.core.error.FireworksTimeoutException}.
   */
  public Deployment awaitReady(String idOrName, Duration timeout) {
    return awaitReady(idOrName, WaitOptions.timeout(timeout));
  }

  /** Like {@link #awaitReady(String, Duration)} with full control of the polling. */
  public Deployment awaitReady(String idOrName, WaitOptions options) {
    DeploymentName name = calls.name(idOrName);
    return DeploymentCalls.readyWaiter(name, options).await(() -> get(name.toString()));
  }

  /** Polls until the deployment is gone (404) or {@code DELETED}. */
  public void awaitDeleted(String idOrName, Duration timeout) {
    awaitDeleted(idOrName, WaitOptions.timeout(timeout));
  }

  /** Like {@link #awaitDeleted(String, Duration)} with full control of the polling. */
  public void awaitDeleted(String idOrName, WaitOptions options) {
    DeploymentName name = calls.name(idOrName);
    DeploymentCalls.deletedWaiter(name, options).await(() -> {
      try {
        return Optional.of(get(name.toString()));
      } catch (NotFoundException gone) {
        return Optional.empty();
      }
    });
  }
}
