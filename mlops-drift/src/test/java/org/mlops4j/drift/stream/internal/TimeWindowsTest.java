package org.mlops4j.drift.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.drift.stream.internal.CountWindowsTest.Seen;

class TimeWindowsTest {

  @Test
  void tumblingWindows_closeAtTheFirstTimeAtOrAfterTheirEnd() {
    List<Seen> seen = new ArrayList<>();
    Windowing w = Windowing.byTime(1, 1_000, 10, 10);
    for (long t = 1_000; t < 1_010; t += 2) { // 5 observations in [1000, 1010)
      assertThat(w.add(t, 0.5, new double[] {t}, CountWindowsTest.collect(seen))).isFalse();
    }
    assertThat(w.closeDue(1_009, CountWindowsTest.collect(seen))).isFalse();
    assertThat(w.closeDue(1_010, CountWindowsTest.collect(seen))).isTrue();
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).start()).isEqualTo(1_000);
    assertThat(seen.get(0).end()).isEqualTo(1_010);
    assertThat(seen.get(0).columns()[0]).containsExactly(1_000, 1_002, 1_004, 1_006, 1_008);
    assertThat(w.isTimeBased()).isTrue();
  }

  @Test
  void emptyWindows_areSkipped() {
    List<Seen> seen = new ArrayList<>();
    Windowing w = Windowing.byTime(0, 0, 10, 10);
    w.add(1, 0.1, new double[0], CountWindowsTest.collect(seen));
    // by hand: at t = 55, window [0,10) closes with 1 observation; [10,20) .. [40,50) are empty
    assertThat(w.add(55, 0.2, new double[0], CountWindowsTest.collect(seen))).isTrue();
    assertThat(w.closeDue(60, CountWindowsTest.collect(seen))).isTrue();
    assertThat(seen).extracting(Seen::start).containsExactly(0L, 50L);
    assertThat(seen.get(1).scores()).containsExactly(0.2);
  }

  @Test
  void slidingWindows_overlap() {
    List<Seen> seen = new ArrayList<>();
    Windowing w = Windowing.byTime(0, 0, 10, 5);
    for (long t = 0; t < 20; t++) {
      w.add(t, t, new double[0], CountWindowsTest.collect(seen));
    }
    w.closeDue(20, CountWindowsTest.collect(seen));
    // by hand: [0,10) [5,15) [10,20), ten observations each
    assertThat(seen).extracting(Seen::start).containsExactly(0L, 5L, 10L);
    assertThat(seen.get(1).scores()).containsExactly(5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
  }
}
