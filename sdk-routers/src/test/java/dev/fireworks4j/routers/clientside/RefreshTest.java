package dev.fireworks4j.routers.clientside;

import static dev.fireworks4j.routers.clientside.FakeTopology.ALIAS;
import static dev.fireworks4j.routers.clientside.FakeTopology.name;
import static dev.fireworks4j.routers.clientside.FakeTopology.ready;
import static dev.fireworks4j.routers.clientside.FakeTopology.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.endpoint.RoutingEndpointResolver.Route;
import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.http.Headers;
import dev.fireworks4j.core.testing.CapturedLogs;
import dev.fireworks4j.routers.picker.PickerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class RefreshTest {
  private static final String THREAD_PREFIX = "fireworks4j-router-refresh-";
  private static final Duration FAST = Duration.ofMillis(2);
  private final FakeTopology topology = new FakeTopology();

  @Test
  void aRefreshSwapsTheTopologyAndKeepsTheCountersOfDeploymentsThatStay() {
    topology.set(ready("a", 1), ready("b", 1));
    try (ClientSideRouter router = topology.router().build()) {
      for (int i = 0; i < 20; i++) {
        send(router, 200);
      }
      long requestsOfB = router.stats().get(name("b")).requests();
      Route inFlightOnA = router.route(Plane.INFERENCE, ALIAS, Set.of(name("b")));
      inFlightOnA.onResponse(200, Headers.empty());

      topology.set(ready("b", 2), ready("c", 1));
      assertThat(router.refresh().deployments()).extracting(RoutedDeployment::name).containsExactly(name("b"),
          name("c"));

      Set<String> seen = new HashSet<>();
      for (int i = 0; i < 100; i++) {
        seen.add(send(router, 200));
      }
      assertThat(seen).containsExactlyInAnyOrder(name("b"), name("c"));
      assertThat(router.stats()).containsOnlyKeys(name("b"), name("c"));
      assertThat(router.stats().get(name("b")).replicas()).isEqualTo(2);
      assertThat(router.stats().get(name("b")).requests()).isGreaterThan(requestsOfB);
      inFlightOnA.onComplete(); // a lease on a deployment that left is still released quietly
      assertThat(topology.fetches()).isEqualTo(2);
    }
  }

  @Test
  void aFailedRefreshThrowsAndRoutingKeepsTheLastTopology() {
    topology.set(ready("a", 1));
    try (ClientSideRouter router = topology.router().build()) {
      FireworksException down = new FireworksException("control plane down");
      topology.failWith(down);
      assertThatThrownBy(router::refresh).isSameAs(down);
      assertThat(send(router, 200)).isEqualTo(name("a"));
    }
  }

  @Test
  void aDeploymentRemovedBetweenThePickAndTheLookupIsPickedAgain() {
    AtomicReference<Runnable> duringPick = new AtomicReference<>();
    topology.set(ready("a", 1), ready("b", 1));
    try (ClientSideRouter router = topology.router().pickerOptions(PickerOptions.builder().random(bound -> {
      Runnable hook = duringPick.getAndSet(null);
      if (hook != null) {
        hook.run();
      }
      return 0;
    }).build()).build()) {
      topology.set(ready("c", 1));
      duringPick.set(router::refresh); // the pick reads the old table, then the refresh removes its choice
      Route route = router.route(Plane.INFERENCE, ALIAS, Set.of());
      assertThat(route.target()).isEqualTo(name("c"));
      assertThat(duringPick.get()).isNull();
      assertThat(router.stats().get(name("c")).inFlight()).isEqualTo(1);
    }
  }

  @Test
  void aFailedFirstFetchFailsTheBuildAndStartsNoThread() {
    topology.failWith(new FireworksException("router not found"));
    List<Thread> before = refreshThreads();
    assertThatThrownBy(() -> topology.router().refreshInterval(FAST).build()).hasMessage("router not found");
    assertThat(refreshThreads()).containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void theRouterRefreshesInTheBackgroundAndCloseStopsItsThread() throws InterruptedException {
    topology.set(ready("a", 1));
    List<Thread> before = refreshThreads();
    ClientSideRouter router = topology.router().refreshInterval(FAST).build();
    awaitTrue(() -> topology.fetches() >= 3);
    topology.set(ready("b", 1));
    awaitTrue(() -> router.stats().containsKey(name("b")));
    List<Thread> started = refreshThreads();
    started.removeAll(before);
    assertThat(started).hasSize(1).allSatisfy(thread -> assertThat(thread.isDaemon()).isTrue());

    router.close();
    router.close();
    started.get(0).join(5_000);
    assertThat(started.get(0).isAlive()).isFalse();
    assertThat(send(router, 200)).isEqualTo(name("b"));
  }

  @Test
  void aFailedBackgroundRefreshIsLoggedAndTheNextOneRuns() {
    topology.set(ready("a", 1));
    CapturedLogs.clear();
    try (ClientSideRouter router = topology.router().refreshInterval(FAST).build()) {
      topology.failWith(new FireworksException("control plane down"));
      int failedFrom = topology.fetches();
      awaitTrue(() -> topology.fetches() >= failedFrom + 2);
      assertThat(send(router, 200)).isEqualTo(name("a"));
      topology.set(ready("b", 1));
      awaitTrue(() -> router.stats().containsKey(name("b")));
    }
    assertThat(CapturedLogs.text()).contains("refreshing accounts/acct/routers/r failed; routing stays on the last"
        + " topology until the next refresh: dev.fireworks4j.core.error.FireworksException: control plane down");
  }

  @Test
  void aGivenSchedulerRunsTheRefreshesAndKeepsRunningAfterClose() throws Exception {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    scheduler.setRemoveOnCancelPolicy(true);
    try {
      topology.set(ready("a", 1));
      List<Thread> before = refreshThreads();
      ClientSideRouter router = topology.router().scheduler(scheduler).refreshInterval(FAST).build();
      awaitTrue(() -> topology.fetches() >= 3);
      assertThat(refreshThreads()).containsExactlyInAnyOrderElementsOf(before);
      router.close();
      scheduler.submit(() -> { }).get(5, TimeUnit.SECONDS); // a refresh running at close has ended
      int fetches = topology.fetches();
      assertThat(scheduler.isShutdown()).isFalse();
      assertThat(scheduler.getQueue()).isEmpty();
      assertThat(topology.fetches()).isEqualTo(fetches);
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void withoutARefreshIntervalOnlyRefreshOnDemandFetches() {
    topology.set(ready("a", 1));
    List<Thread> before = refreshThreads();
    try (ClientSideRouter router = topology.router().refreshInterval(Duration.ZERO).build()) {
      assertThat(refreshThreads()).containsExactlyInAnyOrderElementsOf(before);
      router.refresh();
      assertThat(topology.fetches()).isEqualTo(2);
    }
  }

  private static List<Thread> refreshThreads() {
    List<Thread> threads = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith(THREAD_PREFIX) && thread.isAlive()) {
        threads.add(thread);
      }
    }
    return threads;
  }

  /** Waits (up to 5 s, polling every millisecond) until the condition holds. */
  private static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("condition not met within 5 s").isNegative();
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
