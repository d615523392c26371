package dev.fireworks4j.routers.clientside;

import static dev.fireworks4j.routers.clientside.FakeTopology.ALIAS;
import static dev.fireworks4j.routers.clientside.FakeTopology.name;
import static dev.fireworks4j.routers.clientside.FakeTopology.ready;
import static dev.fireworks4j.routers.clientside.FakeTopology.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.endpoint.RoutingEndpointResolver.Route;
import dev.fireworks4j.core.error.ConfigurationException;
import dev.fireworks4j.core.error.ConnectionException;
import dev.fireworks4j.core.error.FireworksTimeoutException;
import dev.fireworks4j.core.http.Headers;
import dev.fireworks4j.routers.model.RouterStrategy;
import dev.fireworks4j.routers.picker.Outcome;
import dev.fireworks4j.routers.picker.PickerOptions;
import dev.fireworks4j.routers.picker.RandomSource;
import dev.fireworks4j.routers.picker.TargetStats;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HealthTest {
  private final FakeTopology topology = new FakeTopology();
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final ClientSideRouter.Builder builder = topology.router().pickerOptions(PickerOptions.builder()
      .random(RandomSource.seeded(3)).nanoClock(nanos::get).build());

  @Test
  void statusesAndFailuresMapToOutcomes() {
    assertThat(AttemptRoute.outcomeOf(200)).isEqualTo(Outcome.SUCCESS);
    assertThat(AttemptRoute.outcomeOf(204)).isEqualTo(Outcome.SUCCESS);
    assertThat(AttemptRoute.outcomeOf(400)).isEqualTo(Outcome.SUCCESS);
    assertThat(AttemptRoute.outcomeOf(404)).isEqualTo(Outcome.SUCCESS);
    assertThat(AttemptRoute.outcomeOf(408)).isEqualTo(Outcome.SUCCESS);
    assertThat(AttemptRoute.outcomeOf(429)).isEqualTo(Outcome.OVERLOADED);
    assertThat(AttemptRoute.outcomeOf(503)).isEqualTo(Outcome.OVERLOADED);
    assertThat(AttemptRoute.outcomeOf(500)).isEqualTo(Outcome.FAILURE);
    assertThat(AttemptRoute.outcomeOf(502)).isEqualTo(Outcome.FAILURE);
    assertThat(AttemptRoute.outcomeOf(504)).isEqualTo(Outcome.FAILURE);
    assertThat(AttemptRoute.outcomeOf(new ConnectionException("reset", true, null))).isEqualTo(Outcome.FAILURE);
    assertThat(AttemptRoute.outcomeOf(new FireworksTimeoutException("slow", null))).isEqualTo(Outcome.FAILURE);
    assertThat(AttemptRoute.outcomeOf(new CompletionException(new IOException("eof")))).isEqualTo(Outcome.FAILURE);
    assertThat(AttemptRoute.outcomeOf(new CancellationException())).isEqualTo(Outcome.CANCELLED);
    assertThat(AttemptRoute.outcomeOf(new ConfigurationException("no API key"))).isEqualTo(Outcome.CANCELLED);
  }

  @Test
  void aDeploymentFailingFiveTimesInARowIsEjectedAndGetsNoMoreTraffic() {
    topology.set(ready("a", 3), ready("b", 1));
    try (ClientSideRouter router = builder.build()) {
      for (int i = 0; i < 5; i++) {
        assertThat(send(router, 500, Set.of(name("a")))).isEqualTo(name("b"));
      }
      TargetStats b = router.stats().get(name("b"));
      assertThat(b.failures()).isEqualTo(5);
      assertThat(b.ejected()).isTrue();
      assertThat(b.inFlight()).isZero();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < 200; i++) {
        seen.add(send(router, 200));
      }
      assertThat(seen).containsExactly(name("a"));
      nanos.addAndGet(Duration.ofSeconds(31).toNanos());
      for (int i = 0; i < 200; i++) {
        seen.add(send(router, 200));
      }
      assertThat(seen).contains(name("b"));
      assertThat(router.stats().get(name("b")).ejected()).isFalse();
    }
  }

  @Test
  void connectionFailuresAndTimeoutsCountTowardsEjection() {
    topology.set(ready("a", 3), ready("b", 1));
    try (ClientSideRouter router = builder.build()) {
      for (int i = 0; i < 5; i++) {
        Route route = router.route(Plane.INFERENCE, ALIAS, Set.of(name("a")));
        route.onFailure(i % 2 == 0 ? new ConnectionException("refused", false, null)
            : new FireworksTimeoutException("no response", null));
      }
      assertThat(router.stats().get(name("b"))).satisfies(b -> {
        assertThat(b.failures()).isEqualTo(5);
        assertThat(b.ejected()).isTrue();
        assertThat(b.inFlight()).isZero();
      });
    }
  }

  @Test
  void overloadIsPenalisedButNeverEjects() {
    topology.set(ready("a", 3), ready("b", 1));
    try (ClientSideRouter router = builder.build()) {
      for (int i = 0; i < 10; i++) {
        send(router, i % 2 == 0 ? 429 : 503, Set.of(name("a")));
      }
      TargetStats b = router.stats().get(name("b"));
      assertThat(b.overloads()).isEqualTo(10);
      assertThat(b.failures()).isZero();
      assertThat(b.ejected()).isFalse();
    }
  }

  @Test
  void clientErrorsAndCancellationsDoNotCountAgainstTheDeployment() {
    topology.set(ready("a", 3), ready("b", 1));
    try (ClientSideRouter router = builder.build()) {
      for (int i = 0; i < 4; i++) {
        send(router, 500, Set.of(name("a")));
      }
      send(router, 400, Set.of(name("a"))); // ends the run of failures
      for (int i = 0; i < 4; i++) {
        send(router, 502, Set.of(name("a")));
      }
      for (int i = 0; i < 10; i++) {
        router.route(Plane.INFERENCE, ALIAS, Set.of(name("a"))).onFailure(new CancellationException());
      }
      TargetStats b = router.stats().get(name("b"));
      assertThat(b.failures()).isEqualTo(8);
      assertThat(b.ejected()).isFalse();
      assertThat(b.inFlight()).isZero();
    }
  }

  @Test
  void aSuccessStaysInFlightUntilItsBodyIsDoneAnErrorIsReleasedAtOnce() {
    topology.set(ready("a", 1));
    try (ClientSideRouter router = builder.build()) {
      Route stream = router.route(Plane.INFERENCE, ALIAS, Set.of());
      stream.onResponse(200, Headers.empty());
      assertThat(router.stats().get(name("a")).inFlight()).isEqualTo(1);
      stream.onComplete();
      stream.onComplete();
      assertThat(router.stats().get(name("a")).inFlight()).isZero();

      Route error = router.route(Plane.INFERENCE, ALIAS, Set.of());
      error.onResponse(500, Headers.empty());
      assertThat(router.stats().get(name("a")).inFlight()).isZero();
      error.onComplete();
      assertThat(router.stats().get(name("a"))).satisfies(a -> {
        assertThat(a.requests()).isEqualTo(2);
        assertThat(a.failures()).isEqualTo(1);
        assertThat(a.inFlight()).isZero();
      });
    }
  }

  @Test
  void theLatencyIsTheTimeToTheResponseHead() {
    topology.set(ready("a", 1));
    try (ClientSideRouter router = builder.build()) {
      Route route = router.route(Plane.INFERENCE, ALIAS, Set.of());
      nanos.addAndGet(Duration.ofMillis(250).toNanos());
      route.onResponse(200, Headers.empty());
      nanos.addAndGet(Duration.ofSeconds(30).toNanos());
      route.onComplete();
      assertThat(router.stats().get(name("a")).latency()).isEqualTo(Duration.ofMillis(250));
    }
  }

  @Test
  void theServerReportedLoadSteersEvenLoadPicks() {
    topology.set(RouterStrategy.EVEN_LOAD, ready("a", 1), ready("b", 1));
    try (ClientSideRouter router = builder.build()) {
      report(router, name("a"), " 40 ");
      report(router, name("b"), "1");
      for (int i = 0; i < 20; i++) {
        assertThat(send(router, 200)).isEqualTo(name("b"));
      }
    }
  }

  /** Sends one request to {@code deployment} whose answer reports {@code load}. */
  private static void report(ClientSideRouter router, String deployment, String load) {
    Set<String> others = new HashSet<>(Set.of(name("a"), name("b")));
    others.remove(deployment);
    Route route = router.route(Plane.INFERENCE, ALIAS, others);
    assertThat(route.target()).isEqualTo(deployment);
    route.onResponse(200, Headers.builder().add(AttemptRoute.SERVER_LOAD_HEADER, load).build());
    route.onComplete();
  }

  @Test
  void malformedOrNegativeServerLoadIsIgnored() {
    topology.set(RouterStrategy.EVEN_LOAD, ready("a", 1), ready("b", 1));
    try (ClientSideRouter router = builder.build()) {
      report(router, name("b"), "1");
      for (String value : new String[] {"many", "-3", ""}) {
        report(router, name("a"), value);
      }
      for (int i = 0; i < 20; i++) { // without a report of its own, a counts as loaded as b was reported
        assertThat(send(router, 200)).isEqualTo(name("b"));
      }
    }
  }

  @Test
  void aRetryGoesToADeploymentTheCallHasNotTriedWhileThereIsOne() {
    topology.set(ready("a", 100), ready("b", 1), ready("c", 1));
    try (ClientSideRouter router = builder.build()) {
      Set<String> avoid = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        Route route = router.route(Plane.INFERENCE, ALIAS, avoid);
        assertThat(avoid).doesNotContain(route.target());
        route.onResponse(503, Headers.empty());
        avoid.add(route.target());
      }
      assertThat(avoid).containsExactlyInAnyOrder(name("a"), name("b"), name("c"));
      Route again = router.route(Plane.INFERENCE, ALIAS, avoid);
      assertThat(again.target()).isIn(avoid);
      again.onFailure(new CancellationException());
      assertThat(router.stats().values()).allSatisfy(s -> assertThat(s.inFlight()).isZero());
    }
  }
}
