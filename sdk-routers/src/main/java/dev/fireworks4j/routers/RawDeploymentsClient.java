package dev.fireworks4j.routers;

import dev.fireworks4j.core.http.ApiResponse;
import dev.fireworks4j.core.name.DeploymentName;
import dev.fireworks4j.core.paging.Page;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.DeploymentCreateParams;
import dev.fireworks4j.routers.model.DeploymentDeleteParams;
import dev.fireworks4j.routers.model.DeploymentListParams;
import dev.fireworks4j.routers.model.DeploymentUpdateParams;
import java.util.Objects;

/**
 * The deployment calls of {@link DeploymentsClient}, each returning the HTTP status and headers (such as
 * the request id) with the parsed body. Obtain it with {@link DeploymentsClient#withRawResponse()}.
 */
public final class RawDeploymentsClient {
  private final DeploymentCalls calls;

  RawDeploymentsClient(DeploymentCalls calls) {
    this.calls = calls;
  }

  /** Creates a deployment; see {@link DeploymentsClient#create}. */
  public ApiResponse<Deployment> create(DeploymentCreateParams params) {
    Objects.requireNonNull(params, "params");
    if (!DeploymentCalls.hasExplicitId(params)) {
      return calls.invoker().execute(calls.create(params, calls.options()), Deployment.class);
    }
    DeploymentName name = calls.name(params.deploymentId().get());
    return new ExplicitIdCreate<>(calls.invoker(), calls.options(), o -> calls.create(params, o), Deployment.class)
        .run(() -> get(name.toString()));
  }

  /** Fetches a deployment by short id or full name. */
  public ApiResponse<Deployment> get(String idOrName) {
    return calls.invoker().execute(calls.get(calls.name(idOrName)), Deployment.class);
  }

  /** Fetches one page of deployments; {@code pageToken} is null for the first page. */
  public ApiResponse<Page<Deployment>> listPage(DeploymentListParams params, String pageToken) {
    ApiResponse<DeploymentCalls.ListDeploymentsResponse> response =
        calls.invoker().execute(calls.list(params, pageToken), DeploymentCalls.ListDeploymentsResponse.class);
    return response.withValue(DeploymentCalls.page(response.value()));
  }

  /** Changes the fields set in {@code params}; see {@link DeploymentsClient#update}. */
  public ApiResponse<Deployment> update(String idOrName, DeploymentUpdateParams params) {
    Objects.requireNonNull(params, "params");
    DeploymentName name = calls.name(idOrName);
    String baseModel = params.baseModel().isPresent()
        ? params.baseModel().get()
        : DeploymentCalls.baseModelOf(get(name.toString()).value(), name);
    return calls.invoker().execute(calls.update(name, params, baseModel), Deployment.class);
  }

  /** Sets the replica count; see {@link DeploymentsClient#scale}. The value is always null. */
  public ApiResponse<Void> scale(String idOrName, int replicaCount) {
    return calls.invoker().execute(calls.scale(calls.name(idOrName), replicaCount), Void.class);
  }

  /**
   * Deletes a deployment; see {@link DeploymentsClient#delete(String, DeploymentDeleteParams)}. The value is
   * always null.
   */
  public ApiResponse<Void> delete(String idOrName, DeploymentDeleteParams params) {
    Objects.requireNonNull(params, "params");
    return calls.invoker().execute(calls.delete(calls.name(idOrName), params), Void.class);
  }

  /** Restores a soft-deleted or failed deployment; see {@link DeploymentsClient#undelete}. */
  public ApiResponse<Deployment> undelete(String idOrName) {
    return calls.invoker().execute(calls.undelete(calls.name(idOrName)), Deployment.class);
  }
}
