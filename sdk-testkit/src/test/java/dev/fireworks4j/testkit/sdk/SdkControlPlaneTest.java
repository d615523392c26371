package dev.fireworks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.error.AuthenticationException;
import dev.fireworks4j.core.error.BadRequestException;
import dev.fireworks4j.core.error.ConflictException;
import dev.fireworks4j.core.error.NotFoundException;
import dev.fireworks4j.core.error.PermissionDeniedException;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.http.ApiResponse;
import dev.fireworks4j.core.model.State;
import dev.fireworks4j.core.paging.Page;
import dev.fireworks4j.core.paging.PagedIterable;
import dev.fireworks4j.routers.model.AcceleratorType;
import dev.fireworks4j.routers.model.AutoscalingPolicy;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.DeploymentCreateParams;
import dev.fireworks4j.routers.model.DeploymentDeleteParams;
import dev.fireworks4j.routers.model.DeploymentListParams;
import dev.fireworks4j.routers.model.DeploymentUpdateParams;
import dev.fireworks4j.routers.model.Router;
import dev.fireworks4j.routers.model.RouterCreateParams;
import dev.fireworks4j.routers.model.RouterListParams;
import dev.fireworks4j.routers.model.RouterStrategy;
import dev.fireworks4j.routers.model.RouterUpdateParams;
import dev.fireworks4j.routers.wait.WaitOptions;
import dev.fireworks4j.testkit.EmulatorConfig;
import dev.fireworks4j.testkit.FireworksEmulator;
import dev.fireworks4j.testkit.junit.FireworksEmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SDK's control-plane calls, end to end against the emulator (each with a lifecycle delay to wait out). */
class SdkControlPlaneTest {
  private static final String BASE_MODEL = EmulatorConfig.DEFAULT_BASE_MODEL;
  private static final WaitOptions QUICK = WaitOptions.builder().timeout(Duration.ofSeconds(20))
      .initialInterval(Duration.ofMillis(20)).maxInterval(Duration.ofMillis(100)).build();

  @RegisterExtension
  static final FireworksEmulatorExtension FIREWORKS = FireworksEmulatorExtension.of(EmulatorConfig.builder()
      .lifecycleDelay(Duration.ofMillis(100)).addAccount("other", "other-key").build());

  private final FireworksEmulator emulator;
  private final Fireworks fw;

  SdkControlPlaneTest(FireworksEmulator emulator, Fireworks fw) {
    this.emulator = emulator;
    this.fw = fw;
  }

  @BeforeEach
  void reset() {
    emulator.reset();
  }

  private Deployment createDeployment(String id, int replicas) {
    return fw.deployments().create(DeploymentCreateParams.builder().deploymentId(id).baseModel(BASE_MODEL)
        .minReplicaCount(replicas).maxReplicaCount(Math.max(replicas, 4)).build());
  }

  @Test
  void deploymentLifecycle() {
    Deployment created = fw.deployments().create(DeploymentCreateParams.builder().deploymentId("life")
        .baseModel(BASE_MODEL).displayName("Life").minReplicaCount(1).maxReplicaCount(3)
        .acceleratorType(AcceleratorType.NVIDIA_H200_141GB).acceleratorCount(2)
        .autoscalingPolicy(AutoscalingPolicy.builder().scaleUpWindow(Duration.ofSeconds(30)).build())
        .putAnnotations("team", "search").build());
    assertThat(created.name()).hasValue("accounts/emulator/deployments/life");
    assertThat(created.state()).hasValue(State.CREATING);

    Deployment ready = fw.deployments().awaitReady("life", QUICK);
    assertThat(ready.state()).hasValue(State.READY);
    assertThat(ready.replicaCount()).hasValue(1);
    assertThat(ready.acceleratorType()).hasValue(AcceleratorType.NVIDIA_H200_141GB);
    assertThat(ready.annotations()).containsEntry("team", "search");
    assertThat(ready.autoscalingPolicy().flatMap(AutoscalingPolicy::scaleUpWindow)).hasValue(Duration.ofSeconds(30));
    assertThat(fw.deployments().get("accounts/emulator/deployments/life").displayName()).hasValue("Life");

    Deployment updated = fw.deployments().update("life", DeploymentUpdateParams.builder().baseModel(BASE_MODEL)
        .displayName("Renamed").maxReplicaCount(6).build());
    assertThat(updated.displayName()).hasValue("Renamed");
    assertThat(updated.maxReplicaCount()).hasValue(6);
    assertThat(updated.annotations()).as("fields outside the mask are kept").containsEntry("team", "search");

    fw.deployments().scale("life", 5);
    fw.deployments().awaitReady("life", QUICK);
    assertThat(fw.deployments().get("life").replicaCount()).hasValue(5);

    fw.deployments().delete("life");
    fw.deployments().awaitDeleted("life", QUICK);
    assertThat(fw.deployments().get("life").state()).hasValue(State.DELETED);
    assertThat(names(fw.deployments().list())).doesNotContain("accounts/emulator/deployments/life");
    assertThat(names(fw.deployments().list(DeploymentListParams.builder().showDeleted(true).build())))
        .contains("accounts/emulator/deployments/life");

    Deployment undeleted = fw.deployments().undelete("life");
    assertThat(undeleted.state()).hasValue(State.CREATING);
    assertThat(fw.deployments().awaitReady("life", QUICK).state()).hasValue(State.READY);

    fw.deployments().delete("life", DeploymentDeleteParams.builder().hard(true).ignoreChecks(true).build());
    fw.deployments().awaitDeleted("life", QUICK);
    assertThatThrownBy(() -> fw.deployments().get("life")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void deploymentListPagesFiltersAndOrders() {
    for (int i = 0; i < 5; i++) {
      emulator.createDeployment("page-" + i, "{\"baseModel\":\"" + BASE_MODEL + "\",\"displayName\":\""
          + (i % 2 == 0 ? "even" : "odd") + "\"}");
    }

    PagedIterable<Deployment> all = fw.deployments().list(DeploymentListParams.builder().pageSize(2)
        .orderBy("name desc").build());
    List<String> names = names(all);
    assertThat(names).containsExactly("accounts/emulator/deployments/page-4", "accounts/emulator/deployments/page-3",
        "accounts/emulator/deployments/page-2", "accounts/emulator/deployments/page-1",
        "accounts/emulator/deployments/page-0");
    assertThat(all.totalSize()).hasValue(5);
    assertThat(names(fw.deployments().list(DeploymentListParams.builder().filter("display_name = \"odd\"").build())))
        .containsExactly("accounts/emulator/deployments/page-1", "accounts/emulator/deployments/page-3");
    assertThatThrownBy(() -> names(fw.deployments().list(DeploymentListParams.builder()
        .filter("display_name != \"odd\"").build())))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("filter");
  }

  @Test
  void routerLifecycle() {
    createDeployment("left", 3);
    createDeployment("right", 1);
    fw.deployments().awaitReady("left", QUICK);
    fw.deployments().awaitReady("right", QUICK);

    Router created = fw.routers().create(RouterCreateParams.builder().routerId("ab").displayName("A/B")
        .addDeployments("left", "right").strategy(RouterStrategy.WEIGHTED_RANDOM).build());
    assertThat(created.state()).hasValue(State.CREATING);
    assertThat(created.strategy()).hasValue(RouterStrategy.WEIGHTED_RANDOM);
    assertThat(created.deployments()).containsExactly("accounts/emulator/deployments/left",
        "accounts/emulator/deployments/right");
    Router ready = fw.routers().awaitReady("ab", QUICK);
    assertThat(ready.aliases()).containsExactly("accounts/emulator/routers/ab");
    assertThat(ready.autoGenerated()).hasValue(false);

    Router updated = fw.routers().update("ab", RouterUpdateParams.builder().strategy(RouterStrategy.EVEN_LOAD)
        .isPublic(true).build());
    assertThat(updated.strategy()).hasValue(RouterStrategy.EVEN_LOAD);
    assertThat(updated.isPublic()).hasValue(true);
    assertThat(updated.deployments()).hasSize(2);
    assertThat(fw.routers().awaitReady("ab", QUICK).strategy()).hasValue(RouterStrategy.EVEN_LOAD);

    List<String> routers = new ArrayList<>();
    fw.routers().list(RouterListParams.builder().pageSize(1).build()).forEach(r -> routers.add(r.name().orElseThrow()));
    assertThat(routers).containsExactly("accounts/emulator/routers/ab", "accounts/emulator/routers/left-auto",
        "accounts/emulator/routers/right-auto");
    Router auto = fw.routers().get("left-auto");
    assertThat(auto.autoGenerated()).hasValue(true);
    assertThat(auto.aliases()).contains("accounts/emulator/deployments/left", "emulator/left");

    fw.routers().delete("ab");
    assertThatThrownBy(() -> fw.routers().awaitReady("ab", QUICK)).isInstanceOf(RuntimeException.class);
    emulator.settle();
    assertThatThrownBy(() -> fw.routers().get("ab")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void errorsMapToTypedExceptions() {
    createDeployment("dup", 1);

    assertThatThrownBy(() -> createDeployment("dup", 1)).isInstanceOf(ConflictException.class)
        .satisfies(e -> assertThat(((ConflictException) e).code()).hasValue("ALREADY_EXISTS"));
    assertThatThrownBy(() -> fw.routers().get("missing")).isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((NotFoundException) e).code()).hasValue("NOT_FOUND"));
    assertThatThrownBy(() -> fw.routers().update("dup-auto", RouterUpdateParams.builder().displayName("x").build()))
        .as("the SDK refuses on the client side what the emulator refuses with FAILED_PRECONDITION")
        .isInstanceOf(ValidationException.class).hasMessageContaining("auto");
    try (Fireworks stranger = fw.withOptions(o -> o.apiKey("wrong-key"))) {
      assertThatThrownBy(() -> stranger.deployments().get("dup")).isInstanceOf(AuthenticationException.class);
    }
    try (Fireworks other = fw.withOptions(o -> o.apiKey("other-key"))) {
      assertThatThrownBy(() -> other.deployments().get("dup")).isInstanceOf(PermissionDeniedException.class);
    }
  }

  @Test
  void rawAndAsyncVariants() throws Exception {
    createDeployment("raw", 2);

    ApiResponse<Deployment> raw = fw.deployments().withRawResponse().get("raw");
    assertThat(raw.status()).isEqualTo(200);
    ApiResponse<Page<Deployment>> page = fw.deployments().withRawResponse()
        .listPage(DeploymentListParams.builder().pageSize(1).build(), null);
    assertThat(page.value().items()).hasSize(1);
    assertThat(page.value().totalSize()).hasValue(1);

    Deployment ready = fw.async().deployments().awaitReady("raw", QUICK).get();
    assertThat(ready.replicaCount()).hasValue(2);
    fw.async().deployments().scale("raw", 3).get();
    Router router = fw.async().routers().create(RouterCreateParams.builder().routerId("async")
        .addDeployments("raw").build()).get();
    assertThat(router.name()).hasValue("accounts/emulator/routers/async");
    assertThat(fw.async().routers().listAll(RouterListParams.builder().build()).get()).hasSize(2);
    fw.async().routers().delete("async").get();
    fw.async().deployments().delete("raw").get();
    fw.async().deployments().awaitDeleted("raw", QUICK).get();
  }

  private static List<String> names(Iterable<Deployment> deployments) {
    List<String> names = new ArrayList<>();
    deployments.forEach(d -> names.add(d.name().orElseThrow()));
    return names;
  }
}
