package dev.fireworks4j.testkit.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fireworks4j.testkit.internal.json.JsonSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Deployments API (API.md §2) over {@link ControlPlaneState}. Semantics where the docs are silent:
 *
 * <ul>
 *   <li>There is no autoscaler. A new (or undeleted) deployment gets {@code max(minReplicaCount, 1)} replicas,
 *       capped by {@code maxReplicaCount} (default {@code max(min, 1)}); {@code :scale} sets the replica count;
 *       an update of the bounds clamps it into them.
 *   <li>Create with a read-only field ignores it; a missing {@code acceleratorType} becomes
 *       {@code NVIDIA_H100_80GB} ×1 and a missing {@code placement} {@code {"multiRegion": "GLOBAL"}}.
 *       {@code disableAutoDeploy}, {@code disableSpeculativeDecoding}, {@code skipShapeValidation} and
 *       {@code skipImageTagValidation} are accepted and have no effect.
 *   <li>Update with {@code updateMask} changes exactly the masked paths (a masked field absent from the body is
 *       cleared); without a mask it changes the fields present in the body, descending into nested messages (as
 *       grpc-gateway derives a mask). {@code baseModel} is not required but cannot change. A change to anything
 *       but {@code displayName}, {@code description}, {@code annotations} or {@code expireTime} moves a READY
 *       deployment to UPDATING until it applies.
 *   <li>Soft delete: DELETING (no replicas, traffic fails at once) → DELETED, {@code purgeTime} 7 days after
 *       {@code deleteTime}; hard delete: DELETING → gone (404). A deployment that a router covers is "in use":
 *       deleting it needs {@code ignoreChecks=true} (FAILED_PRECONDITION otherwise).
 *   <li>Every deployment gets a read-only router, {@code <id>-auto}, with the aliases
 *       {@code accounts/<a>/deployments/<id>}, {@code <a>/<id>} and, for the first deployment of a model in the
 *       same account, {@code accounts/<a>/models/<model>}; it disappears when the deployment is DELETED.
 * </ul>
 */
final class Deployments {
  private static final Set<String> METADATA_FIELDS = Set.of("displayName", "description", "annotations", "expireTime");
  private static final Duration PURGE_AFTER = Duration.ofDays(7);

  private final ControlPlaneState state;

  Deployments(ControlPlaneState state) {
    this.state = state;
  }

  /** Creates a deployment in CREATING ({@code ready}: already READY, for preset deployments). */
  ObjectNode create(String account, String requestedId, JsonNode body, boolean validateOnly, boolean ready) {
    return state.mutate(() -> {
      ObjectNode spec = Schemas.DEPLOYMENT.writableCopy(body, "deployment");
      String baseModel = JsonSupport.text(spec, "baseModel");
      if (baseModel == null || baseModel.isBlank()) {
        throw ApiError.invalid("deployment.base_model is required");
      }
      checkSpec(spec);
      if (!spec.has("acceleratorType")) {
        spec.put("acceleratorType", "NVIDIA_H100_80GB");
      }
      if (!spec.has("acceleratorCount")) {
        spec.put("acceleratorCount", 1);
      }
      if (!spec.has("placement")) {
        spec.putObject("placement").put("multiRegion", "GLOBAL");
      }
      String id = requestedId == null || requestedId.isEmpty() ? state.newId() : checkId(requestedId);
      String name = Names.deployment(account, id);
      if (state.deployments().containsKey(name)) {
        throw ApiError.of(RpcCode.ALREADY_EXISTS, "deployment " + name + " already exists");
      }
      DeploymentRecord d = new DeploymentRecord(account, id, spec, state.now());
      d.desiredReplicas = initialReplicas(spec);
      if (ready) {
        d.state = "READY";
        d.replicas = d.desiredReplicas;
      } else {
        d.state = "CREATING";
        if (!validateOnly) {
          state.schedule(d, "READY");
        }
      }
      if (validateOnly) {
        return render(d);
      }
      state.deployments().put(name, d);
      state.createAutoRouter(d);
      return render(d);
    });
  }

  ObjectNode get(String account, String id) {
    return state.read(() -> render(require(account, id)));
  }

  ObjectNode list(String account, ListQuery query, boolean showDeleted) {
    return state.read(() -> {
      List<ObjectNode> items = new ArrayList<>();
      for (DeploymentRecord d : state.deployments().values()) {
        if (d.account.equals(account) && (showDeleted || !d.state.equals("DELETED"))) {
          items.add(render(d));
        }
      }
      return query.page(items, "deployments");
    });
  }

  ObjectNode update(String account, String id, JsonNode body, String updateMask) {
    return state.mutate(() -> {
      DeploymentRecord d = require(account, id);
      if (d.isGone()) {
        throw ApiError.precondition("deployment " + d.name + " is " + d.state + " and cannot be updated");
      }
      String bodyName = JsonSupport.text(body, "name");
      if (bodyName != null && !bodyName.isEmpty() && !bodyName.equals(d.name)) {
        throw ApiError.invalid("deployment.name \"" + bodyName + "\" does not match the path (" + d.name + ")");
      }
      ObjectNode changes = Schemas.DEPLOYMENT.writableCopy(body, "deployment");
      FieldMask mask = updateMask == null || updateMask.isBlank()
          ? FieldMask.fromBody(changes, Schemas.DEPLOYMENT) : FieldMask.parse(updateMask, Schemas.DEPLOYMENT);
      ObjectNode next = d.spec.deepCopy();
      mask.apply(next, changes);
      if (!next.path("baseModel").equals(d.spec.path("baseModel"))) {
        throw ApiError.invalid("deployment.base_model cannot be changed (from " + d.spec.path("baseModel") + " to "
            + next.path("baseModel") + ")");
      }
      checkSpec(next);
      boolean substantive = false;
      for (Field f : Schemas.DEPLOYMENT.fields()) {
        if (!METADATA_FIELDS.contains(f.json()) && !next.path(f.json()).equals(d.spec.path(f.json()))) {
          substantive = true;
        }
      }
      if (next.equals(d.spec)) {
        return render(d);
      }
      d.spec = next;
      d.updateTime = state.now();
      d.desiredReplicas = clamp(d.desiredReplicas, next);
      if (substantive && !d.state.equals("CREATING")) {
        d.state = "UPDATING";
        state.schedule(d, "READY");
      }
      return render(d);
    });
  }

  ObjectNode delete(String account, String id, boolean hard, boolean ignoreChecks) {
    return state.mutate(() -> {
      DeploymentRecord d = require(account, id);
      if (d.state.equals("DELETING")) {
        throw ApiError.precondition("deployment " + d.name + " is already being deleted");
      }
      if (d.state.equals("DELETED") && !hard) {
        throw ApiError.precondition("deployment " + d.name + " is already deleted; pass hard=true to purge it");
      }
      if (!ignoreChecks && !d.state.equals("DELETED")) {
        for (RouterRecord r : state.routers().values()) {
          if (!r.autoGenerated && !r.state.equals("DELETING") && covers(r, d.name)) {
            throw ApiError.precondition("deployment " + d.name + " is in use by router " + r.name
                + "; remove it from the router or pass ignoreChecks=true");
          }
        }
      }
      d.deleteTime = state.now();
      d.purgeTime = hard ? d.deleteTime : d.deleteTime.plus(PURGE_AFTER);
      d.updateTime = d.deleteTime;
      d.hardDelete = hard;
      d.state = "DELETING";
      d.desiredReplicas = 0;
      d.replicas = 0;
      state.schedule(d, "DELETED");
      return JsonSupport.object();
    });
  }

  ObjectNode scale(String account, String id, JsonNode body) {
    return state.mutate(() -> {
      DeploymentRecord d = require(account, id);
      if (!body.isObject()) {
        throw ApiError.invalid("the body must be a JSON object {\"replicaCount\": n}");
      }
      JsonNode count = body.path("replicaCount");
      int replicas;
      if (count.isMissingNode() || count.isNull()) {
        replicas = 0;
      } else if (count.isIntegralNumber() && count.canConvertToInt()) {
        replicas = count.asInt();
      } else if (count.isTextual() && count.asText().matches("-?\\d{1,9}")) {
        replicas = Integer.parseInt(count.asText());
      } else {
        throw ApiError.invalid("invalid value for replica_count: " + count);
      }
      if (replicas < 0) {
        throw ApiError.invalid("replica_count must not be negative, was " + replicas);
      }
      if (d.isGone()) {
        throw ApiError.precondition("deployment " + d.name + " is " + d.state + " and cannot be scaled");
      }
      d.desiredReplicas = replicas;
      d.updateTime = state.now();
      if (d.state.equals("CREATING")) {
        return JsonSupport.object();
      }
      if (replicas != d.replicas || d.state.equals("UPDATING")) {
        d.state = "UPDATING";
        state.schedule(d, "READY");
      }
      return JsonSupport.object();
    });
  }

  ObjectNode undelete(String account, String id) {
    return state.mutate(() -> {
      DeploymentRecord d = require(account, id);
      if (!d.state.equals("DELETED") && !d.state.equals("FAILED")) {
        throw ApiError.precondition("only a DELETED or FAILED deployment can be undeleted; " + d.name + " is "
            + d.state);
      }
      d.deleteTime = null;
      d.purgeTime = null;
      d.hardDelete = false;
      d.updateTime = state.now();
      d.desiredReplicas = initialReplicas(d.spec);
      d.state = "CREATING";
      state.schedule(d, "READY");
      state.createAutoRouter(d);
      return render(d);
    });
  }

  private DeploymentRecord require(String account, String id) {
    DeploymentRecord d = state.deployments().get(Names.deployment(account, id));
    if (d == null) {
      throw ApiError.notFound("deployment " + Names.deployment(account, id) + " not found");
    }
    return d;
  }

  static boolean covers(RouterRecord r, String deploymentName) {
    for (JsonNode n : r.spec.path("deployments")) {
      if (n.asText().equals(deploymentName)) {
        return true;
      }
    }
    return false;
  }

  static String checkId(String id) {
    if (!Names.isValidId(id)) {
      throw ApiError.invalid("invalid id \"" + id + "\": use 1 to 63 lower-case letters, digits and hyphens,"
          + " starting with a letter or digit");
    }
    return id;
  }

  private static void checkSpec(ObjectNode spec) {
    if (spec.path("displayName").asText("").length() >= 64) {
      throw ApiError.invalid("deployment.display_name must be fewer than 64 characters");
    }
    int min = spec.path("minReplicaCount").asInt(0);
    if (min < 0 || spec.path("maxReplicaCount").asInt(0) < 0) {
      throw ApiError.invalid("replica counts must not be negative");
    }
    if (spec.has("maxReplicaCount") && spec.get("maxReplicaCount").asInt() < min) {
      throw ApiError.invalid("deployment.max_replica_count (" + spec.get("maxReplicaCount").asInt()
          + ") must not be less than min_replica_count (" + min + ")");
    }
  }

  private static int initialReplicas(ObjectNode spec) {
    return clamp(Math.max(1, spec.path("minReplicaCount").asInt(0)), spec);
  }

  private static int clamp(int replicas, ObjectNode spec) {
    int min = spec.path("minReplicaCount").asInt(0);
    int max = spec.has("maxReplicaCount") ? spec.get("maxReplicaCount").asInt() : Math.max(min, 1);
    return Math.max(min, Math.min(max, replicas));
  }

  /** The deployment as the API returns it: the spec's fields in schema order, plus the server's. */
  private static ObjectNode render(DeploymentRecord d) {
    ObjectNode out = JsonSupport.object();
    for (Field f : Schemas.DEPLOYMENT.fields()) {
      JsonNode value = serverField(d, f.json());
      if (value == null) {
        value = d.spec.get(f.json());
      }
      if (value != null) {
        out.set(f.json(), value.deepCopy());
      }
    }
    return out;
  }

  private static JsonNode serverField(DeploymentRecord d, String field) {
    ObjectNode box = JsonSupport.object();
    switch (field) {
      case "name": return box.textNode(d.name);
      case "createTime": return box.textNode(JsonSupport.timestamp(d.createTime));
      case "updateTime": return box.textNode(JsonSupport.timestamp(d.updateTime));
      case "deleteTime": return d.deleteTime == null ? null : box.textNode(JsonSupport.timestamp(d.deleteTime));
      case "purgeTime": return d.purgeTime == null ? null : box.textNode(JsonSupport.timestamp(d.purgeTime));
      case "state": return box.textNode(d.state);
      case "status": return JsonSupport.object().put("code", "OK").put("message", "");
      case "minReplicaCount": return box.numberNode(d.spec.path("minReplicaCount").asInt(0));
      case "maxReplicaCount":
        return box.numberNode(d.spec.has("maxReplicaCount") ? d.spec.get("maxReplicaCount").asInt()
            : Math.max(1, d.spec.path("minReplicaCount").asInt(0)));
      case "desiredReplicaCount": return box.numberNode(d.desiredReplicas);
      case "replicaCount": return box.numberNode(d.replicas);
      case "directRouteHandle": {
        String handle = DirectRoutes.handle(d);
        return handle == null ? null : box.textNode(handle);
      }
      case "region": return box.textNode(DirectRoutes.region(d));
      case "replicaStats": {
        boolean starting = d.state.equals("CREATING") || d.state.equals("UPDATING");
        return JsonSupport.object()
            .put("pendingSchedulingReplicaCount", 0)
            .put("downloadingModelReplicaCount", 0)
            .put("initializingReplicaCount", starting ? Math.max(0, d.desiredReplicas - d.replicas) : 0)
            .put("readyReplicaCount", d.replicas)
            .put("revocableReplicaCount", 0)
            .put("partialReplicaCount", 0.0);
      }
      default: return null;
    }
  }
}
