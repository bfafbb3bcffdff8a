package org.mlops4j.drift.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.stream.AlertType;
import org.mlops4j.drift.stream.DriftAlert;
import org.mlops4j.drift.stream.DriftState;
import org.mlops4j.drift.stream.LatencySummary;
import org.mlops4j.drift.stream.WindowReport;

class MonitorEventsTest {

  private static WindowReport window(Optional<DriftReport> report, double psi, boolean drift) {
    return new WindowReport(
        7,
        Instant.EPOCH,
        Instant.EPOCH,
        100,
        report,
        report.isPresent() && !report.get().drifted().isEmpty(),
        OptionalDouble.of(psi),
        drift,
        0,
        0,
        0,
        DriftState.STABLE,
        LatencySummary.EMPTY);
  }

  @Test
  void aClosedWindow_raisesOneAlertPerDriftedFeatureThenThePredictionDrift() {
    double[] ref = new double[100];
    double[] cur = new double[100];
    // measurements, not integers: 100 distinct contiguous integers would be an identifier column
    for (int i = 0; i < 100; i++) {
      ref[i] = i + 0.5;
      cur[i] = i + 60.5;
    }
    DriftReport report =
        DriftDetector.defaults()
            .compare(
                Columns.builder().numeric("a", ref).numeric("b", ref).build(),
                Columns.builder().numeric("a", cur).numeric("b", ref).build());
    List<DriftAlert> alerts = new ArrayList<>();
    MonitorEvents events = new MonitorEvents(List.of(alerts::add), List.of());
    events.windowClosed(window(Optional.of(report), 0.4, true), 0.25, Instant.ofEpochSecond(5));
    assertThat(alerts)
        .extracting(DriftAlert::type)
        .containsExactly(AlertType.DATA_DRIFT, AlertType.PREDICTION_DRIFT);
    assertThat(alerts.get(0).subject()).isEqualTo("a");
    assertThat(alerts.get(0).statistic()).isEqualTo(report.feature("a").statistic());
    assertThat(alerts.get(0).window()).isEqualTo(7);
    assertThat(alerts.get(1).message()).isEqualTo("score PSI 0.4000 > 0.2500 in window 7 (n=100)");
    assertThat(alerts.get(1).time()).isEqualTo(Instant.ofEpochSecond(5));
    assertThat(events.raised()).isEqualTo(2);
  }

  @Test
  void aThrowingListener_isSkipped_andReportsReachEveryReportListener() {
    List<DriftAlert> got = new ArrayList<>();
    List<WindowReport> reports = new ArrayList<>();
    MonitorEvents events =
        new MonitorEvents(
            List.of(
                a -> {
                  throw new IllegalStateException("boom");
                },
                got::add),
            List.of(
                r -> {
                  throw new IllegalStateException("boom");
                },
                reports::add));
    WindowReport w = window(Optional.empty(), 0.0, false);
    events.raise(
        new DriftAlert(AlertType.RETRAINING, Instant.EPOCH, 1, "model", 1, Double.NaN, "m"));
    events.report(w);
    assertThat(got).hasSize(1);
    assertThat(reports).containsExactly(w);
  }
}
