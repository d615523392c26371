package dev.fireworks4j.routers.picker;

/** How {@link ReplicaPicker#acquire(PickStrategy)} chooses a deployment. */
public enum PickStrategy {
    /** Each pick is independent, with probability proportional to the deployment's replica count. */
    WEIGHTED_RANDOM,
    /** The deployment with the fewest requests in flight per replica, ties broken by a weighted draw. */
    EVEN_LOAD
}
