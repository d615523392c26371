package dev.fireworks4j.routers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.fireworks4j.core.error.ConnectionException;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.http.ApiResponse;
import dev.fireworks4j.core.model.State;
import dev.fireworks4j.routers.model.AcceleratorType;
import dev.fireworks4j.routers.model.AutoscalingPolicy;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.DeploymentCreateParams;
import dev.fireworks4j.routers.model.DeploymentDeleteParams;
import dev.fireworks4j.routers.model.DeploymentListParams;
import dev.fireworks4j.routers.model.DeploymentUpdateParams;
import dev.fireworks4j.routers.model.DirectRouteType;
import dev.fireworks4j.routers.model.MultiRegion;
import dev.fireworks4j.routers.model.Placement;
import dev.fireworks4j.routers.model.Precision;
import dev.fireworks4j.routers.model.ScalingSchedule;
import dev.fireworks4j.routers.testing.WireMockTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DeploymentsClientTest extends WireMockTestBase {
  private static final String DEPLOYMENTS = "/v1/accounts/acct/deployments";
  private static final String BASE_MODEL = "accounts/fireworks/models/llama-v3p1-8b-instruct";
  private static final String D1 = quoted("{'name':'accounts/acct/deployments/d1','baseModel':'" + BASE_MODEL + "',"
      + "'state':'READY','minReplicaCount':1,'maxReplicaCount':4,'replicaCount':2,'desiredReplicaCount':2,"
      + "'autoscalingPolicy':{'scaleUpWindow':'30s','scaleDownWindow':'600s','loadTargets':{'default':0.8}},"
      + "'acceleratorType':'NVIDIA_H100_80GB','placement':{'multiRegion':'GLOBAL'},'region':'US_IOWA_1',"
      + "'directRouteType':'INTERNET','directRouteApiKeys':['dr-SECRET-1'],'directRouteHandle':'acct-d1.us-iowa-1.direct.fireworks.ai',"
      + "'createTime':'2025-01-02T03:04:05Z','cluster':'c1'}");

  @Test
  void createSendsTheFlagsAsQueryAndTheSettingsAsBody() {
    server.stubFor(post(urlPathEqualTo(DEPLOYMENTS)).willReturn(okJson(D1)));

    Deployment created = deployments.create(DeploymentCreateParams.builder()
        .deploymentId("d1")
        .baseModel(BASE_MODEL)
        .displayName("Llama 8B")
        .minReplicaCount(0)
        .maxReplicaCount(4)
        .autoscalingPolicy(AutoscalingPolicy.builder()
            .scaleUpWindow(Duration.ofSeconds(30))
            .scaleToZeroWindow(Duration.ofMinutes(10))
            .putLoadTargets("default", 0.7)
            .putScalingSchedules("business", ScalingSchedule.builder().minReplicaCount(2)
                .schedule("0 8 * * Mon-Fri").duration(Duration.ofHours(10)).timezone("Europe/Paris").build())
            .build())
        .acceleratorType(AcceleratorType.NVIDIA_H100_80GB)
        .acceleratorCount(1)
        .precision(Precision.FP8)
        .placement(Placement.multiRegion(MultiRegion.US))
        .directRouteType(DirectRouteType.INTERNET)
        .addDirectRouteApiKeys("dr-SECRET-1")
        .enableSessionAffinity(true)
        .putAnnotations("team", "search")
        .validateOnly(true)
        .disableSpeculativeDecoding(true)
        .skipImageTagValidation(true)
        .build());

    LoggedRequest request = onlyRequest();
    assertThat(request.getUrl()).isEqualTo("/v1/accounts/acct/deployments?deploymentId=d1&validateOnly=true"
        + "&disableSpeculativeDecoding=true&skipImageTagValidation=true");
    assertThat(body(request)).isEqualTo(json("{'displayName':'Llama 8B','baseModel':'" + BASE_MODEL + "',"
        + "'minReplicaCount':0,'maxReplicaCount':4,'autoscalingPolicy':{'scaleUpWindow':'30s',"
        + "'scaleToZeroWindow':'600s','loadTargets':{'default':0.7},'scalingSchedules':{'business':"
        + "{'minReplicaCount':2,'schedule':'0 8 * * Mon-Fri','duration':'36000s','timezone':'Europe/Paris'}}},"
        + "'acceleratorType':'NVIDIA_H100_80GB','acceleratorCount':1,'precision':'FP8',"
        + "'placement':{'multiRegion':'US'},'directRouteType':'INTERNET','directRouteApiKeys':['dr-SECRET-1'],"
        + "'enableSessionAffinity':true,'annotations':{'team':'search'}}"));
    assertThat(created.replicaCount()).contains(2);
    assertThat(created.autoscalingPolicy().flatMap(AutoscalingPolicy::scaleDownWindow)).contains(Duration.ofMinutes(10));
    assertThat(created.additionalProperties()).containsKey("cluster");
  }

  @Test
  void createWithoutAnIdIsNotRepeatedAfterAConnectionDrop() {
    server.stubFor(post(urlPathEqualTo(DEPLOYMENTS)).willReturn(aResponse()
        .withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> deployments.create(DeploymentCreateParams.builder().baseModel(BASE_MODEL).build()))
        .isInstanceOf(ConnectionException.class);
    assertThat(requestLines()).containsExactly("POST /v1/accounts/acct/deployments");
  }

  @Test
  void createWithAnIdResolvesA409AfterAConnectionDropByGet() {
    server.stubFor(post(urlPathEqualTo(DEPLOYMENTS)).inScenario("create").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
        .willSetStateTo("created"));
    server.stubFor(post(urlPathEqualTo(DEPLOYMENTS)).inScenario("create").whenScenarioStateIs("created")
        .willReturn(aResponse().withStatus(409)));
    server.stubFor(get(DEPLOYMENTS + "/d1").willReturn(okJson(D1)));

    Deployment deployment = deployments.create(DeploymentCreateParams.builder().deploymentId("d1")
        .baseModel(BASE_MODEL).build());

    assertThat(deployment.name()).contains("accounts/acct/deployments/d1");
    assertThat(requestLines()).containsExactly("POST /v1/accounts/acct/deployments?deploymentId=d1",
        "POST /v1/accounts/acct/deployments?deploymentId=d1", "GET /v1/accounts/acct/deployments/d1");
  }

  @Test
  void createChecksParamsOnTheClient() {
    assertThatThrownBy(() -> DeploymentCreateParams.builder().build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("baseModel"));
    assertThatThrownBy(() -> DeploymentCreateParams.builder().baseModel(BASE_MODEL).minReplicaCount(3)
        .maxReplicaCount(2).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("maxReplicaCount"));
    assertThatThrownBy(() -> DeploymentCreateParams.builder().baseModel(BASE_MODEL).minReplicaCount(-1).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("minReplicaCount"));
    assertThatThrownBy(() -> deployments.create(DeploymentCreateParams.builder().deploymentId("a/b")
        .baseModel(BASE_MODEL).build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("deploymentId"));
    assertThat(requests()).isEmpty();
  }

  @Test
  void secretsNeverReachToString() {
    Deployment deployment = Deployment.builder().name("accounts/a/deployments/d").addDirectRouteApiKeys("dr-SECRET-1")
        .build();
    DeploymentCreateParams create = DeploymentCreateParams.builder().baseModel(BASE_MODEL)
        .addDirectRouteApiKeys("dr-SECRET-2").build();
    DeploymentUpdateParams update = DeploymentUpdateParams.builder().directRouteApiKeys(List.of("dr-SECRET-3")).build();

    assertThat(deployment.toString()).doesNotContain("SECRET").contains("directRouteApiKeys=<redacted>");
    assertThat(create.toString()).doesNotContain("SECRET");
    assertThat(update.toString()).doesNotContain("SECRET");
    assertThat(deployment.directRouteApiKeys()).containsExactly("dr-SECRET-1");
  }

  @Test
  void getParsesTheDeployment() {
    server.stubFor(get(DEPLOYMENTS + "/d1").willReturn(okJson(D1)));

    Deployment deployment = deployments.get("d1");

    assertThat(deployment.state()).contains(State.READY);
    assertThat(deployment.placement().flatMap(Placement::multiRegion)).contains(MultiRegion.GLOBAL);
    assertThat(deployment.directRouteHandle()).contains("acct-d1.us-iowa-1.direct.fireworks.ai");
    assertThat(deployment.autoscalingPolicy().map(AutoscalingPolicy::loadTargets)).contains(Map.of("default", 0.8));
  }

  @Test
  void listPagesWithShowDeleted() {
    server.stubFor(get(urlPathEqualTo(DEPLOYMENTS)).withQueryParam("pageToken", absent())
        .willReturn(okJson(quoted("{'deployments':[{'name':'accounts/acct/deployments/d1','state':'DELETED'}],"
            + "'nextPageToken':'n','totalSize':2}"))));
    server.stubFor(get(urlPathEqualTo(DEPLOYMENTS)).withQueryParam("pageToken", equalTo("n"))
        .willReturn(okJson(quoted("{'deployments':[{'name':'accounts/acct/deployments/d2'}],'nextPageToken':''}"))));

    List<String> names = deployments.list(DeploymentListParams.builder().showDeleted(true).pageSize(1).build())
        .stream().map(d -> d.name().orElseThrow()).collect(Collectors.toList());

    assertThat(names).containsExactly("accounts/acct/deployments/d1", "accounts/acct/deployments/d2");
    assertThat(requestLines()).containsExactly("GET /v1/accounts/acct/deployments?pageSize=1&showDeleted=true",
        "GET /v1/accounts/acct/deployments?pageSize=1&pageToken=n&showDeleted=true");
  }

  @Test
  void updateSendsNameBaseModelTheFieldsSetAndAMaskNamingThem() {
    server.stubFor(get(DEPLOYMENTS + "/d1").willReturn(okJson(D1)));
    server.stubFor(patch(urlPathEqualTo(DEPLOYMENTS + "/d1")).willReturn(okJson(D1)));

    deployments.update("d1", DeploymentUpdateParams.builder()
        .minReplicaCount(0)
        .maxReplicaCount(3)
        .autoscalingPolicy(AutoscalingPolicy.builder().scaleDownWindow(Duration.ofMinutes(5)).build())
        .build());

    List<LoggedRequest> sent = requests();
    assertThat(requestLines()).containsExactly("GET /v1/accounts/acct/deployments/d1",
        "PATCH /v1/accounts/acct/deployments/d1?updateMask=min_replica_count%2Cmax_replica_count%2C"
            + "autoscaling_policy.scale_down_window");
    assertThat(body(sent.get(1))).isEqualTo(json("{'name':'accounts/acct/deployments/d1','baseModel':'" + BASE_MODEL
        + "','minReplicaCount':0,'maxReplicaCount':3,'autoscalingPolicy':{'scaleDownWindow':'300s'}}"));
  }

  @Test
  void updateOfTheBaseModelNeedsNoGetAndCanClearListsAndMaps() {
    server.stubFor(patch(urlPathEqualTo(DEPLOYMENTS + "/d1")).willReturn(okJson(D1)));

    deployments.update("d1", DeploymentUpdateParams.builder()
        .baseModel("accounts/fireworks/models/other")
        .directRouteApiKeys(List.of())
        .annotations(Map.of())
        .skipShapeValidation(true)
        .build());

    LoggedRequest request = onlyRequest();
    assertThat(request.getUrl()).isEqualTo("/v1/accounts/acct/deployments/d1"
        + "?updateMask=base_model%2Cdirect_route_api_keys%2Cannotations&skipShapeValidation=true");
    assertThat(body(request)).isEqualTo(json("{'name':'accounts/acct/deployments/d1',"
        + "'baseModel':'accounts/fireworks/models/other','directRouteApiKeys':[],'annotations':{}}"));
  }

  @Test
  void updateNeedsAFieldAndMasksExtraFieldsToo() {
    server.stubFor(get(DEPLOYMENTS + "/d1").willReturn(okJson(D1)));
    server.stubFor(patch(urlPathEqualTo(DEPLOYMENTS + "/d1")).willReturn(okJson(D1)));
    assertThatThrownBy(() -> DeploymentUpdateParams.builder().build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("params"));

    deployments.update("d1", DeploymentUpdateParams.builder()
        .putAdditionalBodyProperties("enableHotLoad", JSON.getNodeFactory().booleanNode(true)).build());

    assertThat(requests().get(1).getUrl()).isEqualTo("/v1/accounts/acct/deployments/d1?updateMask=enable_hot_load");
  }

  @Test
  void scaleKeepsTheColonLiteralAndSendsZero() {
    server.stubFor(patch(DEPLOYMENTS + "/d1:scale").willReturn(okJson("{}")));

    deployments.scale("d1", 0);

    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().getName()).isEqualTo("PATCH");
    assertThat(request.getUrl()).isEqualTo("/v1/accounts/acct/deployments/d1:scale");
    assertThat(body(request)).isEqualTo(json("{'replicaCount':0}"));
    assertThatThrownBy(() -> deployments.scale("d1", -1))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("replicaCount"));
  }

  @Test
  void deleteIsSoftByDefaultAndCanBeHardAndForced() {
    server.stubFor(delete(urlPathEqualTo(DEPLOYMENTS + "/d1")).willReturn(okJson("{}")));

    deployments.delete("d1");
    deployments.delete("accounts/acct/deployments/d1",
        DeploymentDeleteParams.builder().hard(true).ignoreChecks(true).build());

    assertThat(requestLines()).containsExactly("DELETE /v1/accounts/acct/deployments/d1",
        "DELETE /v1/accounts/acct/deployments/d1?hard=true&ignoreChecks=true");
  }

  @Test
  void undeletePostsAnEmptyBodyToTheCustomMethod() {
    server.stubFor(post(DEPLOYMENTS + "/d1:undelete").willReturn(okJson(D1)));

    Deployment restored = deployments.undelete("d1");

    LoggedRequest request = onlyRequest();
    assertThat(request.getUrl()).isEqualTo("/v1/accounts/acct/deployments/d1:undelete");
    assertThat(body(request)).isEqualTo(json("{}"));
    assertThat(restored.state()).contains(State.READY);
  }

  @Test
  void rawResponsesCarryTheStatus() {
    server.stubFor(patch(DEPLOYMENTS + "/d1:scale").willReturn(okJson("{}").withHeader("x-request-id", "r-1")));

    ApiResponse<Void> response = deployments.withRawResponse().scale("d1", 2);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.requestId()).contains("r-1");
    assertThat(response.value()).isNull();
  }

  @Test
  void asyncVariantsSendTheSameCalls() {
    server.stubFor(post(urlPathEqualTo(DEPLOYMENTS)).willReturn(okJson(D1)));
    server.stubFor(get(DEPLOYMENTS + "/d1").willReturn(okJson(D1)));
    server.stubFor(get(urlPathEqualTo(DEPLOYMENTS)).willReturn(okJson(quoted("{'deployments':[" + D1 + "]}"))));
    server.stubFor(patch(urlPathEqualTo(DEPLOYMENTS + "/d1")).willReturn(okJson(D1)));
    server.stubFor(patch(DEPLOYMENTS + "/d1:scale").willReturn(okJson("{}")));
    server.stubFor(delete(urlPathEqualTo(DEPLOYMENTS + "/d1")).willReturn(okJson("{}")));
    server.stubFor(post(DEPLOYMENTS + "/d1:undelete").willReturn(okJson(D1)));
    DeploymentsAsyncClient async = deployments.async();

    async.create(DeploymentCreateParams.builder().baseModel(BASE_MODEL).build()).join();
    assertThat(async.get("d1").join().replicaCount()).contains(2);
    assertThat(async.listAll(DeploymentListParams.none()).join()).hasSize(1);
    async.update("d1", DeploymentUpdateParams.builder().displayName("x").build()).join();
    async.scale("d1", 3).join();
    async.delete("d1", DeploymentDeleteParams.builder().hard(true).build()).join();
    async.undelete("d1").join();

    assertThat(requestLines()).containsExactly(
        "POST /v1/accounts/acct/deployments",
        "GET /v1/accounts/acct/deployments/d1",
        "GET /v1/accounts/acct/deployments",
        "GET /v1/accounts/acct/deployments/d1",
        "PATCH /v1/accounts/acct/deployments/d1?updateMask=display_name",
        "PATCH /v1/accounts/acct/deployments/d1:scale",
        "DELETE /v1/accounts/acct/deployments/d1?hard=true",
        "POST /v1/accounts/acct/deployments/d1:undelete");
    assertThat(body(requests().get(4))).isEqualTo(json("{'name':'accounts/acct/deployments/d1','displayName':'x',"
        + "'baseModel':'" + BASE_MODEL + "'}"));
    assertThat(body(requests().get(5))).isEqualTo(json("{'replicaCount':3}"));
  }

  @Test
  void asyncClientSideFailuresCompleteTheFuture() {
    assertThat(deployments.async().scale("d1", -2)).isCompletedExceptionally();
    assertThat(deployments.async().get("no/such/name")).isCompletedExceptionally();
    assertThat(requests()).isEmpty();
  }
}
