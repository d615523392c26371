/**
 * Client-side weighted replica picker: chooses one deployment per request among deployments weighted
 * by their replica counts.
 *
 * <p>{@link dev.fireworks4j.routers.picker.ReplicaPicker} offers weighted random picks (probability
 * proportional to replicas), even-load picks (least in-flight requests per replica, with decaying
 * failure penalties and an optional server-reported load) and sticky picks (weighted rendezvous hashing
 * on an affinity key), all lock-free over an immutable snapshot that can be replaced at any time.
 * Passive health checking ejects deployments that fail repeatedly. This package depends on the JDK
 * only, so that client-side routing and the emulator's gateway share one implementation.
 */
package dev.fireworks4j.routers.picker;
