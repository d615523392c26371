package dev.fireworks4j.core.name;

/**
 * A resource name such as {@code accounts/my-account/routers/my-router}. {@link #toString()} is the full
 * name, which is also what the inference {@code model} field accepts.
 */
public interface ResourceName {
  /** The account that owns the resource. */
  String accountId();

  /** The resource's own id, the last segment of the name. */
  String id();

  /** The full resource name. */
  @Override
  String toString();
}
