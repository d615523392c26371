package dev.fireworks4j.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.fireworks4j.core.json.KnownValues;
import dev.fireworks4j.core.json.OpenEnum;
import java.util.List;

/**
 * Lifecycle state of a router or deployment ({@code gatewayRouterState}, {@code gatewayDeploymentState}).
 * Open: a state this SDK version does not know is kept, never rejected.
 */
public final class State extends OpenEnum {
  private static final KnownValues<State> VALUES = new KnownValues<>(State::new);

  /** Default value: the server did not say. */
  public static final State STATE_UNSPECIFIED = VALUES.known("STATE_UNSPECIFIED");
  /** Being created. */
  public static final State CREATING = VALUES.known("CREATING");
  /** Ready for traffic. */
  public static final State READY = VALUES.known("READY");
  /** A change is being applied. */
  public static final State UPDATING = VALUES.known("UPDATING");
  /** Being deleted. */
  public static final State DELETING = VALUES.known("DELETING");
  /** Soft-deleted (deployments); can be undeleted until purged. */
  public static final State DELETED = VALUES.known("DELETED");
  /** Creation failed (deployments); see the resource's {@code status}. */
  public static final State FAILED = VALUES.known("FAILED");

  private State(String value, boolean known) {
    super(value, known);
  }

  /** The state for a wire value, known or not. */
  @JsonCreator
  public static State of(String value) {
    return VALUES.of(value);
  }

  /** The states this SDK version declares. */
  public static List<State> knownValues() {
    return VALUES.values();
  }
}
