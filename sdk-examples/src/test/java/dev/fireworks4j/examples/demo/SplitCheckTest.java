package dev.fireworks4j.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fireworks4j.routers.traffic.TrafficSplit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 4-sigma binomial tolerance of an observed split. */
class SplitCheckTest {
  private static final TrafficSplit SIXTY_FORTY = TrafficSplit.ofReplicas(ordered("a", 3, "b", 2));

  private static Map<String, Integer> ordered(String first, int firstReplicas, String second, int secondReplicas) {
    Map<String, Integer> replicas = new LinkedHashMap<>();
    replicas.put(first, firstReplicas);
    replicas.put(second, secondReplicas);
    return replicas;
  }

  private static Sample sample(int a, int b, int failed) {
    List<Sample.Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < a; i++) {
      outcomes.add(new Sample.Outcome("a", 0, 1, null));
    }
    for (int i = 0; i < b; i++) {
      outcomes.add(new Sample.Outcome("b", 0, 1, null));
    }
    for (int i = 0; i < failed; i++) {
      outcomes.add(new Sample.Outcome(null, 0, 1, "boom"));
    }
    return new Sample(outcomes, Duration.ofSeconds(1));
  }

  @Test
  void aShareWithinFourStandardDeviationsPasses() {
    // n = 1000, p = 0.6: sigma = sqrt(0.24 / 1000) = 1.55 points, so 4 sigma is 6.2 points
    assertThat(new SplitCheck(SIXTY_FORTY, sample(661, 339, 0)).withinTolerance()).isTrue();
    assertThat(new SplitCheck(SIXTY_FORTY, sample(539, 461, 0)).withinTolerance()).isTrue();
    assertThat(new SplitCheck(SIXTY_FORTY, sample(600, 400, 0)).widestTolerance()).isEqualTo("±6.2 points");
  }

  @Test
  void aShareOutsideFourStandardDeviationsFails() {
    assertThat(new SplitCheck(SIXTY_FORTY, sample(663, 337, 0)).withinTolerance()).isFalse();
    assertThat(new SplitCheck(SIXTY_FORTY, sample(537, 463, 0)).withinTolerance()).isFalse();
  }

  @Test
  void failedRequestsDoNotCountAsServed() {
    SplitCheck check = new SplitCheck(SIXTY_FORTY, sample(600, 400, 500));

    assertThat(check.withinTolerance()).isTrue();
    assertThat(check.sample().share("a")).isEqualTo(0.6);
  }

  @Test
  void aDeploymentWithoutReplicasMustGetNothing() {
    TrafficSplit allOnB = TrafficSplit.ofReplicas(ordered("a", 0, "b", 4));

    assertThat(new SplitCheck(allOnB, sample(0, 1000, 0)).withinTolerance()).isTrue();
    assertThat(new SplitCheck(allOnB, sample(1, 999, 0)).withinTolerance()).isFalse();
  }

  @Test
  void trafficToADeploymentOutsideTheSplitFails() {
    TrafficSplit onlyB = TrafficSplit.ofReplicas(Map.of("b", 4));

    assertThat(new SplitCheck(onlyB, sample(1, 999, 0)).withinTolerance()).isFalse();
  }

  @Test
  void theTableShowsExpectedAndObservedSharesSideBySide() {
    DemoResources names = new DemoResources(null, "fw4j-demo-test00-");

    assertThat(new SplitCheck(SIXTY_FORTY, sample(612, 388, 0)).table(names)).isEqualTo(
        "| Deployment | Replicas | Expected share | Observed share | Requests |\n"
            + "|------------|---------:|---------------:|---------------:|---------:|\n"
            + "| a          |        3 |            60% |          61.2% |      612 |\n"
            + "| b          |        2 |            40% |          38.8% |      388 |\n"
            + "| Total      |        5 |           100% |           100% |     1000 |\n");
  }
}
