package dev.fireworks4j.testkit;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How the replicas of one simulated deployment behave: their latency, how many requests each replica serves at
 * once (more are refused with 429, as a saturated dedicated deployment does), the faults they inject and the
 * stream quirks they reproduce. Immutable; the {@code with…} methods return modified copies.
 */
public final class ServingProfile {
  /** The default number of concurrent requests per replica. */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

  private static final ServingProfile DEFAULTS =
      new ServingProfile(LatencyModel.none(), DEFAULT_MAX_CONCURRENT_REQUESTS, Faults.none(), Set.of());

  private final LatencyModel latency;
  private final int maxConcurrentRequests;
  private final Faults faults;
  private final Set<StreamQuirk> streamQuirks;

  private ServingProfile(LatencyModel latency, int maxConcurrentRequests, Faults faults,
      Set<StreamQuirk> streamQuirks) {
    if (maxConcurrentRequests < 1) {
      throw new IllegalArgumentException("maxConcurrentRequests must be >= 1, was " + maxConcurrentRequests);
    }
    this.latency = Objects.requireNonNull(latency, "latency");
    this.maxConcurrentRequests = maxConcurrentRequests;
    this.faults = Objects.requireNonNull(faults, "faults");
    this.streamQuirks = streamQuirks.isEmpty()
        ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(streamQuirks));
  }

  /** No latency, {@value #DEFAULT_MAX_CONCURRENT_REQUESTS} concurrent requests per replica, no faults, no quirks. */
  public static ServingProfile defaults() {
    return DEFAULTS;
  }

  /** The latency model. */
  public LatencyModel latency() {
    return latency;
  }

  /** The number of requests one replica serves at once. */
  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  /** The injected faults. */
  public Faults faults() {
    return faults;
  }

  /** The stream quirks reproduced. */
  public Set<StreamQuirk> streamQuirks() {
    return streamQuirks;
  }

  /** A copy with this latency model. */
  public ServingProfile withLatency(LatencyModel latency) {
    return new ServingProfile(latency, maxConcurrentRequests, faults, streamQuirks);
  }

  /** A copy with this per-replica concurrency limit (at least 1). */
  public ServingProfile withMaxConcurrentRequests(int maxConcurrentRequests) {
    return new ServingProfile(latency, maxConcurrentRequests, faults, streamQuirks);
  }

  /** A copy with these faults. */
  public ServingProfile withFaults(Faults faults) {
    return new ServingProfile(latency, maxConcurrentRequests, faults, streamQuirks);
  }

  /** A copy with exactly these stream quirks. */
  public ServingProfile withStreamQuirks(Set<StreamQuirk> quirks) {
    return new ServingProfile(latency, maxConcurrentRequests, faults, Objects.requireNonNull(quirks, "quirks"));
  }

  /** A copy with exactly these stream quirks. */
  public ServingProfile withStreamQuirks(StreamQuirk... quirks) {
    return withStreamQuirks(Set.copyOf(Arrays.asList(quirks)));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ServingProfile && ((ServingProfile) other).latency.equals(latency)
        && ((ServingProfile) other).maxConcurrentRequests == maxConcurrentRequests
        && ((ServingProfile) other).faults.equals(faults) && ((ServingProfile) other).streamQuirks.equals(streamQuirks);
  }

  @Override
  public int hashCode() {
    return Objects.hash(latency, maxConcurrentRequests, faults, streamQuirks);
  }

  @Override
  public String toString() {
    return "ServingProfile{latency=" + latency + ", maxConcurrentRequests=" + maxConcurrentRequests + ", faults="
        + faults + ", streamQuirks=" + streamQuirks + "}";
  }
}
