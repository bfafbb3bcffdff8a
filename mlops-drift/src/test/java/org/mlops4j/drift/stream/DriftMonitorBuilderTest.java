package org.mlops4j.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftBaseline;
import org.mlops4j.drift.DriftDetector;

class DriftMonitorBuilderTest {

  @Test
  void defaults_areTumblingWindowsOf1000_ddm_andTheDefaultPolicy() {
    DriftMonitor m = DriftMonitor.builder().build();
    assertThat(m.features()).isEmpty();
    assertThat(m.toString())
        .isEqualTo(
            "DriftMonitor[features=[], window=1000/1000, detector=Ddm, policy="
                + RetrainingPolicy.defaults()
                + "]");
  }

  @Test
  void timeWindows_replaceCountWindows_andTheLastWindowSettingWins() {
    assertThat(
            DriftMonitor.builder().tumblingWindow(10).tumblingWindow(Duration.ofMinutes(1)).build())
        .hasToString(
            "DriftMonitor[features=[], window=PT1M/PT1M, detector=Ddm, policy="
                + RetrainingPolicy.defaults()
                + "]");
    assertThat(
            DriftMonitor.builder()
                .slidingWindow(Duration.ofMinutes(1), Duration.ofSeconds(10))
                .slidingWindow(10, 5)
                .build()
                .toString())
        .contains("window=10/5");
  }

  @Test
  void baseline_setsTheFeaturesInTheBaselinesOrder() {
    DriftBaseline baseline =
        DriftDetector.defaults()
            .fit(
                Columns.builder()
                    .numeric("b", new double[] {1, 2, 3})
                    .numeric("a", new double[] {3, 2, 1})
                    .build());
    assertThat(DriftMonitor.builder().baseline(baseline).build().features())
        .containsExactly("b", "a");
  }

  @Test
  void badSettings_areRejectedAtOnceNamingTheSetting() {
    assertThatThrownBy(() -> DriftMonitor.builder().features("a", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("features[1] must be non-blank, but was ' '");
    assertThatThrownBy(() -> DriftMonitor.builder().psiBins(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("psiBins must be at least 2, but was 1");
    assertThatThrownBy(() -> DriftMonitor.builder().psiThreshold(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("psiThreshold must be positive and finite, but was 0.0");
    assertThatThrownBy(() -> DriftMonitor.builder().psiEpsilon(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("psiEpsilon must be in (0, 1), but was 1.0");
    assertThatThrownBy(() -> DriftMonitor.builder().tumblingWindow(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window size must be at least 1, but was 0");
  }

  @Test
  void nullSettings_areNullPointerExceptionsNamingTheSetting() {
    assertThatThrownBy(() -> DriftMonitor.builder().retrainingPolicy(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("retrainingPolicy must not be null");
    assertThatThrownBy(() -> DriftMonitor.builder().alertListener(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("alertListener must not be null");
    assertThatThrownBy(() -> DriftMonitor.builder().tumblingWindow(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("window size must not be null");
    assertThatThrownBy(() -> DriftMonitor.builder().features("a", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("features[1] must not be null");
  }
}
