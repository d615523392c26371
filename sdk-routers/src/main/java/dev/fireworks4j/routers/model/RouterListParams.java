package dev.fireworks4j.routers.model;

import java.util.Optional;
import org.immutables.value.Value;

/** Options of a router list call: page size, AIP-160 filter, order and read mask. */
@Value.Immutable
public abstract class RouterListParams {
  private static final RouterListParams NONE = builder().build();

  RouterListParams() {}

  /** Routers per page, 1 to 200 (server default 50). */
  public abstract Optional<Integer> pageSize();

  /** Only routers matching this AIP-160 filter (https://google.aip.dev/160). */
  public abstract Optional<String> filter();

  /** Comma-separated fields to order by, each optionally followed by {@code " desc"} (server default {@code name}). */
  public abstract Optional<String> orderBy();

  /** The fields to return; empty or {@code "*"} returns all. */
  public abstract Optional<String> readMask();

  /** No options: every router, in the server's default order. */
  public static RouterListParams none() {
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

  /** Builds {@link RouterListParams}. */
  public static final class Builder extends ImmutableRouterListParams.Builder {}
}
