package dev.fireworks4j.routers.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class SnapshotSwapTest {

  private static final int SWAPS = 1000;
  private static final int THREADS = 3;
  private static final int PICKS_PER_THREAD = 1_000_000 / THREADS;

  private final ReplicaPicker picker = ReplicaPicker.create();
  /** Every rotating deployment "r{j}" with j below this was removed by an update that has returned. */
  private final AtomicInteger oldestLive = new AtomicInteger();
  private final CountDownLatch finished = new CountDownLatch(THREADS);
  private final LongAdder picks = new LongAdder();
  private final LongAdder stablePicks = new LongAdder();
  private final Queue<String> violations = new ConcurrentLinkedQueue<>();
  private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();

  @Test
  void picksDuringSwapsNeverFailNorReturnARemovedDeploymentAndCountersReturnToZero() throws Exception {
    picker.update(snapshot(0));
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Thread worker = new Thread(this::pickUntilDone, "picker-" + t);
      workers.add(worker);
      worker.start();
    }

    long totalPicks = (long) THREADS * PICKS_PER_THREAD;
    for (int i = 1; i <= SWAPS; i++) {
      // spread the swaps over the picks
      while (picks.sum() < totalPicks * i / SWAPS && finished.getCount() > 0) {
        Thread.yield();
      }
      // removes r{i-1}: no pick that starts after this returns may see it
      picker.update(snapshot(i));
      oldestLive.set(i);
    }
    for (Thread worker : workers) {
      worker.join();
    }

    assertThat(errors).isEmpty();
    assertThat(violations).isEmpty();
    assertThat(picks.sum()).isEqualTo(totalPicks);
    Map<String, TargetStats> stats = picker.stats();
    assertThat(stats.values()).allSatisfy(s -> assertThat(s.inFlight()).isZero());
    // "a" and "b" lived through every swap: their counters saw every lease taken on them
    assertThat(stats.get("a").requests() + stats.get("b").requests()).isEqualTo(stablePicks.sum());
  }

  private void pickUntilDone() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Queue<Lease> held = new ArrayDeque<>();
    for (int n = 0; n < PICKS_PER_THREAD; n++) {
      try {
        int before = oldestLive.get();
        Optional<Lease> lease = switch (random.nextInt(4)) {
          case 0 -> picker.acquire(PickStrategy.WEIGHTED_RANDOM);
          case 1 -> picker.acquire(PickStrategy.EVEN_LOAD);
          case 2 -> picker.acquireFor("user-" + random.nextInt(100));
          default -> picker.acquire(PickStrategy.EVEN_LOAD, Set.of("a"));
        };
        check(before, lease.orElseThrow().key());
        check(before, picker.pick().orElseThrow());
        if (lease.get().key().length() == 1) {
          stablePicks.increment();
        }
        // hold a few leases across swaps, and release them with every kind of outcome
        held.add(lease.get());
        if (held.size() > 8) {
          Lease oldest = held.remove();
          oldest.release(Outcome.values()[random.nextInt(Outcome.values().length)]);
        }
        picks.increment();
      } catch (Throwable e) {
        errors.add(e);
      }
    }
    held.forEach(Lease::close);
    finished.countDown();
  }

  private void check(int oldestLiveBefore, String key) {
    if (key.startsWith("r") && Integer.parseInt(key.substring(1)) < oldestLiveBefore) {
      violations.add(key + " picked after r" + oldestLiveBefore + " was the oldest live");
    }
  }

  private static Map<String, Integer> snapshot(int i) {
    return Map.of("a", 1 + i % 3, "b", 1 + i % 5, "r" + i, 1 + i % 2);
  }
}
