package org.mlops4j.drift.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountWindowsTest {

  /** A closed window as the sink saw it. */
  record Seen(long start, long end, double[] scores, double[][] columns) {}

  @Test
  void tumblingWindows_closeEverySizeObservationsAndStartEmpty() {
    List<Seen> seen = new ArrayList<>();
    Windowing w = Windowing.byCount(1, 3, 3);
    for (int i = 0; i < 7; i++) {
      boolean closed = w.add(100 + i, i / 10.0, new double[] {i}, collect(seen));
      assertThat(closed).isEqualTo(i == 2 || i == 5);
    }
    // by hand: observations 0..6 at times 100..106, windows [0,3) and [3,6); 6 stays open
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).columns()[0]).containsExactly(0, 1, 2);
    assertThat(seen.get(0).scores()).containsExactly(0.0, 0.1, 0.2);
    assertThat(seen.get(1).columns()[0]).containsExactly(3, 4, 5);
    assertThat(seen.get(1).start()).isEqualTo(103);
    assertThat(seen.get(1).end()).isEqualTo(105);
  }

  @Test
  void slidingWindows_holdTheLastSizeObservationsEveryStep() {
    List<Seen> seen = new ArrayList<>();
    Windowing w = Windowing.byCount(2, 4, 2);
    for (int i = 0; i < 8; i++) {
      w.add(i, 0.5, new double[] {i, -i}, collect(seen));
    }
    // by hand: windows close after observations 4, 6, 8: [0,4) [2,6) [4,8)
    assertThat(seen).extracting(s -> s.columns()[0][0]).containsExactly(0.0, 2.0, 4.0);
    assertThat(seen.get(2).columns()[1]).containsExactly(-4, -5, -6, -7);
  }

  @Test
  void hoppingWindows_leaveObservationsOut() {
    List<Seen> seen = new ArrayList<>();
    Windowing w = Windowing.byCount(1, 2, 5);
    for (int i = 0; i < 10; i++) {
      w.add(i, 0.5, new double[] {i}, collect(seen));
    }
    // by hand: the first window closes after max(2, 5) = 5 observations, then every 5: [3,5) [8,10)
    assertThat(seen).extracting(s -> s.columns()[0][0]).containsExactly(3.0, 8.0);
    assertThat(w.closeDue(1_000, collect(seen))).isFalse();
    assertThat(w.isTimeBased()).isFalse();
  }

  static Windowing.Sink collect(List<Seen> seen) {
    return (start, end, scores, columns) -> seen.add(new Seen(start, end, scores, columns));
  }
}
