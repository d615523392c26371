package dev.fireworks4j.testkit.clientside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.retry.RetryPolicy;
import dev.fireworks4j.inference.RawResponse;
import dev.fireworks4j.inference.chat.ChatCompletion;
import dev.fireworks4j.inference.chat.ChatCompletionChunk;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.stream.StreamResponse;
import dev.fireworks4j.routers.clientside.ClientSideRouter;
import dev.fireworks4j.routers.clientside.NoCapacityException;
import dev.fireworks4j.routers.clientside.RoutingMode;
import dev.fireworks4j.routers.clientside.TopologySource;
import dev.fireworks4j.routers.picker.PickStrategy;
import dev.fireworks4j.routers.picker.PickerOptions;
import dev.fireworks4j.routers.picker.RandomSource;
import dev.fireworks4j.routers.picker.TargetStats;
import dev.fireworks4j.testkit.EmulatorConfig;
import dev.fireworks4j.testkit.EmulatorCounters;
import dev.fireworks4j.testkit.Faults;
import dev.fireworks4j.testkit.FireworksEmulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Client-side routing end to end: the front door, a client-side router and the emulator's platform. */
class ClientSideRoutingTest {
  private static final String DIRECT_DEPLOYMENT = "{\"baseModel\":\"" + EmulatorConfig.DEFAULT_BASE_MODEL + "\","
      + "\"minReplicaCount\":%d,\"maxReplicaCount\":%d,\"directRouteType\":\"INTERNET\","
      + "\"directRouteApiKeys\":[\"%s\"]}";

  private FireworksEmulator emulator;
  private Fireworks control;
  private String big;
  private String small;
  private String alias;

  @BeforeEach
  void start() {
    emulator = FireworksEmulator.builder()
        .deployment("big", 3).deployment("small", 1).router("ab", "big", "small")
        .deployment("direct-a", String.format(DIRECT_DEPLOYMENT, 2, 2, "key-of-a"))
        .deployment("direct-b", String.format(DIRECT_DEPLOYMENT, 1, 1, "key-of-b"))
        .router("direct", "direct-a", "direct-b")
        .deployment("idle", 0).router("idle", "idle")
        .routerJson("even", "{\"deployments\":[\"big\",\"small\"],\"evenLoad\":{}}")
        .start();
    control = Fireworks.create(emulator.clientOptions().toBuilder().retryPolicy(RetryPolicy.builder().maxRetries(3)
        .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(1)).build()).build());
    big = emulator.deploymentName("big");
    small = emulator.deploymentName("small");
    alias = emulator.routerName("ab");
  }

  @AfterEach
  void stop() {
    control.close();
    emulator.close();
  }

  private ClientSideRouter.Builder router(String routerId) {
    return ClientSideRouter.builder().router(emulator.routerName(routerId))
        .topology(TopologySource.controlPlane(control.routers(), control.deployments()))
        .endpoints(emulator.endpoints()).refreshInterval(Duration.ZERO)
        .pickerOptions(PickerOptions.builder().random(RandomSource.seeded(11)).build());
  }

  private Fireworks through(ClientSideRouter router) {
    return control.withOptions(options -> options.endpoints(router));
  }

  private ChatCompletionParams hello(String model) {
    return ChatCompletionParams.builder().model(model).addUserMessage("Hello").maxTokens(4).build();
  }

  /** Sends {@code n} chat completions for {@code model}; returns how many each deployment served. */
  private static Map<String, Long> send(Fireworks fw, ChatCompletionParams params, int n) {
    Map<String, Long> served = new HashMap<>();
    for (int i = 0; i < n; i++) {
      RawResponse<ChatCompletion> response = fw.chat().completions().withRawResponse().create(params);
      served.merge(response.metadata().deployment().orElseThrow(), 1L, Long::sum);
    }
    return served;
  }

  @Test
  void theGatewayGetsTheChosenDeploymentAsModelInProportionToReplicas() {
    try (ClientSideRouter router = router("ab").build()) {
      Map<String, Long> served = send(through(router), hello(alias), 200);

      assertThat(served.get(big) / 200.0).isCloseTo(0.75, within(0.08));
      assertThat(served.get(small) / 200.0).isCloseTo(0.25, within(0.08));
      EmulatorCounters counters = emulator.counters();
      assertThat(counters.deployment(big).requests()).isEqualTo(served.get(big));
      assertThat(counters.deployment(small).requests()).isEqualTo(served.get(small));
      assertThat(counters.requestsByRouter()).doesNotContainKey(alias); // the emulator's router was never asked
      Map<String, TargetStats> stats = router.stats();
      assertThat(stats.get(big).requests()).isEqualTo(served.get(big));
      assertThat(stats.get(big).replicas()).isEqualTo(3);
      assertThat(stats.get(small).replicas()).isEqualTo(1);
      assertThat(stats.values()).allSatisfy(s -> {
        assertThat(s.inFlight()).isZero();
        assertThat(s.failures()).isZero();
      });
    }
  }

  @Test
  void aFailingDeploymentIsRetriedElsewhereAndEjected() {
    emulator.setFaults("small", Faults.failing(500));
    try (ClientSideRouter router = router("ab").build()) {
      Map<String, Long> served = send(through(router), hello(alias), 100);

      assertThat(served).containsOnlyKeys(big).containsEntry(big, 100L);
      assertThat(emulator.counters().deployment(small).faulted()).isEqualTo(5);
      assertThat(router.stats().get(small)).satisfies(s -> {
        assertThat(s.requests()).isEqualTo(5);
        assertThat(s.failures()).isEqualTo(5);
        assertThat(s.ejected()).isTrue();
      });
      assertThat(router.stats().get(big).requests()).isEqualTo(100);
    }
  }

  @Test
  void overloadedDeploymentsAreRetriedElsewhereButNotEjected() {
    emulator.setFaults("small", Faults.failing(503));
    try (ClientSideRouter router = router("ab").build()) {
      Map<String, Long> served = send(through(router), hello(alias), 100);

      assertThat(served).containsOnlyKeys(big);
      TargetStats stats = router.stats().get(small);
      assertThat(stats.overloads()).isEqualTo(stats.requests()).isGreaterThan(5);
      assertThat(stats.ejected()).isFalse();
    }
  }

  @Test
  void directRoutesAreCalledAtTheirHandlesWithTheirKeys() {
    try (ClientSideRouter router = router("direct").mode(RoutingMode.DIRECT_ROUTE)
        .directRouteUri(emulator::directRouteUri).build()) {
      Map<String, Long> served = send(through(router), hello(emulator.routerName("direct")), 90);

      String a = emulator.deploymentName("direct-a");
      String b = emulator.deploymentName("direct-b");
      assertThat(served).containsOnlyKeys(a, b);
      assertThat(served.get(a)).isGreaterThan(served.get(b));
      EmulatorCounters counters = emulator.counters();
      assertThat(counters.deployment(a).completed()).isEqualTo(served.get(a));
      assertThat(counters.deployment(b).completed()).isEqualTo(served.get(b));
      assertThat(counters.requestsByRouter()).isEmpty(); // no request went through the gateway
    }
  }

  @Test
  void aRefreshFollowsScalingAndNoCapacityIsATypedError() {
    try (ClientSideRouter router = router("ab").build()) {
      Fireworks fw = through(router);
      control.deployments().scale("small", 0);
      router.refresh();
      assertThat(send(fw, hello(alias), 50)).containsOnlyKeys(big);

      control.deployments().scale("small", 3);
      control.deployments().scale("big", 0);
      router.refresh();
      assertThat(send(fw, hello(alias), 50)).containsOnlyKeys(small);
      assertThat(router.stats().get(big).replicas()).isZero();

      control.deployments().scale("small", 0);
      router.refresh();
      assertThatThrownBy(() -> fw.chat().completions().create(hello(alias)))
          .isInstanceOf(NoCapacityException.class).hasMessageContaining(big + ": 0 replicas");
    }
    try (ClientSideRouter idle = router("idle").build()) {
      assertThatThrownBy(() -> through(idle).chat().completions().create(hello(emulator.routerName("idle"))))
          .isInstanceOf(NoCapacityException.class);
    }
  }

  @Test
  void anAffinityKeyKeepsASessionOnOneDeployment() {
    try (ClientSideRouter router = router("ab").build()) {
      Set<String> used = new HashSet<>();
      for (int i = 0; i < 20; i++) {
        String user = "user-" + i;
        Fireworks session = control.withOptions(options -> options.endpoints(router.withAffinity(user)));
        Map<String, Long> served = send(session, hello(alias), 5);
        assertThat(served).hasSize(1);
        used.addAll(served.keySet());
      }
      assertThat(used).containsExactlyInAnyOrder(big, small);
    }
  }

  @Test
  void streamsAreRoutedAndCountInFlightUntilClosed() {
    try (ClientSideRouter router = router("even").build()) {
      assertThat(router.strategy()).isEqualTo(PickStrategy.EVEN_LOAD);
      Fireworks fw = through(router);
      StreamResponse<ChatCompletionChunk> first = fw.chat().completions().stream(hello(emulator.routerName("even")));
      StreamResponse<ChatCompletionChunk> second = fw.chat().completions().stream(hello(emulator.routerName("even")));
      assertThat(router.stats().values().stream().mapToLong(TargetStats::inFlight).sum()).isEqualTo(2);
      assertThat(first.stream().count()).isPositive();
      first.close();
      second.close();
      assertThat(router.stats().values()).allSatisfy(s -> assertThat(s.inFlight()).isZero());
      assertThat(first.metadata().deployment()).isPresent();
    }
  }

  @Test
  void otherModelsStillGoThroughTheGateway() {
    try (ClientSideRouter router = router("ab").build()) {
      ChatCompletion completion = through(router).chat().completions().create(hello(emulator.routerName("direct")));
      assertThat(completion.choices()).isNotEmpty();
      assertThat(emulator.counters().requestsByRouter()).containsOnlyKeys(emulator.routerName("direct"));
      assertThat(router.stats().values()).allSatisfy(s -> assertThat(s.requests()).isZero());
    }
  }
}
