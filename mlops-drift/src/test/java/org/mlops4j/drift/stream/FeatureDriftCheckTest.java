package org.mlops4j.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftBaseline;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.FeatureDrift;

class FeatureDriftCheckTest {

  private static double[] grid(int n, double from, double width) {
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = from + width * (i + 0.5) / n;
    }
    return g;
  }

  @Test
  void monitorWiredToABaseline_reportsTheKsOfEachWindow() {
    DriftBaseline baseline =
        DriftDetector.defaults().fit(Columns.builder().numeric("u", grid(1000, 0, 1)).build());
    List<WindowReport> reports = new ArrayList<>();
    List<DriftAlert> alerts = new ArrayList<>();
    DriftMonitor monitor =
        DriftMonitor.builder()
            .baseline(baseline)
            .tumblingWindow(200)
            .reportListener(reports::add)
            .alertListener(alerts::add)
            .build();
    assertThat(monitor.features()).containsExactly("u");
    for (double x : grid(200, 0, 1)) { // same distribution as the reference
      monitor.observe(new double[] {x}, 0.5);
    }
    for (double x : grid(200, 0.3, 0.7)) { // shifted to [0.3, 1)
      monitor.observe(new double[] {x}, 0.5);
    }
    // expected: scipy 1.17.1 scipy.stats.ks_2samp(ref, window, method='exact'):
    // D = 0.002 (p = 1.0) for the first window, D = 0.302 (p = 6.57e-14) for the second
    assertThat(reports).hasSize(2);
    FeatureDrift first = reports.get(0).driftReport().orElseThrow().feature("u");
    FeatureDrift second = reports.get(1).driftReport().orElseThrow().feature("u");
    assertThat(first.method().key()).isEqualTo("ks");
    assertThat(first.statistic()).isCloseTo(0.002, within(1e-12));
    assertThat(first.drifted()).isFalse();
    assertThat(second.statistic()).isCloseTo(0.302, within(1e-12));
    assertThat(second.drifted()).isTrue();
    assertThat(reports.get(1).dataDrift()).isTrue();
    assertThat(alerts).extracting(DriftAlert::type).containsExactly(AlertType.DATA_DRIFT);
    assertThat(alerts.get(0).subject()).isEqualTo("u");
    assertThat(alerts.get(0).window()).isEqualTo(1);
  }

  @Test
  void aBaselineWithACategoricalFeature_isRejected() {
    DriftBaseline baseline =
        DriftDetector.defaults()
            .fit(
                Columns.builder()
                    .numeric("age", new double[] {30, 40, 50})
                    .categorical("city", new String[] {"Oslo", "Lima", "Oslo"})
                    .build());
    assertThatThrownBy(() -> FeatureDriftCheck.against(baseline))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the baseline's features must be all numeric for a DriftMonitor, but was"
                + " [city] categorical");
  }
}
