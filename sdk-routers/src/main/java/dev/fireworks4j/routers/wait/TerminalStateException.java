package dev.fireworks4j.routers.wait;

import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.model.State;
import dev.fireworks4j.core.model.Status;
import java.util.Optional;

/**
 * A resource being waited for reached a state it cannot leave on its own, such as a deployment that
 * {@code FAILED}; carries the resource name, the state and the server's status.
 */
public class TerminalStateException extends FireworksException {
  private static final long serialVersionUID = 1L;
  private final String resourceName;
  private final transient State state;
  private final transient Status status;

  /** Creates the exception for {@code resourceName} in {@code state}, with its status when the server gave one. */
  public TerminalStateException(String resourceName, State state, Status status) {
    super(describe(resourceName, state, status));
    this.resourceName = resourceName;
    this.state = state;
    this.status = status;
  }

  /** The full name of the resource. */
  public String resourceName() {
    return resourceName;
  }

  /** The state that ended the wait. */
  public State state() {
    return state;
  }

  /** The server's status of the most recent operation, if it gave one. */
  public Optional<Status> status() {
    return Optional.ofNullable(status);
  }

  private static String describe(String resourceName, State state, Status status) {
    StringBuilder text = new StringBuilder(resourceName).append(" is ").append(state);
    if (status != null && (status.code().isPresent() || status.message().isPresent())) {
      text.append(':');
      status.code().ifPresent(code -> text.append(' ').append(code));
      status.message().ifPresent(message -> text.append(' ').append(message));
    }
    return text.toString();
  }
}
