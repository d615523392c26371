package dev.fireworks4j.routers.clientside;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.error.InternalServerException;
import dev.fireworks4j.core.error.NotFoundException;
import dev.fireworks4j.core.model.State;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.routers.model.RouterStrategy;
import dev.fireworks4j.routers.picker.PickStrategy;
import dev.fireworks4j.routers.testing.WireMockTestBase;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlPlaneTopologyTest extends WireMockTestBase {
  private static final RouterName ROUTER = RouterName.of("acct", "r");

  private void router(String json) {
    server.stubFor(get("/v1/accounts/acct/routers/r").willReturn(okJson(quoted(json))));
  }

  private void deployment(String path, String json) {
    server.stubFor(get(path).willReturn(okJson(quoted(json))));
  }

  private TopologySource source() {
    return TopologySource.controlPlane(routers, deployments);
  }

  @Test
  void readsTheRouterThenEachDeployment() {
    router("{'name':'accounts/acct/routers/r','state':'READY','evenLoad':{},'deployments':"
        + "['accounts/acct/deployments/a','b','accounts/acct/deployments/gone','accounts/other/deployments/x']}");
    deployment("/v1/accounts/acct/deployments/a", "{'name':'accounts/acct/deployments/a','baseModel':'m',"
        + "'state':'READY','replicaCount':3,'directRouteType':'INTERNET',"
        + "'directRouteHandle':'acct-a.us-iowa-1.direct.fireworks.ai','directRouteApiKeys':['key-1','key-2']}");
    deployment("/v1/accounts/acct/deployments/b", "{'name':'accounts/acct/deployments/b','baseModel':'m',"
        + "'state':'UPDATING','directRouteType':'GCP_PRIVATE_SERVICE_CONNECT',"
        + "'directRouteHandle':'projects/p/regions/r/serviceAttachments/s','directRouteApiKeys':['key-b']}");
    server.stubFor(get("/v1/accounts/acct/deployments/gone").willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody(quoted("{'error':{'code':404,'message':'not found','status':'NOT_FOUND'}}"))));
    deployment("/v1/accounts/other/deployments/x", "{'name':'accounts/other/deployments/x','baseModel':'m',"
        + "'replicaCount':1,'directRouteType':'INTERNET','directRouteHandle':'other-x.us-iowa-1.direct.fireworks.ai',"
        + "'directRouteApiKeys':['not a key']}");

    RouterTopology topology = source().fetch(ROUTER);

    assertThat(topology.strategy()).contains(RouterStrategy.EVEN_LOAD);
    assertThat(topology.deployments()).containsExactly(
        new RoutedDeployment("accounts/acct/deployments/a", State.READY, 3,
            Optional.of("acct-a.us-iowa-1.direct.fireworks.ai"), Optional.of(ApiKey.of("key-1"))),
        new RoutedDeployment("accounts/acct/deployments/b", State.UPDATING, 0, Optional.empty(),
            Optional.of(ApiKey.of("key-b"))),
        new RoutedDeployment("accounts/other/deployments/x", State.STATE_UNSPECIFIED, 1,
            Optional.of("other-x.us-iowa-1.direct.fireworks.ai"), Optional.empty()));
    assertThat(requestLines()).containsExactly("GET /v1/accounts/acct/routers/r",
        "GET /v1/accounts/acct/deployments/a", "GET /v1/accounts/acct/deployments/b",
        "GET /v1/accounts/acct/deployments/gone", "GET /v1/accounts/other/deployments/x");
  }

  @Test
  void aRouterWithoutStrategyOrDeploymentsHasAnEmptyTopology() {
    router("{'name':'accounts/acct/routers/r'}");
    RouterTopology topology = source().fetch(ROUTER);
    assertThat(topology.strategy()).isEmpty();
    assertThat(topology.deployments()).isEmpty();
  }

  @Test
  void aMissingRouterOrAFailingDeploymentFailsTheFetch() {
    assertThatThrownBy(() -> source().fetch(ROUTER)).isInstanceOf(NotFoundException.class);
    router("{'name':'accounts/acct/routers/r','deployments':['accounts/acct/deployments/a']}");
    server.stubFor(get("/v1/accounts/acct/deployments/a").willReturn(aResponse().withStatus(500)));
    assertThatThrownBy(() -> source().fetch(ROUTER)).isInstanceOf(InternalServerException.class);
  }

  @Test
  void aClientSideRouterRoutesOverTheControlPlanesTopology() {
    router("{'name':'accounts/acct/routers/r','evenLoad':{},'deployments':['accounts/acct/deployments/a']}");
    deployment("/v1/accounts/acct/deployments/a", "{'name':'accounts/acct/deployments/a','baseModel':'m',"
        + "'state':'READY','replicaCount':2}");
    try (ClientSideRouter router = ClientSideRouter.builder().router(ROUTER).topology(source())
        .refreshInterval(Duration.ZERO).build()) {
      assertThat(router.strategy()).isEqualTo(PickStrategy.EVEN_LOAD);
      assertThat(router.stats().get("accounts/acct/deployments/a").replicas()).isEqualTo(2);
    }
  }
}
