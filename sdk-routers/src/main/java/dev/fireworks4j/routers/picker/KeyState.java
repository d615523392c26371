package dev.fireworks4j.routers.picker;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Everything a picker knows about one deployment beyond its weight: counters, load signals and health. One
 * instance per key is carried from snapshot to snapshot, so in-flight counts and health survive updates.
 */
final class KeyState {

  private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
  /**
   * Longs left unused on each side of the in-flight count: 120 bytes, more than a cache line and its
   * prefetched pair, so that threads updating different deployments' counts do not false-share.
   */
  private static final int PAD = 15;
  private static final long NO_LATENCY = -1;
  /** Weight of a new latency sample in the moving average: 1/8, about the last 8 samples. */
  private static final int LATENCY_SHIFT = 3;

  final String key;
  final long hash;
  /** The answer to a pick of this key, allocated once so that picks allocate nothing. */
  final Optional<String> pickResult;
  /** Decaying failure penalty, or null when none is left. */
  final AtomicReference<DecayingValue> penalty = new AtomicReference<>();
  /** The latest server-reported load, or null when none is recent enough. */
  final AtomicReference<ServerReport> serverLoad = new AtomicReference<>();

  /** The in-flight count at index {@link #PAD}, every other element padding. */
  private final long[] inFlight = new long[2 * PAD + 1];
  private final LongAdder requests = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder overloads = new LongAdder();
  private final AtomicInteger consecutiveFailures = new AtomicInteger();
  private final AtomicLong latencyNanos = new AtomicLong(NO_LATENCY);

  private volatile boolean ejected;
  private volatile long ejectedUntilNanos;
  // written under the picker's lock only
  private int recentEjections;
  private long readmittedAtNanos;

  KeyState(String key) {
    this.key = key;
    this.hash = Rendezvous.hash(key);
    this.pickResult = Optional.of(key);
  }

  void begin() {
    LONGS.getAndAdd(inFlight, PAD, 1L);
    requests.increment();
  }

  void end() {
    LONGS.getAndAdd(inFlight, PAD, -1L);
  }

  long inFlight() {
    return (long) LONGS.getVolatile(inFlight, PAD);
  }

  void recordSuccess() {
    // read before writing: successes are the common case and must not dirty a shared line
    if (consecutiveFailures.get() != 0) {
      consecutiveFailures.set(0);
    }
  }

  /** Counts a failure and returns the length of the current run of failures. */
  int recordFailure() {
    failures.increment();
    return consecutiveFailures.incrementAndGet();
  }

  void recordOverload() {
    overloads.increment();
  }

  void recordLatency(long nanos) {
    long old;
    long next;
    do {
      old = latencyNanos.get();
      next = old == NO_LATENCY ? nanos : old + ((nanos - old) >> LATENCY_SHIFT);
    } while (!latencyNanos.compareAndSet(old, next));
  }

  int consecutiveFailures() {
    return consecutiveFailures.get();
  }

  boolean isEjected() {
    return ejected;
  }

  long ejectedUntilNanos() {
    return ejectedUntilNanos;
  }

  int recentEjections() {
    return recentEjections;
  }

  long readmittedAtNanos() {
    return readmittedAtNanos;
  }

  void eject(long untilNanos, int recentEjections) {
    this.recentEjections = recentEjections;
    this.ejectedUntilNanos = untilNanos;
    this.ejected = true;
  }

  void readmit(long nowNanos) {
    readmittedAtNanos = nowNanos;
    consecutiveFailures.set(0);
    ejected = false;
  }

  TargetStats stats(int replicas) {
    long latency = latencyNanos.get();
    return new TargetStats(key, replicas, requests.sum(), inFlight(), failures.sum(), overloads.sum(),
        ejected, latency == NO_LATENCY ? Duration.ZERO : Duration.ofNanos(latency));
  }
}
