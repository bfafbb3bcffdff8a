package org.mlops4j.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of count windows: how many close, and what each one holds. */
class DriftMonitorPropertiesTest {

  @Property(tries = 150)
  void countWindows_closeEveryStepAndHoldTheLastSizeObservations(
      @ForAll @IntRange(min = 1, max = 50) int size,
      @ForAll @IntRange(min = 1, max = 60) int step,
      @ForAll @IntRange(min = 0, max = 400) int n) {
    List<double[]> windows = new ArrayList<>();
    List<Integer> closedAt = new ArrayList<>();
    int[] seen = {0};
    DriftMonitor monitor =
        DriftMonitor.builder()
            .features("i")
            .featureDriftCheck(
                w -> {
                  windows.add(w.numeric("i"));
                  closedAt.add(seen[0]);
                  return WindowChecks.none();
                })
            .slidingWindow(size, step)
            .retrainingPolicy(RetrainingPolicy.never())
            .build();
    for (int i = 0; i < n; i++) {
      seen[0] = i + 1;
      monitor.observe(new double[] {i}, 0.0);
    }
    // the first window closes once max(size, step) observations were seen, then every step
    int first = Math.max(size, step);
    int expected = n < first ? 0 : 1 + (n - first) / step;
    assertThat(windows).hasSize(expected);
    assertThat(monitor.stats().windows()).isEqualTo(expected);
    for (int w = 0; w < windows.size(); w++) {
      int at = closedAt.get(w);
      assertThat(at).isEqualTo(first + w * step);
      double[] values = windows.get(w);
      assertThat(values).hasSize(size);
      for (int k = 0; k < size; k++) {
        assertThat(values[k]).isEqualTo(at - size + k);
      }
    }
    assertThat(monitor.stats().observations()).isEqualTo(n);
  }
}
