package dev.fireworks4j.directroute;

import dev.fireworks4j.core.error.ApiException;
import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.inference.RawResponse;
import dev.fireworks4j.inference.chat.ChatCompletion;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The result of {@link DirectRouteMigration#verify}: the same request sent to the direct route and through
 * the gateway, with each side's status, answering model and serving deployment. It passes when both
 * succeeded and were served by the same deployment ({@code fireworks-deployment}); when either side does not
 * name its deployment, the answers' models must match instead.
 */
public final class MigrationCheck {
  private final Outcome direct;
  private final Outcome gateway;

  MigrationCheck(Outcome direct, Outcome gateway) {
    this.direct = direct;
    this.gateway = gateway;
  }

  /** What the direct route answered. */
  public Outcome direct() {
    return direct;
  }

  /** What the gateway answered. */
  public Outcome gateway() {
    return gateway;
  }

  /** Whether both sides answered with the same HTTP status (0 when no response arrived). */
  public boolean statusMatches() {
    return direct.status() == gateway.status();
  }

  /** Whether both sides named the same model in their answers. */
  public boolean modelMatches() {
    return direct.model().isPresent() && direct.model().equals(gateway.model());
  }

  /** Whether both sides named their serving deployment, and it is the same one. */
  public boolean deploymentMatches() {
    return direct.deployment().isPresent() && direct.deployment().equals(gateway.deployment());
  }

  /**
   * Whether both sides succeeded from the same deployment, or, where a side does not name its deployment,
   * with the same model. (A direct route echoes the base model while the gateway answers with the
   * deployment's name, so the models alone differ on a correct migration.)
   */
  public boolean passed() {
    boolean deploymentsKnown = direct.deployment().isPresent() && gateway.deployment().isPresent();
    return direct.succeeded() && gateway.succeeded() && (deploymentsKnown ? deploymentMatches() : modelMatches());
  }

  /** The comparison, line by line, for a person to read. */
  public String report() {
    return (passed() ? "PASSED" : "FAILED") + ": direct route and gateway "
        + (passed() ? "agree" : "differ") + "\n"
        + "  direct route: " + direct + "\n"
        + "  gateway:      " + gateway + "\n"
        + "  status " + (statusMatches() ? "matches" : "differs") + ", model " + (modelMatches() ? "matches" : "differs")
        + ", deployment " + (deploymentMatches() ? "matches" : "differs or unknown") + "\n";
  }

  @Override
  public String toString() {
    return report();
  }

  /** One side's answer: status, model and serving deployment, or the error. */
  public static final class Outcome {
    private final int status;
    private final String model;
    private final String deployment;
    private final String requestId;
    private final String error;

    private Outcome(int status, String model, String deployment, String requestId, String error) {
      this.status = status;
      this.model = model;
      this.deployment = deployment;
      this.requestId = requestId;
      this.error = error;
    }

    static Outcome of(Supplier<RawResponse<ChatCompletion>> call) {
      try {
        RawResponse<ChatCompletion> response = call.get();
        return new Outcome(response.metadata().status(), response.value().model(),
            response.metadata().deployment().orElse(null), response.metadata().requestId().orElse(null), null);
      } catch (ApiException e) {
        return new Outcome(e.status(), null, null, e.requestId().orElse(null), e.getMessage());
      } catch (FireworksException e) {
        return new Outcome(0, null, null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
      return status;
    }

    /** Whether the call succeeded. */
    public boolean succeeded() {
      return error == null;
    }

    /** The model the answer names. */
    public Optional<String> model() {
      return Optional.ofNullable(model);
    }

    /** The deployment that served the call ({@code fireworks-deployment}), if the server said. */
    public Optional<String> deployment() {
      return Optional.ofNullable(deployment);
    }

    /** The request id, if the server sent one. */
    public Optional<String> requestId() {
      return Optional.ofNullable(requestId);
    }

    /** The error, if the call failed. */
    public Optional<String> error() {
      return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
      if (error != null) {
        return "failed (status " + status + "): " + error;
      }
      return "status " + status + ", model " + model + (deployment != null ? ", served by " + deployment : "")
          + (requestId != null ? ", request id " + requestId : "");
    }
  }
}
