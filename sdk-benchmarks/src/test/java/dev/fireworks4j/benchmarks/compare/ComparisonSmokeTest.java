package dev.fireworks4j.benchmarks.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fireworks4j.benchmarks.emulator.EmulatorCapacity;
import org.junit.jupiter.api.Test;

/** Runs the comparison and the emulator-capacity measurement for a moment, so that neither can rot. */
class ComparisonSmokeTest {
  @Test
  void everyClientAnswersCorrectlyAndTheReportHasEveryFigure() throws Exception {
    CompareClients.Settings smoke = CompareClients.Settings.parse(new String[] {"--smoke"});
    try (FixedResponseServer server = FixedResponseServer.start(smoke.chunks())) {
      Report report = new CompareClients(smoke, server.baseUrl(), Clients.all()).run();

      assertThat(report.failures()).isZero();
      for (String client : Clients.all().keySet()) {
        assertThat(report.request(client, 1, CompareClients.RequestFigures::perSecond)).isPositive();
        assertThat(report.request(client, 16, CompareClients.RequestFigures::perSecond)).isPositive();
        assertThat(report.stream(client, CompareClients.StreamFigures::chunksPerSecond)).isPositive();
      }
      assertThat(report.markdown()).contains("| requests/s, concurrency 16 |", "| streaming chunks/s |",
          "failed requests: 0");
      assertThat(server.served()).isPositive();
    }
  }

  @Test
  void theEmulatorAnswersEveryRequestUnderLoad() throws Exception {
    EmulatorCapacity.Result result = EmulatorCapacity.measure(4, 0.2, 0.3);
    assertThat(result.failures()).isZero();
    assertThat(result.perSecond()).isPositive();
    assertThat(result.p99Micros()).isGreaterThanOrEqualTo(result.p50Micros());
  }
}
