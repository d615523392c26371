package dev.fireworks4j.routers.picker;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;

/**
 * One request's claim on the deployment a picker chose: it counts as in flight there until released. A
 * lease is released exactly once, by the first {@link #release} or {@link #close()} call from any thread;
 * later calls do nothing. Use it in try-with-resources so that a cancelled or failed call still frees the
 * slot:
 *
 * <pre>{@code
 * try (Lease lease = picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow()) {
 *     Response r = send(lease.key());
 *     lease.release(r.ok() ? Outcome.SUCCESS : Outcome.FAILURE);
 * }
 * }</pre>
 */
public final class Lease implements AutoCloseable {

  private static final VarHandle RELEASED;

  static {
    try {
      RELEASED = MethodHandles.lookup().findVarHandle(Lease.class, "released", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final ReplicaPicker picker;
  private final KeyState state;
  private volatile boolean released;

  Lease(ReplicaPicker picker, KeyState state) {
    this.picker = picker;
    this.state = state;
  }

  /**
   * Returns the key of the chosen deployment.
   *
   * @return the deployment key
   */
  public String key() {
    return state.key;
  }

  /**
   * Releases the lease, reporting how the request ended.
   *
   * @param outcome the request's outcome
   * @return true if this call released the lease, false if it had been released already
   */
  public boolean release(Outcome outcome) {
    return release(outcome, -1);
  }

  /**
   * Releases the lease, reporting how the request ended and how long it took.
   *
   * @param outcome the request's outcome
   * @param latency the request's latency, not negative
   * @return true if this call released the lease, false if it had been released already
   */
  public boolean release(Outcome outcome, Duration latency) {
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative, was " + latency);
    }
    return release(outcome, latency.compareTo(Duration.ofNanos(Long.MAX_VALUE)) > 0
        ? Long.MAX_VALUE
        : latency.toNanos());
  }

  private boolean release(Outcome outcome, long latencyNanos) {
    Objects.requireNonNull(outcome, "outcome");
    if (!RELEASED.compareAndSet(this, false, true)) {
      return false;
    }
    picker.complete(state, outcome, latencyNanos);
    return true;
  }

  /**
   * Returns whether the lease has been released.
   *
   * @return true once released
   */
  public boolean isReleased() {
    return released;
  }

  /**
   * Reports the deployment's load as the server sees it, from the {@code fireworks-num-concurrent-requests}
   * response header; see {@link ReplicaPicker#reportServerLoad(String, int)}.
   *
   * @param concurrentRequestsPerReplica the server's concurrent requests on the replica that answered
   */
  public void reportServerLoad(int concurrentRequestsPerReplica) {
    picker.reportServerLoad(state, concurrentRequestsPerReplica);
  }

  /** Releases the lease as {@link Outcome#CANCELLED} unless it was released already. */
  @Override
  public void close() {
    release(Outcome.CANCELLED);
  }

  @Override
  public String toString() {
    return "Lease{" + state.key + (released ? ", released}" : "}");
  }
}
