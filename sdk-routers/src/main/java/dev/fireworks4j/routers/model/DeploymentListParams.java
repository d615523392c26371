package dev.fireworks4j.routers.model;

import java.util.Optional;
import org.immutables.value.Value;

/** Options of a deployment list call: page size, AIP-160 filter, order, read mask and soft-deleted ones. */
@Value.Immutable
public abstract class DeploymentListParams {
  private static final DeploymentListParams NONE = builder().build();

  DeploymentListParams() {}

  /** Deployments per page, 1 to 200 (server default 50). */
  public abstract Optional<Integer> pageSize();

  /** Only deployments matching this AIP-160 filter (https://google.aip.dev/160). */
  public abstract Optional<String> filter();

  /** Comma-separated fields to order by, each may end in {@code " desc"} (server default {@code create_time}). */
  public abstract Optional<String> orderBy();

  /** The fields to return; empty or {@code "*"} returns all. */
  public abstract Optional<String> readMask();

  /** Includes soft-deleted ({@code DELETED}) deployments. */
  @Value.Default
  public boolean showDeleted() {
    return false;
  }

  /** No options: every live deployment, in the server's default order. */
  public static DeploymentListParams none() {
    return NONE;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Checks.pageSize(pageSize());
  }

  /** Builds {@link DeploymentListParams}. */
  public static final class Builder extends ImmutableDeploymentListParams.Builder {}
}
