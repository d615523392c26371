package dev.fireworks4j.routers.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The conformance checker itself: it must catch each kind of departure from the spec. */
class SpecConformanceTest {
  @Test
  void findsOperationsWithTheColonOfCustomMethodsLiteral() {
    assertThat(SpecConformance.operationId("PATCH", "/v1/accounts/a/deployments/d:scale"))
        .isEqualTo("Gateway_ScaleDeployment");
    assertThat(SpecConformance.operationId("PATCH", "/v1/accounts/a/deployments/d?updateMask=x"))
        .isEqualTo("Gateway_UpdateDeployment");
    assertThat(SpecConformance.operationId("POST", "/v1/accounts/a/deployments/d:undelete"))
        .isEqualTo("Gateway_UndeleteDeployment");
    assertThat(SpecConformance.operationId("GET", "/v1/accounts/a/routers")).isEqualTo("Gateway_ListRouters");
    assertThatThrownBy(() -> SpecConformance.operationId("PATCH", "/v1/accounts/a/deployments/d%3Ascale"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void acceptsAConformingRequest() {
    assertThat(SpecConformance.problems("POST", "/v1/accounts/a/routers?routerId=r",
        "{\"deployments\":[\"accounts/a/deployments/d\"],\"weightedRandom\":{},\"public\":true}")).isEmpty();
  }

  @Test
  void flagsReadOnlyUnknownAndMistypedFields() {
    assertThat(SpecConformance.problems("POST", "/v1/accounts/a/routers",
        "{\"name\":\"accounts/a/routers/r\",\"state\":\"READY\",\"deployments\":\"d\",\"strategy\":\"x\","
            + "\"weightedRandom\":{\"x\":1},\"createTime\":\"yesterday\"}"))
        .anyMatch(p -> p.startsWith("$.name: read-only"))
        .anyMatch(p -> p.startsWith("$.state: read-only"))
        .anyMatch(p -> p.startsWith("$.deployments: expected an array"))
        .anyMatch(p -> p.startsWith("$.strategy: not a property"))
        .anyMatch(p -> p.startsWith("$.weightedRandom.x: not a property"))
        .anyMatch(p -> p.contains("not an RFC 3339 date-time"));
  }

  @Test
  void flagsEnumsRequiredFieldsMapsAndIntegers() {
    assertThat(SpecConformance.problems("POST", "/v1/accounts/a/deployments",
        "{\"displayName\":\"x\",\"acceleratorType\":\"NVIDIA_X300\",\"minReplicaCount\":1.5,"
            + "\"annotations\":{\"k\":1},\"autoscalingPolicy\":{\"scalingSchedules\":{\"s\":{\"schedule\":\"* * * * *\"}}}}"))
        .anyMatch(p -> p.startsWith("$: required property baseModel"))
        .anyMatch(p -> p.startsWith("$.acceleratorType: \"NVIDIA_X300\" is not one of"))
        .anyMatch(p -> p.startsWith("$.minReplicaCount: expected an integer"))
        .anyMatch(p -> p.startsWith("$.annotations.k: expected a string"))
        .anyMatch(p -> p.startsWith("$.autoscalingPolicy.scalingSchedules.s: required property timezone"));
  }

  @Test
  void flagsUndeclaredOrMistypedQueryParametersAndMisplacedBodies() {
    assertThat(SpecConformance.problems("GET", "/v1/accounts/a/routers?pageSize=ten&updateMask=x", null))
        .containsExactly("query parameter pageSize=ten is not an integer",
            "query parameter updateMask is not declared by Gateway_ListRouters");
    assertThat(SpecConformance.problems("DELETE", "/v1/accounts/a/deployments/d?hard=yes", "{}"))
        .containsExactly("query parameter hard=yes is not a boolean", "Gateway_DeleteDeployment takes no body, but one was sent");
    assertThat(SpecConformance.problems("PATCH", "/v1/accounts/a/deployments/d:scale", ""))
        .containsExactly("Gateway_ScaleDeployment requires a body");
  }

  @Test
  void allowsOnlyTheDocumentedDeviations() {
    assertThat(SpecConformance.problems("PATCH", "/v1/accounts/a/deployments/d?updateMask=display_name",
        "{\"name\":\"accounts/a/deployments/d\",\"baseModel\":\"m\",\"displayName\":\"x\"}")).isEmpty();
    assertThat(SpecConformance.problems("PATCH", "/v1/accounts/a/routers/r", "{\"name\":\"accounts/a/routers/r\"}"))
        .isEmpty();
    assertThat(SpecConformance.problems("PATCH", "/v1/accounts/a/routers/r?updateMask=x", "{\"aliases\":[]}"))
        .containsExactly("query parameter updateMask is not declared by Gateway_UpdateRouter",
            "$.aliases: read-only, must not be sent");
    assertThat(SpecConformance.problems("POST", "/v1/accounts/a/deployments?deploymentId=d",
        "{\"name\":\"accounts/a/deployments/d\",\"baseModel\":\"m\"}"))
        .containsExactly("$.name: read-only, must not be sent");
  }
}
