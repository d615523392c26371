package dev.fireworks4j.routers;

import dev.fireworks4j.core.RequestOptions;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.core.internal.ApiRequest;
import dev.fireworks4j.core.model.State;
import dev.fireworks4j.core.name.DeploymentName;
import dev.fireworks4j.core.paging.Page;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.DeploymentCreateParams;
import dev.fireworks4j.routers.model.DeploymentDeleteParams;
import dev.fireworks4j.routers.model.DeploymentListParams;
import dev.fireworks4j.routers.model.DeploymentUpdateParams;
import dev.fireworks4j.routers.wait.TerminalStateException;
import dev.fireworks4j.routers.wait.WaitOptions;
import dev.fireworks4j.routers.wait.Waiter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builds the deployment calls of the spec (paths, queries, bodies) for the sync and async clients. */
final class DeploymentCalls {
  /** States from which a deployment does not become READY without a new request. */
  private static final Set<State> NOT_BECOMING_READY = Set.of(State.FAILED, State.DELETED, State.DELETING);
  private final ApiInvoker invoker;
  private final RequestOptions options;

  DeploymentCalls(ApiInvoker invoker, RequestOptions options) {
    this.invoker = invoker;
    this.options = options;
  }

  ApiInvoker invoker() {
    return invoker;
  }

  RequestOptions options() {
    return options;
  }

  /** A short id in the configured account, or a full name. */
  DeploymentName name(String idOrName) {
    return DeploymentName.resolve(idOrName, invoker.options().accountId().orElse(null));
  }

  /** Whether {@code params} create under a caller-chosen id, which makes the create safe to repeat. */
  static boolean hasExplicitId(DeploymentCreateParams params) {
    return params.deploymentId().isPresent() && !params.validateOnly();
  }

  /** {@code POST /v1/accounts/{account}/deployments?deploymentId=…&validateOnly=…} under {@code callOptions}. */
  ApiRequest create(DeploymentCreateParams params, RequestOptions callOptions) {
    String account = invoker.options().requireAccountId();
    params.deploymentId().ifPresent(id -> DeploymentName.of(account, id));
    JsonBody body = new JsonBody()
        .put("displayName", params.displayName())
        .put("description", params.description())
        .put("baseModel", params.baseModel())
        .put("minReplicaCount", params.minReplicaCount())
        .put("maxReplicaCount", params.maxReplicaCount())
        .put("autoscalingPolicy", params.autoscalingPolicy())
        .put("acceleratorType", params.acceleratorType())
        .put("acceleratorCount", params.acceleratorCount())
        .put("precision", params.precision())
        .put("deploymentShape", params.deploymentShape())
        .put("maxContextLength", params.maxContextLength())
        .put("enableAddons", params.enableAddons())
        .put("draftModel", params.draftModel())
        .put("draftTokenCount", params.draftTokenCount())
        .put("placement", params.placement())
        .put("directRouteType", params.directRouteType())
        .putList("directRouteApiKeys", params.directRouteApiKeys())
        .put("enableSessionAffinity", params.enableSessionAffinity())
        .putMap("annotations", params.annotations())
        .putAll(params.additionalBodyProperties());
    return ApiRequest.builder(Plane.CONTROL, "POST", collection(account))
        .query("deploymentId", params.deploymentId().orElse(null))
        .query("validateOnly", flag(params.validateOnly()))
        .query("disableAutoDeploy", flag(params.disableAutoDeploy()))
        .query("disableSpeculativeDecoding", flag(params.disableSpeculativeDecoding()))
        .query("skipShapeValidation", flag(params.skipShapeValidation()))
        .query("skipImageTagValidation", flag(params.skipImageTagValidation()))
        .body(body.node())
        .idempotent(params.deploymentId().isPresent() || params.validateOnly())
        .options(callOptions)
        .build();
  }

  /** {@code GET …/deployments/{id}}. */
  ApiRequest get(DeploymentName name) {
    return ApiRequest.builder(Plane.CONTROL, "GET", path(name)).options(options).build();
  }

  /** {@code GET …/deployments} for the page after {@code pageToken}. */
  ApiRequest list(DeploymentListParams params, String pageToken) {
    return ApiRequest.builder(Plane.CONTROL, "GET", collection(invoker.options().requireAccountId()))
        .query("pageSize", params.pageSize().orElse(null))
        .query("pageToken", pageToken)
        .query("filter", params.filter().orElse(null))
        .query("orderBy", params.orderBy().orElse(null))
        .query("showDeleted", flag(params.showDeleted()))
        .query("readMask", params.readMask().orElse(null))
        .options(options)
        .build();
  }

  /**
   * {@code PATCH …/deployments/{id}?updateMask=…}: the name, the base model the server requires
   * ({@code currentBaseModel} unless the caller changes it), and the fields set, which the mask names.
   */
  ApiRequest update(DeploymentName name, DeploymentUpdateParams params, String currentBaseModel) {
    JsonBody body = new JsonBody()
        .unmasked("name", name.toString())
        .put("baseModel", params.baseModel())
        .put("displayName", params.displayName())
        .put("description", params.description())
        .put("minReplicaCount", params.minReplicaCount())
        .put("maxReplicaCount", params.maxReplicaCount())
        .putMaskedPerField("autoscalingPolicy", params.autoscalingPolicy())
        .put("acceleratorType", params.acceleratorType())
        .put("acceleratorCount", params.acceleratorCount())
        .put("precision", params.precision())
        .put("deploymentShape", params.deploymentShape())
        .put("maxContextLength", params.maxContextLength())
        .put("enableAddons", params.enableAddons())
        .put("draftModel", params.draftModel())
        .put("draftTokenCount", params.draftTokenCount())
        .put("placement", params.placement())
        .put("directRouteType", params.directRouteType())
        .put("directRouteApiKeys", params.directRouteApiKeys())
        .put("enableSessionAffinity", params.enableSessionAffinity())
        .put("annotations", params.annotations())
        .putAll(params.additionalBodyProperties());
    if (params.baseModel().isEmpty()) {
      body.unmasked("baseModel", currentBaseModel);
    }
    return ApiRequest.builder(Plane.CONTROL, "PATCH", path(name))
        .query("updateMask", body.mask())
        .query("skipShapeValidation", flag(params.skipShapeValidation()))
        .body(body.node())
        .options(options)
        .build();
  }

  /** The base model an update must send when the caller does not change it. */
  static String baseModelOf(Deployment current, DeploymentName name) {
    return current.baseModel().orElseThrow(() -> new ValidationException("baseModel",
        "the server returned no base model for " + name + "; set DeploymentUpdateParams.baseModel"));
  }

  /** {@code PATCH …/deployments/{id}:scale} with {@code {"replicaCount": n}}. */
  ApiRequest scale(DeploymentName name, int replicaCount) {
    if (replicaCount < 0) {
      throw new ValidationException("replicaCount", "must be 0 or more, was " + replicaCount);
    }
    return ApiRequest.builder(Plane.CONTROL, "PATCH", path(name) + ":scale")
        .body(new JsonBody().put("replicaCount", Optional.of(replicaCount)).node())
        .options(options)
        .build();
  }

  /** {@code DELETE …/deployments/{id}?hard=…&ignoreChecks=…}. */
  ApiRequest delete(DeploymentName name, DeploymentDeleteParams params) {
    return ApiRequest.builder(Plane.CONTROL, "DELETE", path(name))
        .query("hard", flag(params.hard()))
        .query("ignoreChecks", flag(params.ignoreChecks()))
        .options(options)
        .build();
  }

  /** {@code POST …/deployments/{id}:undelete} with an empty body. */
  ApiRequest undelete(DeploymentName name) {
    return ApiRequest.builder(Plane.CONTROL, "POST", path(name) + ":undelete")
        .body(new JsonBody().node())
        .options(options)
        .build();
  }

  /** A waiter for READY that fails on {@code FAILED}, {@code DELETING} and {@code DELETED}. */
  static Waiter<Deployment> readyWaiter(DeploymentName name, WaitOptions waitOptions) {
    return Waiter.<Deployment>builder("deployment " + name + " to be READY")
        .options(waitOptions)
        .until(d -> d.state().filter(State.READY::equals).isPresent())
        .failWhen(d -> d.state().filter(NOT_BECOMING_READY::contains).isPresent(),
            d -> new TerminalStateException(name.toString(), d.state().orElseThrow(), d.status().orElse(null)))
        .describe(d -> d.state().map(Object::toString).orElse("no state"))
        .build();
  }

  /** A waiter for a deployment to be gone (polled as empty after a 404) or soft-deleted. */
  static Waiter<Optional<Deployment>> deletedWaiter(DeploymentName name, WaitOptions waitOptions) {
    return Waiter.<Optional<Deployment>>builder("deployment " + name + " to be deleted")
        .options(waitOptions)
        .until(d -> d.isEmpty() || d.get().state().filter(State.DELETED::equals).isPresent())
        .describe(d -> d.flatMap(Deployment::state).map(Object::toString).orElse("no state"))
        .build();
  }

  static Page<Deployment> page(ListDeploymentsResponse response) {
    return Page.of(response.deployments() == null ? List.of() : response.deployments(), response.nextPageToken(),
        response.totalSize());
  }

  /** A boolean query flag: sent only when true. */
  private static String flag(boolean value) {
    return value ? "true" : null;
  }

  private static String collection(String account) {
    return "/v1/accounts/" + account + "/deployments";
  }

  private static String path(DeploymentName name) {
    return collection(name.accountId()) + "/" + name.id();
  }

  /** {@code gatewayListDeploymentsResponse}. */
  record ListDeploymentsResponse(List<Deployment> deployments, String nextPageToken, Integer totalSize) {}
}
