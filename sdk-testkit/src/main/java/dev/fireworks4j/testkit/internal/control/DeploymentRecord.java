package dev.fireworks4j.testkit.internal.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A stored deployment; mutable, guarded by the {@link ControlPlaneState} lock. */
final class DeploymentRecord {
  final String account;
  final String id;
  final String name;
  final Instant createTime;
  ObjectNode spec;
  String state;
  Instant updateTime;
  Instant deleteTime;
  Instant purgeTime;
  int desiredReplicas;
  int replicas;
  String pendingState;
  long dueNanos;
  boolean hardDelete;

  DeploymentRecord(String account, String id, ObjectNode spec, Instant now) {
    this.account = account;
    this.id = id;
    this.name = Names.deployment(account, id);
    this.spec = spec;
    this.createTime = now;
    this.updateTime = now;
  }

  /** Whether the deployment is soft-deleted or on its way there. */
  boolean isGone() {
    return state.equals("DELETED") || state.equals("DELETING");
  }

  /** The name of the router generated for this deployment. */
  String autoRouterName() {
    return Names.router(account, id + Names.AUTO_ROUTER_SUFFIX);
  }
}
