package org.mlops4j.drift.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mlops4j.drift.stream.LatencySummary;

class LatencyRecorderTest {

  @Test
  void percentiles_matchTheRecordedValuesToThreeDigits() {
    LatencyRecorder r = new LatencyRecorder();
    for (int us = 1; us <= 1000; us++) {
      r.record(us * 1_000L);
    }
    // by hand: 1..1000 us; HdrHistogram reports within 0.1%
    LatencySummary s = r.total();
    assertThat(s.count()).isEqualTo(1000);
    assertThat(s.p50().toNanos()).isCloseTo(500_000L, within(500L));
    assertThat(s.p99().toNanos()).isCloseTo(990_000L, within(990L));
    assertThat(s.max().toNanos()).isCloseTo(1_000_000L, within(1_000L));
  }

  @Test
  void takeWindow_returnsTheCallsSinceTheLastWindow_andTotalKeepsAll() {
    LatencyRecorder r = new LatencyRecorder();
    r.record(500);
    r.record(1_000);
    assertThat(r.takeWindow().count()).isEqualTo(2);
    r.record(2_000); // below 2,048: exact at 3 significant digits
    LatencySummary w = r.takeWindow();
    assertThat(w.count()).isEqualTo(1);
    assertThat(w.max()).isEqualTo(Duration.ofNanos(2_000));
    assertThat(r.takeWindow()).isEqualTo(LatencySummary.EMPTY);
    assertThat(r.total().count()).isEqualTo(3);
  }
}
