package dev.fireworks4j.benchmarks.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PickerSimulationTest {

  private static final int REQUESTS = 20_000;

  @Test
  void evenLoadKeepsTheTailShortWhereReplicaCountsMisstateCapacity() {
    Scenario unequal = PickerSimulation.scenario(false, 0.95, 1, REQUESTS, 3);

    SimulationResult weighted = new QueueingSimulation(unequal, Policy.WEIGHTED_RANDOM).run();
    SimulationResult even = new QueueingSimulation(unequal, Policy.EVEN_LOAD).run();

    assertThat(even.p99()).isLessThanOrEqualTo(weighted.p99());
    assertThat(even.imbalance()).isLessThan(weighted.imbalance());
    // even load follows capacity (4, 1.2 and 2 requests per unit of time), not replica counts
    assertThat(even.shares()[1]).isLessThan(weighted.shares()[1]);
  }

  @Test
  void evenLoadBalancesInFlightPerReplicaWithEqualSpeeds() {
    Scenario equal = PickerSimulation.scenario(true, 0.95, 1, REQUESTS, 4);

    SimulationResult weighted = new QueueingSimulation(equal, Policy.WEIGHTED_RANDOM).run();
    SimulationResult even = new QueueingSimulation(equal, Policy.EVEN_LOAD).run();

    assertThat(even.imbalance()).isLessThan(weighted.imbalance()).isLessThan(1.5);
    assertThat(even.p99()).isLessThanOrEqualTo(weighted.p99());
  }

  @Test
  void everyRunIsSaneAndTheTableHasARowPerRun() {
    List<SimulationResult> results = PickerSimulation.runAll(2_000, 5);

    assertThat(results).hasSize(PickerSimulation.scenarios(2_000, 5).size() * Policy.values().length);
    assertThat(results).allSatisfy(r -> {
      assertThat(r.p50()).isPositive().isLessThanOrEqualTo(r.p99());
      assertThat(r.meanLatency()).isPositive();
      assertThat(r.imbalance()).isGreaterThanOrEqualTo(1.0);
      assertThat(Arrays.stream(r.shares()).sum()).isCloseTo(1.0, within(1e-9));
    });
    String table = PickerSimulation.table(results);
    assertThat(table.lines()).hasSize(results.size() + 2);
    assertThat(table).contains("| 1/0.6/2 | 0.95 | 16 | even load |");
  }

  @Test
  void theSameSeedGivesTheSameResults() {
    Scenario scenario = PickerSimulation.scenario(false, 0.8, 16, 5_000, 6);

    SimulationResult first = new QueueingSimulation(scenario, Policy.STICKY).run();
    SimulationResult second = new QueueingSimulation(scenario, Policy.STICKY).run();

    assertThat(second.p99()).isEqualTo(first.p99());
    assertThat(second.shares()).containsExactly(first.shares());
  }
}
