package dev.fireworks4j.routers.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.error.InternalServerException;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.core.retry.RetryPolicy;
import dev.fireworks4j.core.testing.FakeTime;
import dev.fireworks4j.routers.DeploymentsClient;
import dev.fireworks4j.routers.RoutersClient;
import dev.fireworks4j.routers.model.RouterStrategy;
import dev.fireworks4j.routers.testing.FakeControlPlane;
import dev.fireworks4j.routers.traffic.MigrationStep.Kind;
import dev.fireworks4j.routers.wait.WaitOptions;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrafficMigrationTest {
  private FakeControlPlane platform;
  private ApiInvoker invoker;
  private RoutersClient routers;
  private DeploymentsClient deployments;
  private final FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<MigrationStep> checked = new ArrayList<>();

  @BeforeEach
  void start() {
    platform = new FakeControlPlane();
    URI base = platform.baseUrl();
    invoker = ApiInvoker.create(ClientOptions.builder().apiKey("test-key").accountId("acct")
        .endpoints(Endpoints.custom(base, URI.create(base + "/inference/v1")))
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(2)).build())
        .build());
    routers = new RoutersClient(invoker);
    deployments = new DeploymentsClient(invoker);
    platform.addDeployment("old", 3);
    platform.addDeployment("new", 0);
  }

  @AfterEach
  void stop() {
    try {
      platform.assertConforms();
    } finally {
      invoker.close();
      platform.close();
    }
  }

  private TrafficMigration.Builder migration() {
    return TrafficMigration.builder().router("prod").from("old").to("new").fromReplicas(3).toReplicas(3)
        .waitOptions(WaitOptions.builder().timeout(Duration.ofMinutes(10)).timeSource(time).build());
  }

  private MigrationCheck recordingCheck(int failAfterStep) {
    return step -> {
      checked.add(step);
      return step.number() != failAfterStep;
    };
  }

  @Test
  void thePlanFollowsTheGuideAndMovesReplicasInSteps() {
    List<MigrationStep> steps = migration().build().steps();

    assertThat(steps).extracting(MigrationStep::kind).containsExactly(Kind.CREATE_ROUTER, Kind.ADD_TO_ROUTER,
        Kind.SHIFT, Kind.SHIFT, Kind.SHIFT, Kind.SCALE_DOWN_OLD, Kind.REMOVE_FROM_ROUTER);
    assertThat(steps).extracting(s -> s.oldReplicas() + "/" + s.newReplicas())
        .containsExactly("3/0", "3/0", "2/1", "1/2", "1/3", "0/3", "0/3");
    assertThat(steps).extracting(s -> s.split().fractionOf("new").orElse(-1))
        .containsExactly(-1.0, 0.0, 1 / 3.0, 2 / 3.0, 0.75, 1.0, 1.0);
    assertThat(steps.get(6).routerDeployments()).containsExactly("new");
    assertThat(steps.get(2)).hasToString("Step 3 (SHIFT): scale new to 1 and old to 2");
  }

  @Test
  void stepsThatWouldChangeNothingAreLeftOut() {
    List<MigrationStep> steps = migration().createRouter(false).fromReplicas(1).toReplicas(2).toInitialReplicas(1)
        .shiftSteps(1).build().steps();

    assertThat(steps).extracting(MigrationStep::toString).containsExactly(
        "Step 1 (ADD_TO_ROUTER): add new to router prod (it has 1 replicas)",
        "Step 2 (SHIFT): scale new to 2 and old to 1",
        "Step 3 (SCALE_DOWN_OLD): scale old to 0",
        "Step 4 (REMOVE_FROM_ROUTER): remove old from router prod");
  }

  @Test
  void aDryRunPrintsThePlanWithTheSplitAfterEachStepAndCallsNothing() {
    String text = migration().createRouter(false).shiftSteps(1).build().dryRun();

    assertThat(text).isEqualTo(""
        + "Dry run: move router prod from old to new in 4 steps; nothing is called.\n"
        + "\n"
        + "Before: router prod covers old\n"
        + "| Deployment | Replicas | Traffic share |\n"
        + "|------------|---------:|--------------:|\n"
        + "| old        |        3 |          100% |\n"
        + "| Total      |        3 |          100% |\n"
        + "\n"
        + "Step 1 (ADD_TO_ROUTER): add new to router prod (it has 0 replicas)\n"
        + "| Deployment | Replicas | Traffic share |\n"
        + "|------------|---------:|--------------:|\n"
        + "| old        |        3 |          100% |\n"
        + "| new        |        0 |            0% |\n"
        + "| Total      |        3 |          100% |\n"
        + "\n"
        + "Step 2 (SHIFT): scale new to 3 and old to 1\n"
        + "| Deployment | Replicas | Traffic share |\n"
        + "|------------|---------:|--------------:|\n"
        + "| old        |        1 |           25% |\n"
        + "| new        |        3 |           75% |\n"
        + "| Total      |        4 |          100% |\n"
        + "\n"
        + "Step 3 (SCALE_DOWN_OLD): scale old to 0\n"
        + "| Deployment | Replicas | Traffic share |\n"
        + "|------------|---------:|--------------:|\n"
        + "| old        |        0 |            0% |\n"
        + "| new        |        3 |          100% |\n"
        + "| Total      |        3 |          100% |\n"
        + "\n"
        + "Step 4 (REMOVE_FROM_ROUTER): remove old from router prod\n"
        + "| Deployment | Replicas | Traffic share |\n"
        + "|------------|---------:|--------------:|\n"
        + "| new        |        3 |          100% |\n"
        + "| Total      |        3 |          100% |\n"
        + "\n");
    assertThat(platform.requests()).isEmpty();
  }

  @Test
  void aRunCreatesTheRouterShiftsReplicasUpBeforeDownAndEndsOnTheNewDeployment() {
    MigrationResult result = migration().strategy(RouterStrategy.WEIGHTED_RANDOM).check(recordingCheck(-1)).build()
        .run(routers, deployments);

    assertThat(result.outcome()).isEqualTo(MigrationResult.Outcome.COMPLETED);
    assertThat(result.completedSteps()).hasSize(7);
    assertThat(checked).extracting(MigrationStep::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
    assertThat(platform.routerDeployments("prod")).containsExactly("accounts/acct/deployments/new");
    assertThat(platform.replicas("old")).isZero();
    assertThat(platform.replicas("new")).isEqualTo(3);
    assertThat(platform.changes()).containsExactly(
        "POST /v1/accounts/acct/routers?routerId=prod {\"deployments\":[\"accounts/acct/deployments/old\"],"
            + "\"weightedRandom\":{}}",
        "PATCH /v1/accounts/acct/routers/prod {\"name\":\"accounts/acct/routers/prod\",\"deployments\":"
            + "[\"accounts/acct/deployments/old\",\"accounts/acct/deployments/new\"]}",
        "PATCH /v1/accounts/acct/deployments/new:scale {\"replicaCount\":1}",
        "PATCH /v1/accounts/acct/deployments/old:scale {\"replicaCount\":2}",
        "PATCH /v1/accounts/acct/deployments/new:scale {\"replicaCount\":2}",
        "PATCH /v1/accounts/acct/deployments/old:scale {\"replicaCount\":1}",
        "PATCH /v1/accounts/acct/deployments/new:scale {\"replicaCount\":3}",
        "PATCH /v1/accounts/acct/deployments/old:scale {\"replicaCount\":0}",
        "PATCH /v1/accounts/acct/routers/prod {\"name\":\"accounts/acct/routers/prod\",\"deployments\":"
            + "[\"accounts/acct/deployments/new\"]}");
    assertThat(time.sleeps()).isNotEmpty();
  }

  @Test
  void aFailedCheckUndoesThatStepAndStops() {
    MigrationResult result = migration().check(recordingCheck(4)).build().run(routers, deployments);

    assertThat(result.outcome()).isEqualTo(MigrationResult.Outcome.ROLLED_BACK);
    assertThat(result.rolledBackStep()).hasValueSatisfying(step -> assertThat(step.number()).isEqualTo(4));
    assertThat(result.reason()).contains("the check returned false");
    assertThat(result.completedSteps()).extracting(MigrationStep::number).containsExactly(1, 2, 3);
    assertThat(checked).extracting(MigrationStep::number).containsExactly(1, 2, 3, 4);
    assertThat(platform.replicas("old")).isEqualTo(2);
    assertThat(platform.replicas("new")).isEqualTo(1);
    List<String> changes = platform.changes();
    assertThat(changes.subList(changes.size() - 2, changes.size())).containsExactly(
        "PATCH /v1/accounts/acct/deployments/old:scale {\"replicaCount\":2}",
        "PATCH /v1/accounts/acct/deployments/new:scale {\"replicaCount\":1}");
  }

  @Test
  void aCheckThatThrowsCountsAsFailedAndUndoingAddingRestoresTheRouter() {
    platform.addRouter("prod", "old");

    MigrationResult result = migration().createRouter(false).check(step -> {
      throw new IllegalStateException("error rate 7%");
    }).build().run(routers, deployments);

    assertThat(result.outcome()).isEqualTo(MigrationResult.Outcome.ROLLED_BACK);
    assertThat(result.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("error rate 7%"));
    assertThat(result.completedSteps()).isEmpty();
    assertThat(platform.routerDeployments("prod")).containsExactly("accounts/acct/deployments/old");
    assertThat(platform.changes()).hasSize(2);
  }

  @Test
  void undoingTheCreateStepDeletesTheRouterItCreated() {
    MigrationResult result = migration().check(recordingCheck(1)).build().run(routers, deployments);

    assertThat(result.outcome()).isEqualTo(MigrationResult.Outcome.ROLLED_BACK);
    assertThat(platform.routerDeployments("prod")).isNull();
    assertThat(platform.changes()).last().asString().startsWith("DELETE /v1/accounts/acct/routers/prod");
  }

  @Test
  void aFailingCallUndoesItsStepAndThrows() {
    platform.failScaling("new", 2);

    assertThatThrownBy(() -> migration().build().run(routers, deployments))
        .isInstanceOfSatisfying(MigrationException.class, e -> {
          assertThat(e.step().number()).isEqualTo(4);
          assertThat(e.completedSteps()).hasSize(3);
          assertThat(e).hasCauseInstanceOf(InternalServerException.class).hasMessageContaining("Step 4 (SHIFT)");
        });
    assertThat(platform.replicas("new")).isEqualTo(1);
    assertThat(platform.replicas("old")).isEqualTo(2);
  }

  @Test
  void aRunRefusesToStartWhenThePlatformIsNotWhereThePlanStarts() {
    assertThatThrownBy(() -> migration().fromReplicas(4).build().run(routers, deployments))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("fromReplicas"));
    assertThatThrownBy(() -> migration().toInitialReplicas(1).build().run(routers, deployments))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("toInitialReplicas"));

    platform.addRouter("prod", "old", "other");
    assertThatThrownBy(() -> migration().createRouter(false).build().run(routers, deployments))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("router"));
    assertThatThrownBy(() -> migration().build().run(routers, deployments))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e).hasMessageContaining("exists already"));
    assertThat(platform.changes()).isEmpty();
    assertThat(platform.routerDeployments("prod")).hasSize(2);
  }

  @Test
  void theBuilderChecksItsInputs() {
    assertThatThrownBy(() -> TrafficMigration.builder().from("a").to("b").fromReplicas(1).toReplicas(1).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("router"));
    assertThatThrownBy(() -> migration().to("old").build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
    assertThatThrownBy(() -> TrafficMigration.builder().router("r").from("a").to("b").toReplicas(1).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("fromReplicas"));
    assertThatThrownBy(() -> migration().toReplicas(0))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("toReplicas"));
    assertThatThrownBy(() -> migration().shiftSteps(0))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("shiftSteps"));
  }

  @Test
  void everyStepCarriesTheSplitTheCheckCanCompareAgainst() {
    migration().shiftSteps(1).check(recordingCheck(-1)).build().run(routers, deployments);

    assertThat(checked.stream().map(s -> s.split().shares().stream()
        .map(share -> share.id() + "=" + share.replicas()).collect(Collectors.joining(",")))
        .collect(Collectors.toList()))
        .containsExactly("old=3", "old=3,new=0", "old=1,new=3", "old=0,new=3", "new=3");
  }
}
