package dev.fireworks4j.routers.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.error.FireworksTimeoutException;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.retry.TimeSource;
import dev.fireworks4j.core.testing.FakeTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WaiterTest {
  private final FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));

  private WaitOptions.Builder options() {
    return WaitOptions.builder().timeSource(time);
  }

  private Waiter<String> readyWaiter(WaitOptions options) {
    return Waiter.<String>builder("thing to be READY")
        .options(options)
        .until("READY"::equals)
        .failWhen("FAILED"::equals, state -> new IllegalStateException("it FAILED"))
        .build();
  }

  /** A poll that returns {@code states} in order, then repeats the last one. */
  private static Supplier<String> sequence(AtomicInteger polls, String... states) {
    Deque<String> queue = new ArrayDeque<>(List.of(states));
    return () -> {
      polls.incrementAndGet();
      return queue.size() > 1 ? queue.poll() : queue.peek();
    };
  }

  @Test
  void returnsTheFirstValueThatMeetsTheConditionAfterGrowingSleeps() {
    AtomicInteger polls = new AtomicInteger();

    String result = readyWaiter(options().build()).await(sequence(polls, "CREATING", "CREATING", "READY"));

    assertThat(result).isEqualTo("READY");
    assertThat(polls).hasValue(3);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(1500));
  }

  @Test
  void intervalsGrowByTheMultiplierUpToTheMaximum() {
    WaitOptions options = options().initialInterval(Duration.ofSeconds(1)).maxInterval(Duration.ofSeconds(3))
        .multiplier(2).build();

    readyWaiter(options).await(sequence(new AtomicInteger(), "A", "B", "C", "D", "E", "READY"));

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
        Duration.ofSeconds(3), Duration.ofSeconds(3));
  }

  @Test
  void aTimeoutCutsTheLastSleepPollsOnceMoreAndNamesTheLastState() {
    AtomicInteger polls = new AtomicInteger();
    Waiter<String> waiter = Waiter.<String>builder("router r to be READY")
        .options(options().timeout(Duration.ofSeconds(4)).build())
        .until("READY"::equals)
        .describe(state -> "state " + state)
        .build();

    assertThatThrownBy(() -> waiter.await(sequence(polls, "CREATING")))
        .isInstanceOf(FireworksTimeoutException.class)
        .hasMessage("gave up after PT4S waiting for router r to be READY; last seen: state CREATING");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofMillis(1500));
    assertThat(polls).hasValue(4);
  }

  @Test
  void aTerminalValueEndsTheWaitWithItsException() {
    AtomicInteger polls = new AtomicInteger();

    assertThatThrownBy(() -> readyWaiter(options().build()).await(sequence(polls, "CREATING", "FAILED", "READY")))
        .isInstanceOf(IllegalStateException.class).hasMessage("it FAILED");
    assertThat(polls).hasValue(2);
  }

  @Test
  void aFailedPollEndsTheWait() {
    assertThatThrownBy(() -> readyWaiter(options().build()).await(() -> {
      throw new FireworksException("boom");
    })).hasMessage("boom");
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void anInterruptedSleepStopsTheWaitAndKeepsTheInterruptFlag() {
    TimeSource interrupting = new DelegatingTime(time) {
      @Override
      public void sleep(Duration duration) throws InterruptedException {
        throw new InterruptedException();
      }
    };
    try {
      assertThatThrownBy(() -> readyWaiter(WaitOptions.builder().timeSource(interrupting).build())
          .await(() -> "CREATING"))
          .isInstanceOf(FireworksException.class)
          .hasMessageContaining("interrupted while waiting for thing to be READY");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void asyncCompletesWithTheValue() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    Supplier<String> states = sequence(polls, "CREATING", "UPDATING", "READY");

    CompletableFuture<String> result = readyWaiter(options().build())
        .awaitAsync(() -> CompletableFuture.completedFuture(states.get()));

    assertThat(result.get()).isEqualTo("READY");
    assertThat(polls).hasValue(3);
    assertThat(time.sleeps()).hasSize(2);
  }

  @Test
  void asyncFailsOnTerminalValuesTimeoutsAndFailedPolls() {
    Waiter<String> waiter = readyWaiter(options().timeout(Duration.ofSeconds(2)).build());

    assertThat(waiter.awaitAsync(() -> CompletableFuture.completedFuture("FAILED")))
        .failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(IllegalStateException.class);
    assertThat(waiter.awaitAsync(() -> CompletableFuture.completedFuture("CREATING")))
        .failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(FireworksTimeoutException.class);
    assertThat(waiter.awaitAsync(() -> CompletableFuture.failedFuture(new FireworksException("down"))))
        .failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(FireworksException.class).withMessageContaining("down");
  }

  @Test
  void cancellingTheAsyncWaitCancelsThePendingDelayAndStopsPolling() {
    List<CompletableFuture<Void>> delays = new ArrayList<>();
    TimeSource manual = new DelegatingTime(time) {
      @Override
      public CompletableFuture<Void> delay(Duration duration) {
        CompletableFuture<Void> delay = new CompletableFuture<>();
        delays.add(delay);
        return delay;
      }
    };
    AtomicInteger polls = new AtomicInteger();

    CompletableFuture<String> result = readyWaiter(WaitOptions.builder().timeSource(manual).build())
        .awaitAsync(() -> {
          polls.incrementAndGet();
          return CompletableFuture.completedFuture("CREATING");
        });
    assertThat(polls).hasValue(1);
    delays.get(0).complete(null);
    assertThat(polls).hasValue(2);

    result.cancel(false);

    assertThat(delays).hasSize(2);
    assertThat(delays.get(1)).isCancelled();
    delays.get(1).complete(null);
    assertThat(polls).hasValue(2);
  }

  @Test
  void cancellingTheAsyncWaitCancelsAPollInFlight() {
    CompletableFuture<String> inFlight = new CompletableFuture<>();

    CompletableFuture<String> result = readyWaiter(options().build()).awaitAsync(() -> inFlight);
    result.cancel(false);

    assertThat(inFlight).isCancelled();
  }

  @Test
  void waitOptionsRejectNonsense() {
    assertThatThrownBy(() -> WaitOptions.builder().timeout(Duration.ZERO).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("timeout"));
    assertThatThrownBy(() -> WaitOptions.builder().initialInterval(Duration.ofSeconds(20)).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("maxInterval"));
    assertThatThrownBy(() -> WaitOptions.builder().multiplier(0.5).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("multiplier"));
    assertThatThrownBy(() -> WaitOptions.builder().multiplier(Double.NaN).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("multiplier"));
    assertThat(WaitOptions.timeout(Duration.ofMinutes(5)).timeout()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aWaiterNeedsACondition() {
    assertThatThrownBy(() -> Waiter.<String>builder("x").build()).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("until");
  }

  /** Delegates to another time source; tests override one method. */
  private static class DelegatingTime implements TimeSource {
    private final TimeSource delegate;

    DelegatingTime(TimeSource delegate) {
      this.delegate = delegate;
    }

    @Override
    public long nanoTime() {
      return delegate.nanoTime();
    }

    @Override
    public Clock clock() {
      return delegate.clock();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      delegate.sleep(duration);
    }

    @Override
    public CompletableFuture<Void> delay(Duration duration) {
      return delegate.delay(duration);
    }
  }
}
