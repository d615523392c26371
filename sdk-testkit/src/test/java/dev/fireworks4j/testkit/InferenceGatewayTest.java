package dev.fireworks4j.testkit;

import static dev.fireworks4j.testkit.spec.SpecClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.testkit.junit.EmulatedFireworks;
import dev.fireworks4j.testkit.spec.SpecClient;
import dev.fireworks4j.testkit.spec.SpecClient.Event;
import dev.fireworks4j.testkit.spec.SpecClient.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inference gateway against the spec: resolution, output, usage, streaming, headers and errors. */
@EmulatedFireworks(config = "gateway.json", resetBeforeEach = true)
class InferenceGatewayTest {
  static final String CHAT = "/v1/chat/completions";
  static final String COMPLETIONS = "/v1/completions";

  private final FireworksEmulator emulator;
  private SpecClient api;

  InferenceGatewayTest(FireworksEmulator emulator) {
    this.emulator = emulator;
  }

  @BeforeEach
  void client() {
    api = new SpecClient(emulator);
  }

  static String chat(String model, String extra) {
    return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Say hello to the router\"}]}]" + extra + "}";
  }

  private Response send(String path, String body) {
    return api.inference(path).body(json(body)).send();
  }

  @Test
  void chatCompletionThroughARouterAlias() {
    Response r = send(CHAT, chat("accounts/emulator/routers/ab", ""));

    assertThat(r.status()).isEqualTo(200);
    JsonNode body = r.body();
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(body.path("model").asText()).isEqualTo("accounts/emulator/routers/ab");
    JsonNode choice = body.path("choices").get(0);
    assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
    assertThat(choice.path("message").path("content").asText()).isNotBlank();
    assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
    JsonNode usage = body.path("usage");
    assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(2 * 4 + 2 + 5);
    assertThat(usage.path("total_tokens").asInt())
        .isEqualTo(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt());
    assertThat(usage.path("completion_tokens").asInt())
        .isEqualTo(choice.path("message").path("content").asText().split(" ").length);
    assertThat(r.header("fireworks-deployment")).isIn("accounts/emulator/deployments/model-a",
        "accounts/emulator/deployments/model-b");
    assertThat(r.header("fireworks-backend-host")).contains("-replica-");
    assertThat(r.header("fireworks-num-concurrent-requests")).isEqualTo("1");
    assertThat(r.header("fireworks-server-time-to-first-token")).isNotBlank();
    assertThat(r.header("fireworks-server-processing-time")).isNotBlank();
    assertThat(r.header("fireworks-prompt-tokens")).isEqualTo(usage.path("prompt_tokens").asText());
    assertThat(r.header("x-ratelimit-limit-requests")).isNotBlank();
    assertThat(r.header("x-ratelimit-remaining-requests")).isNotBlank();
    assertThat(body.path("id").asText()).endsWith(r.header("x-request-id"));
  }

  @Test
  void modelResolvesEveryAliasForm() {
    for (String model : List.of("accounts/emulator/deployments/model-a", "emulator/model-a",
        "accounts/emulator/models/custom-llm", "accounts/emulator/models/custom-llm#accounts/emulator/deployments/model-a",
        "accounts/emulator/routers/model-a-auto")) {
      Response r = send(CHAT, chat(model, ""));
      assertThat(r.status()).as(model).isEqualTo(200);
      assertThat(r.header("fireworks-deployment")).as(model).isEqualTo("accounts/emulator/deployments/model-a");
    }
  }

  @Test
  void unknownModelIs404WithTheDocumentedBody() {
    Response r = send(CHAT, chat("accounts/emulator/routers/missing", ""));

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body().path("request_id").asText()).isEqualTo(r.header("x-request-id"));
    assertThat(emulator.counters().notFound()).isEqualTo(1);
  }

  @Test
  void privateRoutersOfOtherAccountsAre404PublicOnesServe() {
    Response own = send(CHAT, chat("accounts/emulator/routers/private", ""));
    Response foreignPrivate = api.inference(CHAT).key("other-key")
        .body(json(chat("accounts/emulator/routers/private", ""))).send();
    Response foreignPublic = api.inference(CHAT).key("other-key")
        .body(json(chat("accounts/emulator/routers/open", ""))).send();

    assertThat(own.status()).isEqualTo(200);
    assertThat(foreignPrivate.status()).isEqualTo(404);
    assertThat(foreignPublic.status()).isEqualTo(200);
    assertThat(foreignPublic.header("fireworks-deployment")).isEqualTo("accounts/emulator/deployments/shared");
  }

  @Test
  void routerWithoutReplicasIs503() {
    Response r = send(CHAT, chat("accounts/emulator/routers/nothing", ""));

    assertThat(r.status()).isEqualTo(503);
    assertThat(r.body().path("error").path("code").asText()).isEqualTo("UNAVAILABLE");
    assertThat(emulator.counters().unavailable()).isEqualTo(1);
  }

  @Test
  void maxTokensNAndStopAreRespected() {
    JsonNode limited = send(CHAT, chat("emulator/model-a", ",\"max_tokens\":3,\"n\":2")).body();
    assertThat(limited.path("choices").size()).isEqualTo(2);
    for (JsonNode choice : limited.path("choices")) {
      assertThat(choice.path("message").path("content").asText().split(" ")).hasSize(3);
      assertThat(choice.path("finish_reason").asText()).isEqualTo("length");
    }
    assertThat(limited.path("usage").path("completion_tokens").asInt()).isEqualTo(6);

    JsonNode exact = send(COMPLETIONS, "{\"model\":\"emulator/model-a\",\"prompt\":\"x\",\"max_tokens\":40,"
        + "\"ignore_eos\":true}").body();
    assertThat(exact.path("usage").path("completion_tokens").asInt()).isEqualTo(40);

    String full = send(CHAT, chat("emulator/model-a", "")).body().path("choices").get(0).path("message")
        .path("content").asText();
    String stop = full.split(" ")[2];
    JsonNode stopped = send(CHAT, chat("emulator/model-a", ",\"stop\":[\" " + stop + "\"]")).body();
    String content = stopped.path("choices").get(0).path("message").path("content").asText();
    assertThat(full).startsWith(content);
    assertThat(content).doesNotContain(" " + stop);
    assertThat(stopped.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
  }

  @Test
  void outputIsDeterministicAndDependsOnSeedAndPrompt() {
    String first = content(send(CHAT, chat("emulator/model-a", ",\"seed\":7")));
    String again = content(send(CHAT, chat("emulator/model-a", ",\"seed\":7")));
    String otherSeed = content(send(CHAT, chat("emulator/model-a", ",\"seed\":8")));

    assertThat(again).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
  }

  @Test
  void completionsWithOnePromptAndMany() {
    JsonNode one = send(COMPLETIONS, "{\"model\":\"emulator/model-a\",\"prompt\":\"Once upon a time\"}").body();
    JsonNode many = send(COMPLETIONS, "{\"model\":\"emulator/model-a\",\"prompt\":[\"a b\",\"c d e\"]}").body();

    assertThat(one.path("object").asText()).isEqualTo("text_completion");
    assertThat(one.path("usage").path("prompt_tokens").asInt()).isEqualTo(4);
    assertThat(one.path("choices").get(0).path("text").asText()).isNotBlank();
    assertThat(many.path("choices").size()).isEqualTo(2);
    assertThat(many.path("usage").path("prompt_tokens").asInt()).isEqualTo(5);
  }

  @Test
  void chatStreamEndsWithDoneAndCarriesUsageOnTheFinishChunk() {
    Response r = send(CHAT, chat("accounts/emulator/routers/ab", ",\"stream\":true,\"max_tokens\":5,"
        + "\"perf_metrics_in_response\":true"));

    List<JsonNode> chunks = chunks(r);
    assertThat(r.header("content-type")).startsWith("text/event-stream");
    assertThat(chunks.get(0).path("choices").get(0).path("delta").path("role").asText()).isEqualTo("assistant");
    assertThat(chunks).hasSize(1 + 5 + 1);
    JsonNode last = chunks.get(chunks.size() - 1);
    assertThat(last.path("choices").get(0).path("finish_reason").asText()).isEqualTo("length");
    assertThat(last.path("usage").path("completion_tokens").asInt()).isEqualTo(5);
    assertThat(last.path("perf_metrics").path("deployment").asText()).isEqualTo(r.header("fireworks-deployment"));
    assertThat(chunks.subList(0, chunks.size() - 1)).allMatch(c -> c.path("usage").isNull());
    StringBuilder text = new StringBuilder();
    chunks.forEach(c -> text.append(c.path("choices").get(0).path("delta").path("content").asText("")));
    assertThat(text.toString().split(" ")).hasSize(5);
  }

  @Test
  void completionStream() {
    Response r = send(COMPLETIONS, "{\"model\":\"emulator/model-a\",\"prompt\":\"hi\",\"stream\":true,"
        + "\"max_tokens\":4}");

    List<JsonNode> chunks = chunks(r);
    assertThat(chunks).hasSize(5);
    assertThat(chunks.get(0).path("object").asText()).isEqualTo("text_completion");
    assertThat(chunks.get(4).path("usage").path("completion_tokens").asInt()).isEqualTo(4);
  }

  @Test
  void streamQuirks() {
    emulator.setStreamQuirks("model-a", StreamQuirk.USAGE_ONLY_FINAL_CHUNK, StreamQuirk.PING_EVENTS);
    Response quirky = send(CHAT, chat("emulator/model-a", ",\"stream\":true,\"max_tokens\":3"));

    List<JsonNode> chunks = chunks(quirky);
    JsonNode last = chunks.get(chunks.size() - 1);
    assertThat(last.path("choices").size()).isZero();
    assertThat(last.path("usage").path("completion_tokens").asInt()).isEqualTo(3);
    assertThat(chunks.get(chunks.size() - 2).path("usage").isNull()).isTrue();
    assertThat(quirky.events()).filteredOn(e -> "ping".equals(e.name())).hasSize(3);

    emulator.setStreamQuirks("model-a", StreamQuirk.NO_USAGE);
    assertThat(chunks(send(CHAT, chat("emulator/model-a", ",\"stream\":true")))).allMatch(c -> c.path("usage").isNull());
  }

  @Test
  void directRouteByPathAndByHostHeader() throws java.io.IOException {
    String handle = "emulator-model-b.us-arizona-1.direct.fireworks.ai";
    JsonNode deployment = api.control("GET", DeploymentsApiTest.ITEM).path("emulator", "model-b").send().body();
    assertThat(deployment.path("directRouteHandle").asText()).isEqualTo(handle);

    Response byPath = api.inference(CHAT).prefix("/direct/" + handle).key("direct-key")
        .body(json(chat("anything", ""))).send();
    String byHost = RawHttp.post(emulator.port(), handle + ":443", CHAT, "direct-key", chat("anything", ""));
    Response directKeyOnGateway = api.inference(CHAT).key("direct-key").body(json(chat("emulator/model-b", "")))
        .send();
    Response wrongKey = api.inference(CHAT).prefix("/direct/" + handle).body(json(chat("anything", ""))).send();

    assertThat(byPath.status()).isEqualTo(200);
    assertThat(byPath.header("fireworks-deployment")).isEqualTo("accounts/emulator/deployments/model-b");
    assertThat(byHost).startsWith("HTTP/1.1 200").containsIgnoringCase("fireworks-deployment: "
        + "accounts/emulator/deployments/model-b").contains("\"object\":\"chat.completion\"");
    assertThat(directKeyOnGateway.status()).as("direct-route keys are not API keys").isEqualTo(401);
    assertThat(wrongKey.status()).isEqualTo(401);
    assertThat(wrongKey.body().path("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
  }

  @Test
  void authenticationAndValidationErrors() {
    assertThat(api.inference(CHAT).key(null).body(json(chat("emulator/model-a", ""))).send().status())
        .isEqualTo(401);
    assertThat(api.inference(CHAT).key("bad").body(json(chat("emulator/model-a", ""))).send().status())
        .isEqualTo(401);
    Response missing = send(CHAT, "{\"messages\":[]}");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.body().path("detail").get(0).path("loc").get(1).asText()).isEqualTo("model");
    assertThat(send(CHAT, "{\"model\":\"emulator/model-a\"}").status()).isEqualTo(422);
    assertThat(send(CHAT, chat("emulator/model-a", ",\"max_tokens\":\"ten\"")).status()).isEqualTo(422);
    assertThat(api.inference(CHAT).rawBody("{oops").send().status()).isEqualTo(422);
    Response both = send(CHAT, chat("emulator/model-a", ",\"max_tokens\":1,\"max_completion_tokens\":1"));
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.body().path("error").path("param").asText()).isEqualTo("max_completion_tokens");
    assertThat(send(CHAT, chat("emulator/model-a", ",\"n\":0")).status()).isEqualTo(400);
    assertThat(send("/v1/embeddings", "{}").status()).isEqualTo(404);
  }

  @Test
  void countersPerDeploymentAndReplica() {
    for (int i = 0; i < 10; i++) {
      send(CHAT, chat("emulator/model-a", ""));
    }

    DeploymentCounters a = emulator.counters().deployment("accounts/emulator/deployments/model-a");
    assertThat(a.requests()).isEqualTo(10);
    assertThat(a.completed()).isEqualTo(10);
    assertThat(a.requestsByReplica()).containsOnlyKeys("model-a-replica-0", "model-a-replica-1");
    assertThat(a.requestsByReplica().values()).containsOnly(5L);
    assertThat(emulator.counters().requestsByRouter()).containsEntry("accounts/emulator/routers/model-a-auto", 10L);
    emulator.resetCounters();
    assertThat(emulator.counters().requests()).isZero();
  }

  private static String content(Response r) {
    return r.body().path("choices").get(0).path("message").path("content").asText();
  }

  static List<JsonNode> chunks(Response r) {
    assertThat(r.status()).isEqualTo(200);
    List<JsonNode> chunks = new ArrayList<>();
    for (Event e : r.events()) {
      if (e.name() == null && !e.data().equals("[DONE]")) {
        chunks.add(e.json());
      }
    }
    return chunks;
  }
}
