package dev.fireworks4j.testkit;

import static dev.fireworks4j.testkit.spec.SpecClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.testkit.junit.EmulatedFireworks;
import dev.fireworks4j.testkit.spec.SpecClient;
import dev.fireworks4j.testkit.spec.SpecClient.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Deployments API against the spec: CRUD, paging, ordering, filters, masks, lifecycle, errors. */
@EmulatedFireworks(resetBeforeEach = true)
class DeploymentsApiTest {
  static final String COLLECTION = "/v1/accounts/{account_id}/deployments";
  static final String ITEM = "/v1/accounts/{account_id}/deployments/{deployment_id}";
  static final String SCALE = "/v1/accounts/{account_id}/deployments/{deployment_id}:scale";
  static final String UNDELETE = "/v1/accounts/{account_id}/deployments/{deployment_id}:undelete";
  static final String BASE_MODEL = "accounts/fireworks/models/llama-v3p1-8b-instruct";

  private final FireworksEmulator emulator;
  private SpecClient api;

  DeploymentsApiTest(FireworksEmulator emulator) {
    this.emulator = emulator;
  }

  @BeforeEach
  void client() {
    api = new SpecClient(emulator);
  }

  private Response create(String id, String body) {
    var request = api.control("POST", COLLECTION).path(emulator.accountId()).body(json(body));
    return (id == null ? request : request.query("deploymentId", id)).send();
  }

  private Response get(String id) {
    return api.control("GET", ITEM).path(emulator.accountId(), id).send();
  }

  @Test
  void createWithIdStartsCreatingThenIsReady() {
    Response created = create("alpha", "{\"baseModel\":\"" + BASE_MODEL + "\",\"displayName\":\"Alpha\","
        + "\"minReplicaCount\":2,\"state\":\"READY\",\"name\":\"ignored\"}");

    assertThat(created.status()).isEqualTo(200);
    JsonNode d = created.body();
    assertThat(d.path("name").asText()).isEqualTo("accounts/emulator/deployments/alpha");
    assertThat(d.path("state").asText()).isEqualTo("CREATING");
    assertThat(d.path("replicaCount").asInt()).isZero();
    assertThat(d.path("desiredReplicaCount").asInt()).isEqualTo(2);
    assertThat(d.path("maxReplicaCount").asInt()).isEqualTo(2);
    assertThat(d.path("displayName").asText()).isEqualTo("Alpha");
    assertThat(d.path("createTime").asText()).endsWith("Z");

    JsonNode ready = get("alpha").body();
    assertThat(ready.path("state").asText()).isEqualTo("READY");
    assertThat(ready.path("replicaCount").asInt()).isEqualTo(2);
    assertThat(ready.path("replicaStats").path("readyReplicaCount").asInt()).isEqualTo(2);
  }

  @Test
  void createWithoutIdGeneratesOne() {
    JsonNode d = create(null, "{\"baseModel\":\"" + BASE_MODEL + "\"}").body();

    assertThat(d.path("name").asText()).matches("accounts/emulator/deployments/[a-z][a-z0-9]{7}");
    assertThat(d.path("acceleratorType").asText()).isEqualTo("NVIDIA_H100_80GB");
    assertThat(d.path("placement").path("multiRegion").asText()).isEqualTo("GLOBAL");
  }

  @Test
  void duplicateIdIsAlreadyExists() {
    create("dup", "{\"baseModel\":\"" + BASE_MODEL + "\"}");

    Response again = create("dup", "{\"baseModel\":\"" + BASE_MODEL + "\"}");

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("code").asInt()).isEqualTo(6);
    assertThat(again.body().path("message").asText()).contains("already exists");
  }

  @Test
  void invalidInputIsInvalidArgument() {
    assertThat(create("x", "{}").body().path("message").asText()).contains("base_model is required");
    assertThat(create("x", "{\"baseModel\":\"m\",\"acceleratorType\":\"H100\"}").body().path("message").asText())
        .contains("acceleratorType");
    assertThat(create("x", "{\"baseModel\":\"m\",\"minReplicaCount\":\"two\"}").status()).isEqualTo(400);
    assertThat(create("x", "{\"baseModel\":\"m\",\"minReplicaCount\":3,\"maxReplicaCount\":1}").status())
        .isEqualTo(400);
    assertThat(create("Bad_Id", "{\"baseModel\":\"m\"}").body().path("code").asInt()).isEqualTo(3);
    assertThat(api.control("POST", COLLECTION).path(emulator.accountId()).rawBody("{not json").send().status())
        .isEqualTo(400);
  }

  @Test
  void validateOnlyDoesNotCreate() {
    Response r = api.control("POST", COLLECTION).path(emulator.accountId()).query("deploymentId", "dry")
        .query("validateOnly", true).body(json("{\"baseModel\":\"" + BASE_MODEL + "\"}")).send();

    assertThat(r.body().path("name").asText()).endsWith("/dry");
    assertThat(get("dry").status()).isEqualTo(404);
  }

  @Test
  void listPagesWithTokensAndTotalSize() {
    for (int i = 0; i < 7; i++) {
      create("d" + i, "{\"baseModel\":\"" + BASE_MODEL + "\"}");
    }
    List<String> names = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      var request = api.control("GET", COLLECTION).path(emulator.accountId()).query("pageSize", 3);
      JsonNode page = (token == null ? request : request.query("pageToken", token)).send().body();
      assertThat(page.path("totalSize").asInt()).isEqualTo(7);
      page.path("deployments").forEach(d -> names.add(d.path("name").asText()));
      token = page.path("nextPageToken").asText("");
      pages++;
    } while (!token.isEmpty());

    assertThat(pages).isEqualTo(3);
    assertThat(names).hasSize(7).doesNotHaveDuplicates();
    assertThat(names.get(0)).endsWith("/d0");
  }

  @Test
  void pageSizeDefaultsTo50AndIsCoercedTo200() {
    for (int i = 0; i < 205; i++) {
      emulator.createDeployment("bulk" + i, "{\"baseModel\":\"" + BASE_MODEL + "\"}");
    }

    JsonNode first = api.control("GET", COLLECTION).path(emulator.accountId()).send().body();
    JsonNode big = api.control("GET", COLLECTION).path(emulator.accountId()).query("pageSize", 1000).send().body();

    assertThat(first.path("deployments").size()).isEqualTo(50);
    assertThat(big.path("deployments").size()).isEqualTo(200);
    assertThat(big.path("totalSize").asInt()).isEqualTo(205);
    assertThat(api.control("GET", COLLECTION).path(emulator.accountId()).query("pageSize", -1).send().status())
        .isEqualTo(400);
  }

  @Test
  void pageTokenIsBoundToTheOtherParameters() {
    for (int i = 0; i < 3; i++) {
      create("p" + i, "{\"baseModel\":\"" + BASE_MODEL + "\"}");
    }
    String token = api.control("GET", COLLECTION).path(emulator.accountId()).query("pageSize", 1).send().body()
        .path("nextPageToken").asText();

    Response mismatch = api.control("GET", COLLECTION).path(emulator.accountId()).query("pageToken", token)
        .query("orderBy", "name desc").send();

    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.body().path("message").asText()).contains("page_token");
  }

  @Test
  void ordersByNameAndCreateTime() {
    create("b", "{\"baseModel\":\"" + BASE_MODEL + "\",\"displayName\":\"2\"}");
    create("c", "{\"baseModel\":\"" + BASE_MODEL + "\",\"displayName\":\"3\"}");
    create("a", "{\"baseModel\":\"" + BASE_MODEL + "\",\"displayName\":\"1\"}");

    assertThat(ids(list("orderBy", null))).containsExactly("b", "c", "a");
    assertThat(ids(list("orderBy", "name"))).containsExactly("a", "b", "c");
    assertThat(ids(list("orderBy", "name desc"))).containsExactly("c", "b", "a");
    assertThat(ids(list("orderBy", "create_time desc"))).containsExactly("a", "c", "b");
    assertThat(ids(list("orderBy", "displayName"))).containsExactly("a", "b", "c");
    Response bad = api.control("GET", COLLECTION).path(emulator.accountId()).query("orderBy", "base_model").send();
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("message").asText()).contains("order_by");
  }

  @Test
  void filtersOnTopLevelEquality() {
    create("one", "{\"baseModel\":\"" + BASE_MODEL + "\",\"displayName\":\"x\",\"minReplicaCount\":2}");
    create("two", "{\"baseModel\":\"other\",\"displayName\":\"x\"}");
    create("three", "{\"baseModel\":\"" + BASE_MODEL + "\",\"enableAddons\":true}");

    assertThat(ids(list("filter", "display_name = \"x\""))).containsExactly("one", "two");
    assertThat(ids(list("filter", "displayName=x AND baseModel=\"other\""))).containsExactly("two");
    assertThat(ids(list("filter", "enable_addons = true"))).containsExactly("three");
    assertThat(ids(list("filter", "enable_addons = false"))).containsExactly("one", "two");
    assertThat(ids(list("filter", "min_replica_count = 2"))).containsExactly("one");
    assertThat(ids(list("filter", "state = CREATING"))).isEmpty();
    assertThat(ids(list("filter", "state = \"READY\""))).hasSize(3);
    for (String unsupported : List.of("display_name = \"x\" OR state = READY", "min_replica_count > 1",
        "placement.region = US_IOWA_1", "NOT enable_addons = true", "annotations = x", "nope = 1")) {
      Response r = api.control("GET", COLLECTION).path(emulator.accountId()).query("filter", unsupported).send();
      assertThat(r.status()).as(unsupported).isEqualTo(400);
      assertThat(r.body().path("code").asInt()).isEqualTo(3);
      assertThat(r.body().path("message").asText()).as(unsupported).contains("filter");
    }
  }

  @Test
  void readMaskSelectsFields() {
    create("masked", "{\"baseModel\":\"" + BASE_MODEL + "\",\"displayName\":\"M\"}");

    JsonNode d = api.control("GET", ITEM).path(emulator.accountId(), "masked").query("readMask", "name,display_name,baseModel")
        .send().body();

    assertThat(d.size()).as("baseModel is required by the schema").isEqualTo(3);
    assertThat(d.path("displayName").asText()).isEqualTo("M");
  }

  @Test
  void updateWithMaskChangesOnlyMaskedPaths() {
    create("upd", "{\"baseModel\":\"" + BASE_MODEL + "\",\"displayName\":\"old\",\"description\":\"keep\","
        + "\"autoscalingPolicy\":{\"scaleUpWindow\":\"30s\",\"scaleDownWindow\":\"600s\"}}");

    Response r = api.control("PATCH", ITEM).path(emulator.accountId(), "upd")
        .query("updateMask", "display_name,autoscaling_policy.scale_down_window,description")
        .body(json("{\"name\":\"accounts/emulator/deployments/upd\",\"baseModel\":\"" + BASE_MODEL + "\","
            + "\"displayName\":\"new\",\"autoscalingPolicy\":{\"scaleDownWindow\":\"60s\",\"scaleUpWindow\":\"1s\"},"
            + "\"minReplicaCount\":5}"))
        .send();

    JsonNode d = r.body();
    assertThat(d.path("displayName").asText()).isEqualTo("new");
    assertThat(d.has("description")).as("masked but absent: cleared").isFalse();
    assertThat(d.path("autoscalingPolicy").path("scaleDownWindow").asText()).isEqualTo("60s");
    assertThat(d.path("autoscalingPolicy").path("scaleUpWindow").asText()).isEqualTo("30s");
    assertThat(d.path("minReplicaCount").asInt()).isZero();
    assertThat(d.path("state").asText()).as("a change of the policy applies").isEqualTo("UPDATING");
    assertThat(get("upd").body().path("state").asText()).isEqualTo("READY");
  }

  @Test
  void updateWithoutMaskChangesTheFieldsPresent() {
    create("nomask", "{\"baseModel\":\"" + BASE_MODEL + "\",\"displayName\":\"old\",\"description\":\"keep\","
        + "\"autoscalingPolicy\":{\"scaleUpWindow\":\"30s\",\"scaleDownWindow\":\"600s\"}}");
    get("nomask");

    JsonNode d = api.control("PATCH", ITEM).path(emulator.accountId(), "nomask")
        .body(json("{\"displayName\":\"new\",\"autoscalingPolicy\":{\"scaleDownWindow\":\"60s\"}}")).send().body();

    assertThat(d.path("displayName").asText()).isEqualTo("new");
    assertThat(d.path("description").asText()).isEqualTo("keep");
    assertThat(d.path("autoscalingPolicy").path("scaleUpWindow").asText()).isEqualTo("30s");
    assertThat(d.path("autoscalingPolicy").path("scaleDownWindow").asText()).isEqualTo("60s");
  }

  @Test
  void metadataOnlyUpdateStaysReady() {
    create("meta", "{\"baseModel\":\"" + BASE_MODEL + "\"}");
    get("meta");

    JsonNode d = api.control("PATCH", ITEM).path(emulator.accountId(), "meta")
        .body(json("{\"displayName\":\"renamed\"}")).send().body();

    assertThat(d.path("state").asText()).isEqualTo("READY");
  }

  @Test
  void updateRejectsBadMasksNamesAndBaseModelChanges() {
    create("strict", "{\"baseModel\":\"" + BASE_MODEL + "\"}");

    assertThat(patch("strict", "replica_count", "{}").body().path("message").asText()).contains("output only");
    assertThat(patch("strict", "no_such_field", "{}").body().path("message").asText()).contains("no_such_field");
    assertThat(patch("strict", null, "{\"baseModel\":\"other\"}").body().path("message").asText())
        .contains("cannot be changed");
    assertThat(patch("strict", null, "{\"name\":\"accounts/emulator/deployments/other\"}").status()).isEqualTo(400);
    assertThat(api.control("PATCH", ITEM).path(emulator.accountId(), "missing").body(json("{}")).send().status())
        .isEqualTo(404);
  }

  @Test
  void scaleChangesReplicasThroughUpdating() {
    create("sc", "{\"baseModel\":\"" + BASE_MODEL + "\",\"maxReplicaCount\":10}");
    get("sc");

    Response r = api.control("PATCH", SCALE).path(emulator.accountId(), "sc").body(json("{\"replicaCount\":4}"))
        .send();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().size()).isZero();
    assertThat(get("sc").body().path("replicaCount").asInt()).isEqualTo(4);
    api.control("PATCH", SCALE).path(emulator.accountId(), "sc").body(json("{}")).send();
    assertThat(get("sc").body().path("replicaCount").asInt()).as("no replicaCount: scale to zero").isZero();
    assertThat(api.control("PATCH", SCALE).path(emulator.accountId(), "sc").body(json("{\"replicaCount\":-1}"))
        .send().status()).isEqualTo(400);
    assertThat(api.control("POST", SCALE).path(emulator.accountId(), "sc").body(json("{}")).send().status())
        .isEqualTo(405);
  }

  @Test
  void encodedColonIsNotACustomMethod() {
    create("colon", "{\"baseModel\":\"" + BASE_MODEL + "\"}");

    Response r = api.control("PATCH", ITEM).path(emulator.accountId(), "colon%3Ascale")
        .body(json("{\"replicaCount\":1}")).send();

    assertThat(r.status()).isEqualTo(404);
  }

  @Test
  void softDeleteHidesFromListUnlessShowDeletedThenUndelete() {
    create("soft", "{\"baseModel\":\"" + BASE_MODEL + "\"}");

    Response deleted = api.control("DELETE", ITEM).path(emulator.accountId(), "soft").send();
    assertThat(deleted.body().size()).isZero();
    JsonNode deleting = get("soft").body();
    assertThat(deleting.path("state").asText()).isIn("DELETING", "DELETED");
    assertThat(deleting.has("deleteTime")).isTrue();
    assertThat(deleting.has("purgeTime")).isTrue();
    assertThat(get("soft").body().path("state").asText()).isEqualTo("DELETED");
    assertThat(ids(list("pageSize", 10))).doesNotContain("soft");
    assertThat(ids(list("showDeleted", true))).contains("soft");
    assertThat(api.control("DELETE", ITEM).path(emulator.accountId(), "soft").send().status()).isEqualTo(400);

    JsonNode undeleted = api.control("POST", UNDELETE).path(emulator.accountId(), "soft").body(json("{}")).send()
        .body();
    assertThat(undeleted.path("state").asText()).isEqualTo("CREATING");
    assertThat(undeleted.has("deleteTime")).isFalse();
    assertThat(get("soft").body().path("state").asText()).isEqualTo("READY");
    assertThat(api.control("POST", UNDELETE).path(emulator.accountId(), "soft").body(json("{}")).send().status())
        .as("only DELETED or FAILED deployments").isEqualTo(400);
  }

  @Test
  void hardDeleteRemoves() {
    create("hard", "{\"baseModel\":\"" + BASE_MODEL + "\"}");

    api.control("DELETE", ITEM).path(emulator.accountId(), "hard").query("hard", true).send();
    emulator.settle();

    assertThat(get("hard").status()).isEqualTo(404);
    assertThat(ids(list("showDeleted", true))).doesNotContain("hard");
  }

  @Test
  void deploymentInUseByARouterNeedsIgnoreChecks() {
    create("used", "{\"baseModel\":\"" + BASE_MODEL + "\"}");
    api.control("POST", RoutersApiTest.COLLECTION).path(emulator.accountId()).query("routerId", "r")
        .body(json("{\"deployments\":[\"used\"]}")).send();

    Response refused = api.control("DELETE", ITEM).path(emulator.accountId(), "used").send();
    Response forced = api.control("DELETE", ITEM).path(emulator.accountId(), "used").query("ignoreChecks", true)
        .send();

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("message").asText()).contains("in use").contains("ignoreChecks");
    assertThat(forced.status()).isEqualTo(200);
  }

  @Test
  void lifecycleFollowsTheConfiguredDelay() {
    try (FireworksEmulator slow = FireworksEmulator.builder().lifecycleDelay(java.time.Duration.ofHours(1))
        .start()) {
      SpecClient client = new SpecClient(slow);
      client.control("POST", COLLECTION).path(slow.accountId()).query("deploymentId", "slow")
          .body(json("{\"baseModel\":\"" + BASE_MODEL + "\"}")).send();

      assertThat(client.control("GET", ITEM).path(slow.accountId(), "slow").send().body().path("state").asText())
          .isEqualTo("CREATING");
      slow.settle();
      assertThat(client.control("GET", ITEM).path(slow.accountId(), "slow").send().body().path("state").asText())
          .isEqualTo("READY");
      client.control("DELETE", ITEM).path(slow.accountId(), "slow").send();
      assertThat(client.control("GET", ITEM).path(slow.accountId(), "slow").send().body().path("state").asText())
          .isEqualTo("DELETING");
    }
  }

  @Test
  void authenticationAndOwnership() {
    Response missing = api.control("GET", COLLECTION).path(emulator.accountId()).key(null).send();
    Response wrong = api.control("GET", COLLECTION).path(emulator.accountId()).key("nope").send();
    Response other = api.control("GET", COLLECTION).path("someone-else").send();

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.body().path("code").asInt()).isEqualTo(16);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.body().path("code").asInt()).isEqualTo(7);
  }

  @Test
  void unknownPathsAndMethods() {
    assertThat(api.control("PUT", COLLECTION).path(emulator.accountId()).body(json("{}")).send().status())
        .isEqualTo(405);
    assertThat(api.control("GET", ITEM).path(emulator.accountId(), "missing").send().body().path("code").asInt())
        .isEqualTo(5);
  }

  @Test
  void accountsAndVerifyApiKey() {
    JsonNode accounts = api.control("GET", "/v1/accounts").send().body();

    assertThat(accounts.path("accounts").get(0).path("name").asText()).isEqualTo("accounts/emulator");
  }

  private Response patch(String id, String mask, String body) {
    var request = api.control("PATCH", ITEM).path(emulator.accountId(), id).body(json(body));
    return (mask == null ? request : request.query("updateMask", mask)).send();
  }

  private JsonNode list(String parameter, Object value) {
    var request = api.control("GET", COLLECTION).path(emulator.accountId());
    return (value == null ? request : request.query(parameter, value)).send().body();
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("deployments").forEach(d -> {
      String name = d.path("name").asText();
      ids.add(name.substring(name.lastIndexOf('/') + 1));
    });
    return ids;
  }
}
