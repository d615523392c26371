package dev.fireworks4j.routers.picker;

/** How a request sent through a {@link Lease} ended, as reported when the lease is released. */
public enum Outcome {
    /** The deployment answered successfully; clears its run of consecutive failures. */
    SUCCESS,
    /**
     * The deployment failed (5xx, connection failure, timeout); counts towards ejection and adds a decaying
     * load penalty.
     */
    FAILURE,
    /**
     * The deployment signalled overload (429, or 503 with {@code Retry-After}); adds a decaying load penalty
     * but does not count towards ejection.
     */
    OVERLOADED,
    /** The caller gave up before an answer, or the outcome says nothing about the deployment's health. */
    CANCELLED
}
