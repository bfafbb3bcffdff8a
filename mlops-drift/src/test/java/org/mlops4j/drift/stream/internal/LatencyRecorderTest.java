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
  void concurrentRecordsAndWindows_loseNoCall_andTheTotalHasTheirPercentiles() throws Exception {
    LatencyRecorder r = new LatencyRecorder();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      long nanos = 500L * (t + 1); // 500, 1,000, 1,500, 2,000 ns: below 2,048, exact
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 50_000; i++) {
                  r.record(nanos);
                }
              });
      threads[t].start();
    }
    long inWindows = 0;
    for (Thread t : threads) {
      while (t.isAlive()) {
        inWindows += r.takeWindow().count();
      }
      t.join();
    }
    inWindows += r.takeWindow().count();
    assertThat(inWindows).isEqualTo(200_000); // 4 x 50,000: each call in exactly one window
    LatencySummary s = r.total();
    // by hand: 50,000 each of 500, 1,000, 1,500, 2,000 ns; the p-th percentile is the smallest
    // value whose cumulative count reaches ceil(p/100 x 200,000): p50 -> 100,000 -> 1,000 ns;
    // p95 and p99 -> 2,000 ns; mean (500 + 1,000 + 1,500 + 2,000) / 4 = 1,250 ns
    assertThat(s.count()).isEqualTo(200_000);
    assertThat(s.p50()).isEqualTo(Duration.ofNanos(1_000));
    assertThat(s.p95()).isEqualTo(Duration.ofNanos(2_000));
    assertThat(s.p99()).isEqualTo(Duration.ofNanos(2_000));
    assertThat(s.max()).isEqualTo(Duration.ofNanos(2_000));
    assertThat(s.mean()).isEqualTo(Duration.ofNanos(1_250));
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
