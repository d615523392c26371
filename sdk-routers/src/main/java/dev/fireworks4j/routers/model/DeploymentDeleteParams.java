package dev.fireworks4j.routers.model;

import org.immutables.value.Value;

/** How to delete a deployment: soft by default, or hard, and whether to skip the in-use checks. */
@Value.Immutable
public abstract class DeploymentDeleteParams {
  private static final DeploymentDeleteParams SOFT = builder().build();

  DeploymentDeleteParams() {}

  /** Deletes for good instead of soft-deleting (a soft-deleted deployment can be undeleted). */
  @Value.Default
  public boolean hard() {
    return false;
  }

  /** Deletes even a deployment that is deployed and in use. */
  @Value.Default
  public boolean ignoreChecks() {
    return false;
  }

  /** A soft delete with the in-use checks. */
  public static DeploymentDeleteParams soft() {
    return SOFT;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DeploymentDeleteParams}. */
  public static final class Builder extends ImmutableDeploymentDeleteParams.Builder {}
}
