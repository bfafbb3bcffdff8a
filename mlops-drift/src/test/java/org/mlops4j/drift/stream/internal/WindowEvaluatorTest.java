package org.mlops4j.drift.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftBaseline;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.stream.DriftState;
import org.mlops4j.drift.stream.FeatureDriftCheck;
import org.mlops4j.drift.stream.LatencySummary;
import org.mlops4j.drift.stream.WindowReport;

class WindowEvaluatorTest {

  private static double[] grid(int n, double from, double width) {
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = from + width * (i + 0.5) / n;
    }
    return g;
  }

  private static ClosedWindow window(double[] scores, double[] u) {
    return new ClosedWindow(3, 10, 20, scores, new double[][] {u}, 5, 2, 1, DriftState.WARNING);
  }

  @Test
  void theWindowsDriftReportIsTheBaselinesReportOfItsColumns() {
    DriftBaseline baseline =
        DriftDetector.defaults().fit(Columns.builder().numeric("u", grid(1000, 0, 1)).build());
    WindowEvaluator e =
        new WindowEvaluator(List.of("u"), FeatureDriftCheck.against(baseline), null, 0.25);
    double[] u = grid(200, 0.3, 0.7);
    WindowReport r = e.evaluate(window(new double[200], u), LatencySummary.EMPTY);
    DriftReport batch = baseline.compare(Columns.builder().numeric("u", u).build());
    assertThat(r.driftReport()).contains(batch);
    // expected: scipy 1.17.1 ks_2samp(ref, window, method='exact'): D = 0.302
    assertThat(r.driftReport().orElseThrow().feature("u").statistic())
        .isCloseTo(0.302, within(1e-12));
    assertThat(r.dataDrift()).isTrue();
    assertThat(r.predictionPsi()).isEmpty();
    assertThat(r.index()).isEqualTo(3);
    assertThat(r.observations()).isEqualTo(200);
    assertThat(r.feedback()).isEqualTo(5);
    assertThat(r.errors()).isEqualTo(2);
    assertThat(r.conceptDrifts()).isEqualTo(1);
    assertThat(r.conceptState()).isEqualTo(DriftState.WARNING);
  }

  @Test
  void predictionDrift_isThePsiOfTheScoresAboveTheThreshold() {
    double[] ref = grid(1000, 0, 1);
    WindowEvaluator e = new WindowEvaluator(List.of(), null, ScorePsi.fit(ref, 10, 1e-4), 0.25);
    double[] scores = new double[10];
    java.util.Arrays.fill(scores, 2.0);
    WindowReport r = e.evaluate(window(scores, new double[0]), LatencySummary.EMPTY);
    // expected: numpy 2.4, all 10 scores in the last of 10 quantile bins: 8.283089355027482
    assertThat(r.predictionPsi().getAsDouble()).isCloseTo(8.283089355027482, within(1e-12));
    assertThat(r.predictionDrift()).isTrue();
    assertThat(r.driftReport()).isEmpty();
    assertThat(r.dataDrift()).isFalse();
    assertThat(r.drifted()).isTrue();
  }

  @Test
  void aCheckThatReturnsNull_isAnIllegalStateException() {
    WindowEvaluator e = new WindowEvaluator(List.of("u"), w -> null, null, 0.25);
    assertThatThrownBy(() -> e.evaluate(window(new double[1], new double[1]), LatencySummary.EMPTY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("featureDriftCheck returned null for window 3: return a DriftReport");
  }
}
