package dev.fireworks4j.routers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.fireworks4j.core.error.FireworksTimeoutException;
import dev.fireworks4j.core.error.PermissionDeniedException;
import dev.fireworks4j.core.model.State;
import dev.fireworks4j.core.model.StatusCode;
import dev.fireworks4j.core.retry.TimeSource;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.testing.WireMockTestBase;
import dev.fireworks4j.routers.wait.TerminalStateException;
import dev.fireworks4j.routers.wait.WaitOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The clients' waiters against a server whose answers change from poll to poll. */
class AwaitTest extends WireMockTestBase {
  private static final String ROUTER = "/v1/accounts/acct/routers/r1";
  private static final String DEPLOYMENT = "/v1/accounts/acct/deployments/d1";

  /** Answers GETs of {@code path} with {@code responses} in order, repeating the last one. */
  private void sequence(String path, ResponseDefinitionBuilder... responses) {
    for (int i = 0; i < responses.length; i++) {
      String state = i == 0 ? Scenario.STARTED : "poll-" + i;
      var stub = get(path).inScenario(path).whenScenarioStateIs(state).willReturn(responses[i]);
      server.stubFor(i + 1 < responses.length ? stub.willSetStateTo("poll-" + (i + 1)) : stub);
    }
  }

  private static ResponseDefinitionBuilder router(String state) {
    return okJson("{\"name\":\"accounts/acct/routers/r1\",\"state\":\"" + state + "\"}");
  }

  private static ResponseDefinitionBuilder deployment(String state) {
    return okJson("{\"name\":\"accounts/acct/deployments/d1\",\"state\":\"" + state + "\",\"replicaCount\":1}");
  }

  @Test
  void routerAwaitReadyPollsWithBackoffUntilReady() {
    sequence(ROUTER, router("CREATING"), router("UPDATING"), router("READY"));

    assertThat(routers.awaitReady("r1", fastWait(Duration.ofMinutes(5))).state()).contains(State.READY);

    assertThat(requests()).hasSize(3);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(1500));
  }

  @Test
  void routerAwaitReadyFailsWhenTheRouterIsBeingDeleted() {
    sequence(ROUTER, router("CREATING"), router("DELETING"));

    assertThatThrownBy(() -> routers.awaitReady("r1", fastWait(Duration.ofMinutes(5))))
        .isInstanceOfSatisfying(TerminalStateException.class, e -> {
          assertThat(e.state()).isEqualTo(State.DELETING);
          assertThat(e.resourceName()).isEqualTo("accounts/acct/routers/r1");
        });
  }

  @Test
  void routerAwaitReadyTimesOutNamingTheLastState() {
    sequence(ROUTER, router("CREATING"));

    assertThatThrownBy(() -> routers.awaitReady("r1", fastWait(Duration.ofSeconds(10))))
        .isInstanceOf(FireworksTimeoutException.class)
        .hasMessageContaining("router accounts/acct/routers/r1 to be READY")
        .hasMessageContaining("last seen: CREATING");
    assertThat(time.sleeps().stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void routerAwaitReadyAsyncCompletes() {
    sequence(ROUTER, router("CREATING"), router("READY"));

    assertThat(routers.async().awaitReady("r1", fastWait(Duration.ofMinutes(1))).join().state())
        .contains(State.READY);
  }

  @Test
  void deploymentAwaitReadyFailsOnFailedWithTheServersStatus() {
    sequence(DEPLOYMENT, deployment("CREATING"), okJson("{\"name\":\"accounts/acct/deployments/d1\","
        + "\"state\":\"FAILED\",\"status\":{\"code\":\"RESOURCE_EXHAUSTED\",\"message\":\"no H100 capacity\"}}"));

    assertThatThrownBy(() -> deployments.awaitReady("d1", fastWait(Duration.ofMinutes(5))))
        .isInstanceOfSatisfying(TerminalStateException.class, e -> {
          assertThat(e.state()).isEqualTo(State.FAILED);
          assertThat(e.status().flatMap(s -> s.code())).contains(StatusCode.RESOURCE_EXHAUSTED);
          assertThat(e).hasMessage("accounts/acct/deployments/d1 is FAILED: RESOURCE_EXHAUSTED no H100 capacity");
        });
    assertThat(requests()).hasSize(2);
  }

  @Test
  void deploymentAwaitReadyTreatsDeletedAndDeletingAsTerminal() {
    sequence(DEPLOYMENT, deployment("DELETED"));
    assertThatThrownBy(() -> deployments.awaitReady("d1", fastWait(Duration.ofMinutes(5))))
        .isInstanceOfSatisfying(TerminalStateException.class, e -> assertThat(e.state()).isEqualTo(State.DELETED));

    server.resetAll();
    sequence(DEPLOYMENT, deployment("DELETING"));
    assertThatThrownBy(() -> deployments.async().awaitReady("d1", fastWait(Duration.ofMinutes(5))).join())
        .hasCauseInstanceOf(TerminalStateException.class);
  }

  @Test
  void deploymentAwaitReadyReturnsTheReadyDeployment() {
    sequence(DEPLOYMENT, deployment("CREATING"), deployment("CREATING"), deployment("READY"));

    Deployment ready = deployments.awaitReady("d1", fastWait(Duration.ofMinutes(5)));

    assertThat(ready.state()).contains(State.READY);
    assertThat(requests()).hasSize(3);
  }

  @Test
  void awaitDeletedEndsOnA404() {
    sequence(DEPLOYMENT, deployment("DELETING"), aResponse().withStatus(404));

    deployments.awaitDeleted("d1", fastWait(Duration.ofMinutes(5)));

    assertThat(requests()).hasSize(2);
  }

  @Test
  void awaitDeletedEndsOnDeleted() {
    sequence(DEPLOYMENT, deployment("READY"), deployment("DELETING"), deployment("DELETED"));

    deployments.awaitDeleted("d1", fastWait(Duration.ofMinutes(5)));

    assertThat(requests()).hasSize(3);
  }

  @Test
  void awaitDeletedTimesOut() {
    sequence(DEPLOYMENT, deployment("DELETING"));

    assertThatThrownBy(() -> deployments.awaitDeleted("d1", fastWait(Duration.ofSeconds(3))))
        .isInstanceOf(FireworksTimeoutException.class).hasMessageContaining("last seen: DELETING");
  }

  @Test
  void awaitDeletedAsyncEndsOnA404AndPassesOtherErrorsOn() throws Exception {
    sequence(DEPLOYMENT, deployment("DELETING"), aResponse().withStatus(404));
    assertThat(deployments.async().awaitDeleted("d1", fastWait(Duration.ofMinutes(1))).get()).isNull();

    server.resetAll();
    sequence(DEPLOYMENT, aResponse().withStatus(403));
    assertThat(deployments.async().awaitDeleted("d1", fastWait(Duration.ofMinutes(1))))
        .failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void cancellingAnAsyncAwaitDeletedStopsThePolling() {
    sequence(DEPLOYMENT, deployment("DELETING"));
    List<CompletableFuture<Void>> delays = new CopyOnWriteArrayList<>();
    TimeSource manual = new TimeSource() {
      @Override
      public long nanoTime() {
        return time.nanoTime();
      }

      @Override
      public Clock clock() {
        return time.clock();
      }

      @Override
      public void sleep(Duration duration) {
        throw new AssertionError("the async waiter must not block");
      }

      @Override
      public CompletableFuture<Void> delay(Duration duration) {
        CompletableFuture<Void> delay = new CompletableFuture<>();
        delays.add(delay);
        return delay;
      }
    };

    CompletableFuture<Void> wait = deployments.async().awaitDeleted("d1",
        WaitOptions.builder().timeSource(manual).build());
    assertThat(wait).isNotDone();
    waitUntil(() -> !delays.isEmpty());
    wait.cancel(false);

    assertThat(delays.get(0)).isCancelled();
    assertThat(requests()).hasSize(1);
  }

  private static void waitUntil(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met in 5 s");
      }
      Thread.onSpinWait();
    }
  }
}
