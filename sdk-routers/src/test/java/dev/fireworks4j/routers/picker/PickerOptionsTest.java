package dev.fireworks4j.routers.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PickerOptionsTest {

  @Test
  void defaultsFollowEnvoyAndGrpcNorms() {
    PickerOptions defaults = PickerOptions.defaults();

    assertThat(defaults.failuresToEject()).isEqualTo(5);
    assertThat(defaults.baseEjectionTime()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.maxEjectionTime()).isEqualTo(Duration.ofSeconds(300));
    assertThat(defaults.maxEjectedFraction()).isEqualTo(0.5);
    assertThat(defaults.panicThreshold()).isEqualTo(0.5);
    assertThat(defaults.fullScanLimit()).isEqualTo(8);
    assertThat(defaults.failurePenalty()).isEqualTo(1.0);
    assertThat(defaults.failurePenaltyHalfLife()).isEqualTo(Duration.ofSeconds(2));
    assertThat(defaults.serverLoadMaxAge()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void toBuilderKeepsEverySetting() {
    FakeClock clock = new FakeClock();
    RandomSource random = RandomSource.seeded(1);
    PickerOptions options = PickerOptions.builder().random(random).nanoClock(clock).fullScanLimit(3)
        .failuresToEject(2).baseEjectionTime(Duration.ofSeconds(1)).maxEjectionTime(Duration.ofSeconds(2))
        .maxEjectedFraction(0.25).panicThreshold(0.75).failurePenalty(3)
        .failurePenaltyHalfLife(Duration.ofSeconds(4)).serverLoadMaxAge(Duration.ofSeconds(5)).build();

    PickerOptions copy = options.toBuilder().build();

    assertThat(copy.toString()).isEqualTo(options.toString());
    assertThat(copy.random()).isSameAs(random);
    assertThat(copy.nanoClock()).isSameAs(clock);
  }

  @Test
  void invalidSettingsAreRejected() {
    PickerOptions.Builder b = PickerOptions.builder();
    assertThatThrownBy(() -> b.fullScanLimit(0)).hasMessageContaining("fullScanLimit");
    assertThatThrownBy(() -> b.failuresToEject(0)).hasMessageContaining("failuresToEject");
    assertThatThrownBy(() -> b.baseEjectionTime(Duration.ZERO)).hasMessageContaining("baseEjectionTime");
    assertThatThrownBy(() -> b.maxEjectionTime(Duration.ofDays(365L * 1000)))
        .hasMessageContaining("maxEjectionTime");
    assertThatThrownBy(() -> b.maxEjectedFraction(1.5)).hasMessageContaining("maxEjectedFraction");
    assertThatThrownBy(() -> b.panicThreshold(Double.NaN)).hasMessageContaining("panicThreshold");
    assertThatThrownBy(() -> b.failurePenalty(-1)).hasMessageContaining("failurePenalty");
    assertThatThrownBy(() -> b.failurePenaltyHalfLife(Duration.ofSeconds(-1)))
        .hasMessageContaining("failurePenaltyHalfLife");
    assertThatThrownBy(() -> b.random(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> PickerOptions.builder().baseEjectionTime(Duration.ofMinutes(10)).build())
        .hasMessageContaining("maxEjectionTime");
  }

  @Test
  void theSnapshotListsTargetsInKeyOrder() {
    ReplicaPicker picker = ReplicaPicker.create();
    assertThat(picker.snapshot().targets()).isEmpty();

    picker.update(Map.of("b", 2, "a", 1, "c", 0));

    assertThat(picker.snapshot().targets())
        .containsExactly(new Target("a", 1), new Target("b", 2), new Target("c", 0));
    assertThat(picker.snapshot().totalReplicas()).isEqualTo(3);
    assertThat(picker.stats()).containsOnlyKeys("a", "b", "c");
    assertThat(picker.snapshot()).isEqualTo(PickerSnapshot.of(Map.of("a", 1, "b", 2, "c", 0)));
    assertThat(picker.toString()).isEqualTo("ReplicaPicker" + List.of(
        new Target("a", 1), new Target("b", 2), new Target("c", 0)));
  }

  @Test
  void invalidReplicaCountsAreRejectedAndLeaveTheSnapshotAsItWas() {
    ReplicaPicker picker = ReplicaPicker.create();
    picker.update(Map.of("a", 1));
    Map<String, Integer> nullCount = new HashMap<>();
    nullCount.put("a", null);

    assertThatThrownBy(() -> picker.update(Map.of("a", -1))).hasMessageContaining("a");
    assertThatThrownBy(() -> picker.update(Map.of("", 1))).hasMessageContaining("empty");
    assertThatThrownBy(() -> picker.update(nullCount)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> picker.update(Map.of("a", Integer.MAX_VALUE, "b", 1)))
        .hasMessageContaining("total replicas");

    assertThat(picker.snapshot().targets()).containsExactly(new Target("a", 1));
  }
}
