package dev.fireworks4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.error.NotFoundException;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.directroute.DirectRouteHandle;
import dev.fireworks4j.routers.model.Router;
import dev.fireworks4j.routers.model.RouterStrategy;
import dev.fireworks4j.routers.picker.TargetStats;
import dev.fireworks4j.routers.traffic.MigrationResult;
import dev.fireworks4j.testkit.EmulatorConfig;
import dev.fireworks4j.testkit.FireworksEmulator;
import dev.fireworks4j.testkit.LatencyModel;
import dev.fireworks4j.testkit.ServingProfile;
import dev.fireworks4j.testkit.junit.FireworksEmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each example's logic against the emulator, with the deployments its {@code main} would find there. */
class ExamplesTest {
  private static final String DIRECT = "{\"baseModel\": \"" + EmulatorConfig.DEFAULT_BASE_MODEL + "\","
      + " \"directRouteType\": \"INTERNET\", \"directRouteApiKeys\": [\"direct-key\"],"
      + " \"placement\": {\"region\": \"US_ARIZONA_1\"}}";

  @RegisterExtension
  static final FireworksEmulatorExtension FIREWORKS = FireworksEmulatorExtension.of(EmulatorConfig.builder()
      .deployment("model-a", 3).deployment("model-b", 2).router("my-router", "model-a")
      .deployment("old", 4).deployment("new", 1)
      .deployment("direct", DIRECT)
      .deployment("fast", 2).deployment("slow", 2)
      .profile("slow", ServingProfile.defaults().withLatency(LatencyModel.of(Duration.ofMillis(40), Duration.ZERO)))
      .router("lb", "fast", "slow")
      .build());

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
  private Fireworks fw;

  @BeforeEach
  void connect(FireworksEmulator emulator, Fireworks client) {
    emulator.reset();
    fw = client;
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void routerCrud(FireworksEmulator emulator) {
    Router updated = RouterCrudExample.run(fw, "crud", "model-a", "model-b", out);

    assertThat(updated.deployments()).containsExactly(emulator.deploymentName("model-a"),
        emulator.deploymentName("model-b"));
    assertThat(updated.strategy()).contains(RouterStrategy.EVEN_LOAD);
    assertThat(updated.displayName()).contains("CRUD example, two deployments");
    assertThat(printed()).contains("created accounts/emulator/routers/crud (CREATING)",
        "listed  accounts/emulator/routers/crud", "got     accounts/emulator/routers/crud over",
        "updated accounts/emulator/routers/crud over", "deleted accounts/emulator/routers/crud");
    assertThatThrownBy(() -> fw.routers().get("crud")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void awaitReady() {
    try (FireworksEmulator slowLifecycle = FireworksEmulator.builder().lifecycleDelay(Duration.ofMillis(150)).start();
         Fireworks client = Fireworks.create(slowLifecycle.clientOptions())) {
      Router router = AwaitReadyExample.run(client, "waited", EmulatorConfig.DEFAULT_BASE_MODEL, out);

      assertThat(router.state().map(Object::toString)).contains("READY");
      assertThat(printed()).containsSubsequence("deployment accounts/emulator/deployments/waited is CREATING",
          "deployment accounts/emulator/deployments/waited is READY with 1 replica(s)",
          "router accounts/emulator/routers/waited is CREATING", "router accounts/emulator/routers/waited is READY");
    }
  }

  @Test
  void abTest(FireworksEmulator emulator) {
    Map<String, Long> served = AbTestExample.run(fw, "ab", "model-a", "model-b", 500, out);

    // 4 standard deviations of a binomial share over 500 requests: 4 * sqrt(0.6 * 0.4 / 500) = 0.088
    assertThat(served.get(emulator.deploymentName("model-a")) / 500.0).isCloseTo(0.6, within(0.088));
    assertThat(served.get(emulator.deploymentName("model-b")) / 500.0).isCloseTo(0.4, within(0.088));
    assertThat(printed()).contains("| model-a    |        3 |           60% |",
        "| model-b    |        2 |           40% |");
    assertThatThrownBy(() -> fw.routers().get("ab")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void gradualMigration(FireworksEmulator emulator) {
    MigrationResult result = GradualMigrationExample.run(fw, "moving", "old", "new", out);

    assertThat(result.outcome()).isEqualTo(MigrationResult.Outcome.COMPLETED);
    assertThat(result.completedSteps()).hasSize(5);
    assertThat(fw.routers().get("moving").deployments()).containsExactly(emulator.deploymentName("new"));
    assertThat(fw.deployments().get("old").replicaCount().orElse(0)).isZero();
    assertThat(fw.deployments().get("new").replicaCount()).contains(4);
    assertThat(printed()).contains("Dry run: move router moving from old to new in 5 steps",
        "check after Step 2 (ADD_TO_ROUTER)", "20 requests served");
  }

  @Test
  void chatThroughARouterAliasSyncAsyncAndStreaming(FireworksEmulator emulator) {
    RouterName router = RouterName.of(emulator.accountId(), "my-router");
    List<String> pieces = new ArrayList<>();

    String sync = ChatThroughRouterExample.sync(fw, router);
    String async = ChatThroughRouterExample.async(fw, router).join();
    String streamed = ChatThroughRouterExample.stream(fw, router, pieces::add);
    List<String> asyncPieces = new ArrayList<>();
    String streamedAsync = ChatThroughRouterExample.streamAsync(fw, router, asyncPieces::add).join();

    assertThat(sync).isNotBlank();
    assertThat(async).isNotBlank();
    assertThat(pieces).hasSizeGreaterThan(1);
    assertThat(String.join("", pieces)).isEqualTo(streamed).isNotBlank();
    assertThat(asyncPieces).hasSizeGreaterThan(1);
    assertThat(String.join("", asyncPieces)).isEqualTo(streamedAsync).isNotBlank();
    assertThat(emulator.counters().requestsByRouter()).containsEntry(router.toString(), 4L);
  }

  @Test
  void directRouteMigration(FireworksEmulator emulator) {
    var deployment = fw.deployments().get("direct");
    String handle = DirectRouteHandle.from(deployment).host();

    DirectRouteMigrationExample.Answers answers = DirectRouteMigrationExample.run(fw, deployment,
        emulator.directRouteEndpoints(handle, "direct-key"), out);

    assertThat(answers.directRoute().choices()).isNotEmpty();
    assertThat(answers.gateway().model()).isEqualTo(emulator.deploymentName("direct"));
    assertThat(printed()).contains("base URL: https://" + handle + "/v1", "-> " + emulator.inferenceUri(),
        "direct route answered: ", "gateway answered: ").doesNotContain("direct-key");
    assertThat(emulator.counters().deployment(emulator.deploymentName("direct")).completed()).isEqualTo(2);
  }

  @Test
  void clientSideRoutingWithEvenLoadAndStickySessions(FireworksEmulator emulator) {
    ClientSideRoutingExample.Result result = ClientSideRoutingExample.run(fw,
        RouterName.of(emulator.accountId(), "lb"), 200, "user-42", out);

    TargetStats fast = result.stats().get(emulator.deploymentName("fast"));
    TargetStats slow = result.stats().get(emulator.deploymentName("slow"));
    assertThat(fast.requests() + slow.requests()).isEqualTo(210); // 200, then 10 for the user
    assertThat(slow.requests()).isLessThan(fast.requests() / 2);  // even load sees the slow one's requests pile up
    assertThat(result.servedUser()).hasSize(1);
    assertThat(emulator.counters().requestsByRouter()).doesNotContainKey(emulator.routerName("lb"));
  }

  @Test
  void openAiJavaThroughARouterAlias(FireworksEmulator emulator) {
    String answer = OpenAiJavaExample.ask(emulator.inferenceUri().toString(), emulator.apiKey(),
        emulator.routerName("my-router"));

    assertThat(answer).isNotBlank();
    assertThat(emulator.counters().requestsByRouter()).containsEntry(emulator.routerName("my-router"), 1L);
  }
}
