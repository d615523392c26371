package dev.fireworks4j.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.Router;
import dev.fireworks4j.testkit.FireworksEmulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's cleanup deletes its own resources, and only those. */
class DemoResourcesTest {
  @Test
  void prefixesAreRandomAndValidIds() {
    String prefix = DemoResources.newPrefix();

    assertThat(prefix).matches("fw4j-demo-[a-z0-9]{6}-");
    assertThat(DemoResources.newPrefix()).isNotEqualTo(prefix);
  }

  @Test
  void cleanupDeletesOnlyThisRunsRoutersAndDeploymentsAndMayRunTwice() {
    String prefix = "fw4j-demo-abc123-";
    try (FireworksEmulator emulator = FireworksEmulator.builder()
        .deployment(prefix + "a", 1).deployment(prefix + "b", 2).router(prefix + "r", prefix + "a", prefix + "b")
        .deployment("fw4j-demo-other1-a", 1).deployment("production", 3).router("prod", "production")
        .start();
         Fireworks fw = Fireworks.create(emulator.clientOptions())) {
      DemoResources resources = new DemoResources(fw, prefix);

      DemoResources.Cleanup first = resources.cleanUp();
      emulator.settle();
      DemoResources.Cleanup second = resources.cleanUp();

      assertThat(first.routers()).isEqualTo(1);
      assertThat(first.deployments()).isEqualTo(2);
      assertThat(first.errors()).isEmpty();
      assertThat(second.routers() + second.deployments()).isZero();
      assertThat(resources.remaining()).isEmpty();
      assertThat(names(fw)).contains("accounts/emulator/routers/prod", "accounts/emulator/deployments/production",
          "accounts/emulator/deployments/fw4j-demo-other1-a").noneMatch(name -> name.contains(prefix));
    }
  }

  @Test
  void labelsDropAccountAndPrefix() {
    DemoResources resources = new DemoResources(null, "fw4j-demo-abc123-");

    assertThat(resources.label("accounts/a/deployments/fw4j-demo-abc123-model-a")).isEqualTo("model-a");
    assertThat(resources.label("fw4j-demo-abc123-old")).isEqualTo("old");
    assertThat(resources.label("accounts/a/deployments/other")).isEqualTo("other");
    assertThat(resources.id("new")).isEqualTo("fw4j-demo-abc123-new");
  }

  private static List<String> names(Fireworks fw) {
    List<String> names = new ArrayList<>();
    for (Router router : fw.routers().list()) {
      names.add(router.name().orElseThrow());
    }
    for (Deployment deployment : fw.deployments().list()) {
      names.add(deployment.name().orElseThrow());
    }
    return names;
  }
}
