package dev.fireworks4j.benchmarks.picker;

import dev.fireworks4j.routers.picker.Lease;
import dev.fireworks4j.routers.picker.Outcome;
import dev.fireworks4j.routers.picker.PickStrategy;
import dev.fireworks4j.routers.picker.ReplicaPicker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one pick, shared by all benchmark threads: weighted random (no lease), even load including the
 * lease's acquire and release, and sticky (rendezvous hashing of a fresh affinity key). Run the thread counts
 * with JMH's {@code -t}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PickerBenchmark {

  /** Number of deployments, with replica counts from 1 to 8. */
  @Param({"4", "16"})
  public int deployments;

  private ReplicaPicker picker;

  /** Builds the picker; replica counts are random but the same on every run. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(17);
    Map<String, Integer> replicas = new LinkedHashMap<>();
    for (int i = 0; i < deployments; i++) {
      replicas.put("accounts/bench/deployments/d" + i, 1 + random.nextInt(8));
    }
    picker = ReplicaPicker.create();
    picker.update(replicas);
  }

  /**
   * One weighted random pick.
   *
   * @return the picked deployment
   */
  @Benchmark
  public Optional<String> weightedRandom() {
    return picker.pick();
  }

  /**
   * One even-load pick, with its lease acquired and released.
   *
   * @return the released lease
   */
  @Benchmark
  public Lease evenLoad() {
    Lease lease = picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow();
    lease.release(Outcome.SUCCESS);
    return lease;
  }

  /**
   * One sticky pick for the thread's next affinity key.
   *
   * @param keys the thread's affinity keys
   * @return the picked deployment
   */
  @Benchmark
  public Optional<String> sticky(AffinityKeys keys) {
    return picker.pickFor(keys.next());
  }

  /** A thread's cycle of user ids, so that every sticky pick hashes a different key. */
  @State(Scope.Thread)
  public static class AffinityKeys {
    private static final int COUNT = 1024;

    private final String[] keys = new String[COUNT];
    private int next;

    /** Creates the keys, shaped like OpenAI {@code user} values. */
    public AffinityKeys() {
      for (int i = 0; i < COUNT; i++) {
        keys[i] = "user-" + (100_000 + i * 7919);
      }
    }

    String next() {
      next = (next + 1) & (COUNT - 1);
      return keys[next];
    }
  }
}
