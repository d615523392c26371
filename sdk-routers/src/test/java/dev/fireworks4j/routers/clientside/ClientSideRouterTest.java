package dev.fireworks4j.routers.clientside;

import static dev.fireworks4j.routers.clientside.FakeTopology.ALIAS;
import static dev.fireworks4j.routers.clientside.FakeTopology.GATEWAY;
import static dev.fireworks4j.routers.clientside.FakeTopology.name;
import static dev.fireworks4j.routers.clientside.FakeTopology.ready;
import static dev.fireworks4j.routers.clientside.FakeTopology.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.Endpoint;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.endpoint.RoutingEndpointResolver;
import dev.fireworks4j.core.endpoint.RoutingEndpointResolver.Route;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.http.Headers;
import dev.fireworks4j.core.model.State;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.core.testing.CapturedLogs;
import dev.fireworks4j.routers.model.RouterStrategy;
import dev.fireworks4j.routers.picker.PickStrategy;
import dev.fireworks4j.routers.picker.TargetStats;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientSideRouterTest {
  private static final Endpoint GATEWAY_INFERENCE = Endpoint.of(URI.create(GATEWAY + "/inference/v1"));
  private final FakeTopology topology = new FakeTopology();

  @Test
  void theAliasGoesThroughTheGatewayWithTheDeploymentAsModel() {
    topology.set(ready("a", 3), ready("b", 1));
    try (ClientSideRouter router = topology.router().build()) {
      for (String alias : new String[] {ALIAS, "acct/r"}) {
        Route route = router.route(Plane.INFERENCE, alias, Set.of());
        assertThat(route.endpoint()).isEqualTo(GATEWAY_INFERENCE);
        assertThat(route.model()).isIn(name("a"), name("b")).isEqualTo(route.target());
        route.onResponse(200, Headers.empty());
        route.onComplete();
      }
      assertThat(router.mode()).isEqualTo(RoutingMode.GATEWAY);
      assertThat(router.router()).isEqualTo(FakeTopology.ROUTER);
      assertThat(router.routes(ALIAS)).isTrue();
      assertThat(router.routes("acct/r")).isTrue();
      assertThat(router.routes("accounts/acct/routers/other")).isFalse();
      assertThat(router.routes(null)).isFalse();
      assertThat(topology.asked()).containsExactly(FakeTopology.ROUTER);
    }
  }

  @Test
  void otherModelsAndTheControlPlaneGoWhereTheUnderlyingEndpointsSendThem() {
    topology.set(ready("a", 1));
    try (ClientSideRouter router = topology.router().build()) {
      Route other = router.route(Plane.INFERENCE, "accounts/fireworks/models/llama", Set.of());
      assertThat(other.endpoint()).isEqualTo(GATEWAY_INFERENCE);
      assertThat(other.model()).isEqualTo("accounts/fireworks/models/llama").isEqualTo(other.target());
      other.onResponse(500, Headers.empty());
      other.onFailure(new IllegalStateException("ignored"));
      other.onComplete();
      Route control = router.route(Plane.CONTROL, ALIAS, Set.of());
      assertThat(control.endpoint()).isEqualTo(Endpoint.of(GATEWAY));
      assertThat(control.model()).isEqualTo(ALIAS);
      assertThat(router.resolve(Plane.INFERENCE, ALIAS)).isEqualTo(GATEWAY_INFERENCE);
      assertThat(router.resolve(Plane.CONTROL, null)).isEqualTo(Endpoint.of(GATEWAY));
      assertThat(router.stats().get(name("a")).requests()).isZero();
    }
  }

  @Test
  void passedOnRequestsAreRoutedByAnUnderlyingRouter() {
    FakeTopology second = new FakeTopology().set(ready("z", 1));
    try (ClientSideRouter inner = ClientSideRouter.builder().router("accounts/acct/routers/other").topology(second)
            .endpoints(Endpoints.gateway(GATEWAY)).refreshInterval(Duration.ZERO).build();
         ClientSideRouter outer = topology.set(ready("a", 1)).router().endpoints(inner).build()) {
      assertThat(outer.route(Plane.INFERENCE, "accounts/acct/routers/other", Set.of()).model()).isEqualTo(name("z"));
      assertThat(outer.route(Plane.INFERENCE, ALIAS, Set.of()).model()).isEqualTo(name("a"));
    }
  }

  @Test
  void trafficSplitsInProportionToReplicas() {
    topology.set(ready("a", 3), ready("b", 1));
    Map<String, Integer> counts = new HashMap<>();
    try (ClientSideRouter router = topology.router().build()) {
      for (int i = 0; i < 20_000; i++) {
        counts.merge(send(router, 200), 1, Integer::sum);
      }
    }
    assertThat(counts.get(name("a")) / 20_000.0).isCloseTo(0.75, within(0.02));
    assertThat(counts.get(name("b")) / 20_000.0).isCloseTo(0.25, within(0.02));
  }

  @Test
  void deploymentsThatAreNotServingOrHaveNoReplicasGetNoTraffic() {
    topology.set(ready("a", 2), RoutedDeployment.of(name("b"), State.CREATING, 3), ready("c", 0),
        RoutedDeployment.of(name("d"), State.UPDATING, 1), RoutedDeployment.of(name("e"), State.of("NEW_STATE"), 4));
    Set<String> seen = new HashSet<>();
    try (ClientSideRouter router = topology.router().build()) {
      for (int i = 0; i < 500; i++) {
        seen.add(send(router, 200));
      }
      assertThat(seen).containsExactlyInAnyOrder(name("a"), name("d"));
      assertThat(router.stats()).containsOnlyKeys(name("a"), name("b"), name("c"), name("d"), name("e"));
      assertThat(router.stats().get(name("b")).replicas()).isZero();
      assertThat(router.stats().get(name("e")).replicas()).isZero();
      assertThat(router.stats().get(name("d")).replicas()).isEqualTo(1);
    }
  }

  @Test
  void withoutCapacityARequestFailsWithATypedErrorSayingWhy() {
    topology.set(RoutedDeployment.of(name("a"), State.CREATING, 2), ready("b", 0));
    try (ClientSideRouter router = topology.router().build()) {
      assertThatThrownBy(() -> router.route(Plane.INFERENCE, ALIAS, Set.of()))
          .isInstanceOfSatisfying(NoCapacityException.class, e -> assertThat(e.router()).isEqualTo(router.router()))
          .hasMessage("no deployment of accounts/acct/routers/r can take requests: [accounts/acct/deployments/a:"
              + " CREATING; accounts/acct/deployments/b: 0 replicas]");
      assertThatThrownBy(() -> router.route(Plane.INFERENCE, ALIAS, Set.of(name("a"))))
          .isInstanceOf(NoCapacityException.class);
      topology.set();
      router.refresh();
      assertThatThrownBy(() -> router.route(Plane.INFERENCE, "acct/r", Set.of()))
          .isInstanceOf(NoCapacityException.class).hasMessageEndingWith(": the router has no deployments");
    }
  }

  @Test
  void theStrategyIsTheRoutersUnlessOneIsSet() {
    try (ClientSideRouter router = topology.set(RouterStrategy.EVEN_LOAD, ready("a", 1)).router().build()) {
      assertThat(router.strategy()).isEqualTo(PickStrategy.EVEN_LOAD);
      topology.set(ready("a", 1));
      router.refresh();
      assertThat(router.strategy()).isEqualTo(PickStrategy.WEIGHTED_RANDOM);
      topology.set(RouterStrategy.of("futureStrategy"), ready("a", 1));
      router.refresh();
      assertThat(router.strategy()).isEqualTo(PickStrategy.WEIGHTED_RANDOM);
    }
    try (ClientSideRouter router = topology.set(RouterStrategy.WEIGHTED_RANDOM, ready("a", 1)).router()
        .strategy(PickStrategy.EVEN_LOAD).build()) {
      assertThat(router.strategy()).isEqualTo(PickStrategy.EVEN_LOAD);
    }
  }

  @Test
  void evenLoadSendsToTheDeploymentWithTheFewestRequestsInFlightPerReplica() {
    topology.set(RouterStrategy.EVEN_LOAD, ready("a", 2), ready("b", 1));
    try (ClientSideRouter router = topology.router().build()) {
      Map<String, Integer> open = new HashMap<>();
      for (int i = 0; i < 30; i++) {
        Route route = router.route(Plane.INFERENCE, ALIAS, Set.of());
        route.onResponse(200, Headers.empty()); // streaming: in flight until complete
        open.merge(route.target(), 1, Integer::sum);
      }
      assertThat(open).containsEntry(name("a"), 20).containsEntry(name("b"), 10);
      assertThat(router.stats().get(name("a")).inFlight()).isEqualTo(20);
    }
  }

  @Test
  void anAffinityKeySticksToOneDeploymentAndRetriesOnItsNextChoice() {
    topology.set(ready("a", 1), ready("b", 1), ready("c", 1));
    try (ClientSideRouter router = topology.router().build()) {
      RoutingEndpointResolver session = router.withAffinity("user-42");
      Set<String> chosen = new HashSet<>();
      for (int i = 0; i < 50; i++) {
        Route route = session.route(Plane.INFERENCE, ALIAS, Set.of());
        chosen.add(route.target());
        route.onResponse(200, Headers.empty());
        route.onComplete();
      }
      assertThat(chosen).hasSize(1);
      String home = chosen.iterator().next();
      Route retry = session.route(Plane.INFERENCE, "acct/r", Set.of(home));
      assertThat(retry.target()).isNotEqualTo(home);
      assertThat(session.resolve(Plane.INFERENCE, ALIAS)).isEqualTo(GATEWAY_INFERENCE);
      assertThat(session.route(Plane.INFERENCE, "other-model", Set.of()).model()).isEqualTo("other-model");
      assertThat(session.toString()).doesNotContain("user-42").contains(ALIAS);

      Set<String> spread = new HashSet<>();
      for (int i = 0; i < 100; i++) {
        spread.add(router.withAffinity("user-" + i).route(Plane.INFERENCE, ALIAS, Set.of()).target());
      }
      assertThat(spread).containsExactlyInAnyOrder(name("a"), name("b"), name("c"));
    }
  }

  @Test
  void directRouteModeSendsEachDeploymentToItsHandleWithItsKey() {
    ApiKey keyA = ApiKey.of("direct-key-a");
    topology.set(ready("a", 1).withDirectRoute("acct-a.us-iowa-1.direct.fireworks.ai", keyA),
        new RoutedDeployment(name("b"), State.READY, 1, Optional.of("acct-b.us-iowa-1.direct.fireworks.ai"),
            Optional.empty()),
        ready("c", 5), ready("d", 2).withDirectRoute("not a host", keyA));
    Map<String, Endpoint> endpoints = new HashMap<>();
    try (ClientSideRouter router = topology.router().mode(RoutingMode.DIRECT_ROUTE).build()) {
      for (int i = 0; i < 200; i++) {
        Route route = router.route(Plane.INFERENCE, ALIAS, Set.of());
        endpoints.put(route.model(), route.endpoint());
        route.onResponse(200, Headers.empty());
        route.onComplete();
      }
      assertThat(router.stats().get(name("c")).replicas()).isZero();
      assertThat(router.stats().get(name("d")).replicas()).isZero();
      topology.set(ready("c", 5));
      router.refresh();
      assertThatThrownBy(() -> router.route(Plane.INFERENCE, ALIAS, Set.of()))
          .hasMessageContaining("accounts/acct/deployments/c: no internet direct route");
    }
    assertThat(endpoints).containsOnlyKeys(name("a"), name("b"));
    assertThat(endpoints.get(name("a"))).isEqualTo(
        Endpoint.of(URI.create("https://acct-a.us-iowa-1.direct.fireworks.ai/v1"), keyA));
    assertThat(endpoints.get(name("b"))).isEqualTo(
        Endpoint.of(URI.create("https://acct-b.us-iowa-1.direct.fireworks.ai/v1")));
  }

  @Test
  void directRouteBaseUrlsCanBeMapped() {
    topology.set(ready("a", 1).withDirectRoute("acct-a.us-iowa-1.direct.fireworks.ai", ApiKey.of("k")));
    try (ClientSideRouter router = topology.router().mode(RoutingMode.DIRECT_ROUTE)
        .directRouteUri(handle -> URI.create("http://127.0.0.1:9/direct/" + handle + "/v1")).build()) {
      assertThat(router.route(Plane.INFERENCE, ALIAS, Set.of()).endpoint().baseUri())
          .hasToString("http://127.0.0.1:9/direct/acct-a.us-iowa-1.direct.fireworks.ai/v1");
    }
  }

  @Test
  void secretsNeverShow() {
    CapturedLogs.clear();
    topology.set(ready("a", 1).withDirectRoute("acct-a.us-iowa-1.direct.fireworks.ai", ApiKey.of("s3cret-key")));
    try (ClientSideRouter router = topology.router().mode(RoutingMode.DIRECT_ROUTE).build()) {
      Route route = router.route(Plane.INFERENCE, ALIAS, Set.of());
      RouterTopology fetched = router.refresh();
      assertThat(String.join(" ", router.toString(), route.toString(), fetched.toString(),
          router.stats().toString())).doesNotContain("s3cret-key").contains("acct-a.us-iowa-1");
      assertThat(CapturedLogs.text()).contains("client-side routing of accounts/acct/routers/r refreshed")
          .doesNotContain("s3cret-key");
      assertThat(router.toString()).isEqualTo("ClientSideRouter{accounts/acct/routers/r, DIRECT_ROUTE,"
          + " WEIGHTED_RANDOM, {accounts/acct/deployments/a=1}}");
    }
  }

  @Test
  void theBuilderChecksItsSettings() {
    assertThatThrownBy(() -> ClientSideRouter.builder().topology(topology).build())
        .isInstanceOf(ValidationException.class).hasMessage("router: is required");
    assertThatThrownBy(() -> ClientSideRouter.builder().router(RouterName.of("a", "b")).build())
        .isInstanceOf(ValidationException.class).hasMessage("topology: is required");
    assertThatThrownBy(() -> ClientSideRouter.builder().router("acct/r"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ClientSideRouter.builder().refreshInterval(Duration.ofSeconds(-1)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("refreshInterval");
    assertThat(topology.fetches()).isZero();
  }

  @Test
  void routedDeploymentsCheckTheirFields() {
    assertThatThrownBy(() -> RoutedDeployment.of(name("a"), State.READY, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    assertThat(RoutedDeployment.of(name("a"), State.UPDATING, 1).serving()).isTrue();
    assertThat(RoutedDeployment.of(name("a"), State.DELETING, 1).serving()).isFalse();
    assertThat(new RouterTopology(Optional.empty(), new ArrayList<>(List.of(ready("a", 1))))
        .deployments()).isUnmodifiable();
  }

  @Test
  void statsCountRequestsPerDeployment() {
    topology.set(ready("a", 1), ready("b", 1));
    try (ClientSideRouter router = topology.router().build()) {
      for (int i = 0; i < 10; i++) {
        send(router, 200);
      }
      Map<String, TargetStats> stats = router.stats();
      assertThat(stats.values().stream().mapToLong(TargetStats::requests).sum()).isEqualTo(10);
      assertThat(stats.values()).allSatisfy(s -> assertThat(s.inFlight()).isZero());
    }
  }
}
