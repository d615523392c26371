package dev.fireworks4j.routers.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficSplitTest {
  private static Deployment deployment(String id, Integer replicas) {
    Deployment.Builder b = Deployment.builder().name("accounts/acct/deployments/" + id);
    if (replicas != null) {
      b.replicaCount(replicas);
    }
    return b.build();
  }

  private static Router router(String... deployments) {
    return Router.builder().name("accounts/acct/routers/ab").addDeployments(deployments).build();
  }

  @Test
  void threeAndTwoReplicasGiveSixtyAndFortyPercentAsInTheGuide() {
    TrafficSplit split = TrafficSplit.of(
        router("accounts/acct/deployments/deployment-a", "accounts/acct/deployments/deployment-b"),
        List.of(deployment("deployment-b", 2), deployment("deployment-a", 3)));

    assertThat(split.fractionOf("deployment-a")).hasValue(0.6);
    assertThat(split.fractionOf("accounts/acct/deployments/deployment-b")).hasValue(0.4);
    assertThat(split.totalReplicas()).isEqualTo(5);
    assertThat(split.hasTraffic()).isTrue();
    assertThat(split.toTable()).isEqualTo(""
        + "| Deployment   | Replicas | Traffic share |\n"
        + "|--------------|---------:|--------------:|\n"
        + "| deployment-a |        3 |           60% |\n"
        + "| deployment-b |        2 |           40% |\n"
        + "| Total        |        5 |          100% |\n");
  }

  @Test
  void noReplicasAnywhereMeansNoTraffic() {
    TrafficSplit split = TrafficSplit.of(router("accounts/acct/deployments/a", "accounts/acct/deployments/b"),
        List.of(deployment("a", 0), deployment("b", null)));

    assertThat(split.hasTraffic()).isFalse();
    assertThat(split.fractionOf("a")).hasValue(0.0);
    assertThat(split.toTable()).isEqualTo(""
        + "| Deployment | Replicas | Traffic share |\n"
        + "|------------|---------:|--------------:|\n"
        + "| a          |        0 |             - |\n"
        + "| b          |        0 |             - |\n"
        + "| Total      |        0 |    no traffic |\n");
  }

  @Test
  void sharesThatAreNotWholePercentagesGetOneDecimal() {
    Map<String, Integer> replicas = new LinkedHashMap<>();
    replicas.put("old", 2);
    replicas.put("new", 1);

    TrafficSplit split = TrafficSplit.ofReplicas(replicas);

    assertThat(split.shares()).extracting(TrafficSplit.Share::deployment).containsExactly("old", "new");
    assertThat(split.toString()).contains("| old        |        2 |         66.7% |", "| new        |        1 |         33.3% |");
    assertThat(TrafficSplit.percent(0.9996)).isEqualTo("100%");
    assertThat(TrafficSplit.percent(0.125)).isEqualTo("12.5%");
  }

  @Test
  void shortIdsInTheRouterMatchDeploymentsByIdAndMissingOnesAreNamed() {
    TrafficSplit split = TrafficSplit.of(router("a"), List.of(deployment("a", 1)));
    assertThat(split.fractionOf("a")).hasValue(1.0);

    assertThatThrownBy(() -> TrafficSplit.of(router("accounts/acct/deployments/a", "accounts/acct/deployments/c"),
        List.of(deployment("a", 1))))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("deployments");
          assertThat(e).hasMessageContaining("accounts/acct/deployments/c");
        });
    assertThatThrownBy(() -> TrafficSplit.ofReplicas(Map.of("a", -1))).isInstanceOf(ValidationException.class);
    assertThat(split.fractionOf("zzz")).isEmpty();
  }

  @Test
  void splitsWithTheSameSharesAreEqual() {
    assertThat(TrafficSplit.ofReplicas(Map.of("a", 2))).isEqualTo(TrafficSplit.ofReplicas(Map.of("a", 2)))
        .isNotEqualTo(TrafficSplit.ofReplicas(Map.of("a", 3)));
  }
}
