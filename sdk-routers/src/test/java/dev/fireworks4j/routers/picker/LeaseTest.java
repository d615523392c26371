package dev.fireworks4j.routers.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class LeaseTest {

  private final ReplicaPicker picker = ReplicaPicker.create();

  @Test
  void aLeaseIsReleasedOnceHoweverOftenItIsClosed() {
    picker.update(Map.of("a", 1));
    Lease lease = picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow();
    assertThat(inFlight("a")).isEqualTo(1);
    assertThat(lease.isReleased()).isFalse();

    lease.close();
    lease.close();
    assertThat(lease.release(Outcome.FAILURE)).isFalse();

    assertThat(lease.isReleased()).isTrue();
    assertThat(inFlight("a")).isZero();
    assertThat(picker.stats().get("a").failures()).isZero();
    assertThat(picker.stats().get("a").requests()).isEqualTo(1);
  }

  @Test
  void theFirstReleaseDecidesTheOutcome() {
    picker.update(Map.of("a", 1));
    try (Lease lease = picker.acquire(PickStrategy.WEIGHTED_RANDOM).orElseThrow()) {
      assertThat(lease.release(Outcome.FAILURE)).isTrue();
      assertThat(lease.release(Outcome.SUCCESS)).isFalse();
    }
    assertThat(picker.stats().get("a").failures()).isEqualTo(1);
  }

  @Test
  void twoThreadsReleasingTheSameLeasesReleaseEachExactlyOnce() throws Exception {
    picker.update(Map.of("a", 1, "b", 2));
    List<Lease> leases = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      leases.add(picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow());
    }
    CountDownLatch start = new CountDownLatch(1);
    LongAdder released = new LongAdder();
    Runnable releaseAll = () -> {
      try {
        start.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      for (Lease lease : leases) {
        if (lease.release(Outcome.SUCCESS)) {
          released.increment();
        }
      }
    };
    Thread first = new Thread(releaseAll);
    Thread second = new Thread(releaseAll);
    first.start();
    second.start();
    start.countDown();
    first.join();
    second.join();

    assertThat(released.sum()).isEqualTo(leases.size());
    assertThat(inFlight("a")).isZero();
    assertThat(inFlight("b")).isZero();
  }

  @Test
  void inFlightCountsSurviveAnUpdateThatKeepsTheDeployment() {
    picker.update(Map.of("a", 1, "b", 1));
    Lease lease = picker.acquire(PickStrategy.EVEN_LOAD, Set.of("b")).orElseThrow();

    picker.update(Map.of("a", 5, "c", 2));
    assertThat(inFlight("a")).isEqualTo(1);
    // an even-load pick still sees the request: c, idle, takes the next one
    assertThat(picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow().key()).isEqualTo("c");

    lease.release(Outcome.SUCCESS);
    assertThat(inFlight("a")).isZero();
    assertThat(picker.stats().get("a").requests()).isEqualTo(1);
  }

  @Test
  void aLeaseOnARemovedDeploymentReleasesWithoutTouchingItsSuccessor() {
    picker.update(Map.of("a", 1));
    Lease lease = picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow();

    picker.update(Map.of("b", 1));
    picker.update(Map.of("a", 1));
    assertThat(inFlight("a")).isZero();

    assertThat(lease.release(Outcome.SUCCESS)).isTrue();
    assertThat(inFlight("a")).isZero();
  }

  @Test
  void reportedLatenciesAreAveraged() {
    picker.update(Map.of("a", 1));
    assertThat(picker.stats().get("a").latency()).isZero();

    picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow().release(Outcome.SUCCESS, Duration.ofMillis(100));
    assertThat(picker.stats().get("a").latency()).isEqualTo(Duration.ofMillis(100));

    picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow().release(Outcome.SUCCESS, Duration.ofMillis(900));
    assertThat(picker.stats().get("a").latency()).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void invalidArgumentsAreRejected() {
    picker.update(Map.of("a", 1));
    Lease lease = picker.acquire(PickStrategy.EVEN_LOAD).orElseThrow();

    assertThatThrownBy(() -> lease.release(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> lease.release(Outcome.SUCCESS, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> lease.reportServerLoad(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(lease.isReleased()).isFalse();
    assertThat(lease.toString()).isEqualTo("Lease{a}");
  }

  private long inFlight(String key) {
    return picker.stats().get(key).inFlight();
  }
}
