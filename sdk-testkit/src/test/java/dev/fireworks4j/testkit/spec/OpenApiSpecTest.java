package dev.fireworks4j.testkit.spec;

import static dev.fireworks4j.testkit.spec.SpecClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The conformance validator itself: it must catch what it is meant to catch. */
class OpenApiSpecTest {
  private final OpenApiSpec gateway = OpenApiSpec.gateway();
  private final OpenApiSpec inference = OpenApiSpec.inference();
  private final JsonNode router = gateway.schema("gatewayRouter");
  private final JsonNode usage = inference.schema("UsageInfo");

  @Test
  void acceptsConformingValues() {
    assertThat(gateway.validate(json("{\"name\":\"accounts/a/routers/r\",\"state\":\"READY\",\"deployments\":[\"d\"],"
        + "\"weightedRandom\":{},\"createTime\":\"2024-01-02T03:04:05.123456Z\",\"public\":true,"
        + "\"status\":{\"code\":\"OK\",\"message\":\"\"}}"), router)).isEmpty();
    assertThat(inference.validate(json("{\"prompt_tokens\":1,\"total_tokens\":2,\"completion_tokens\":null}"), usage))
        .isEmpty();
  }

  @Test
  void catchesTypeEnumRequiredFormatAndUndeclaredProperties() {
    assertThat(gateway.validate(json("{\"deployments\":\"d\"}"), router)).singleElement().asString()
        .contains("$.deployments");
    assertThat(gateway.validate(json("{\"state\":\"ACTIVE\"}"), router)).singleElement().asString()
        .contains("not one of");
    assertThat(gateway.validate(json("{\"createTime\":\"yesterday\"}"), router)).singleElement().asString()
        .contains("date-time");
    assertThat(gateway.validate(json("{\"strategy\":\"x\"}"), router)).singleElement().asString()
        .contains("not declared");
    assertThat(gateway.validate(json("{\"status\":{\"code\":3}}"), router)).isNotEmpty();
    assertThat(inference.validate(json("{\"prompt_tokens\":1}"), usage)).singleElement().asString()
        .contains("total_tokens");
    assertThat(inference.validate(json("{\"prompt_tokens\":1,\"total_tokens\":1,\"extra\":1}"), usage))
        .singleElement().asString().contains("not allowed");
    assertThat(gateway.validate(json("{\"replicaCount\":3000000000}"), gateway.schema("gatewayDeployment")))
        .anyMatch(e -> e.contains("int32"));
  }

  @Test
  void resolvesResponseSchemasOfPaths() {
    assertThat(gateway.responseSchema("/v1/accounts/{account_id}/routers", "get", "200", "application/json")
        .path("$ref").asText()).endsWith("gatewayListRoutersResponse");
    assertThat(inference.responseSchema("/v1/chat/completions", "post", "200", "text/event-stream")
        .path("$ref").asText()).endsWith("ChatCompletionStreamResponse");
  }
}
