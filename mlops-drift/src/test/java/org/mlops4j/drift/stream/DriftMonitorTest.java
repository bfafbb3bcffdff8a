package org.mlops4j.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftReport;

class DriftMonitorTest {

  private static double[] grid(int n) {
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = i / (double) (n - 1);
    }
    return g;
  }

  @Test
  void tumblingCountWindows_reportPredictionPsiAsNumpyComputesIt() {
    List<WindowReport> reports = Collections.synchronizedList(new ArrayList<>());
    List<DriftAlert> alerts = Collections.synchronizedList(new ArrayList<>());
    DriftMonitor monitor =
        DriftMonitor.builder()
            .referenceScores(grid(1000))
            .tumblingWindow(1000)
            .retrainingPolicy(RetrainingPolicy.never())
            .reportListener(reports::add)
            .alertListener(alerts::add)
            .clock(new MutableClock(0))
            .build();
    for (int i = 0; i < 1000; i++) {
      double u = i / 999.0;
      monitor.observe(u * u);
    }
    for (int i = 0; i < 1000; i++) {
      monitor.observe(i / 999.0);
    }
    for (int i = 0; i < 500; i++) {
      monitor.observe(0.5);
    }
    // expected: python3 / numpy 2.4: edges = np.quantile(ref, np.arange(1, 10) / 10) (linear),
    // shares from np.searchsorted(edges, x, side='left'), floored at 1e-4 (no value on an edge, so
    // np.histogram's counts of issue 10 are the same),
    // PSI = sum((c - r) * log(c / r)): 0.3808787499025191 for (i/999)^2, 0.0 for i/999
    assertThat(reports).hasSize(2);
    assertThat(reports.get(0).predictionPsi().getAsDouble())
        .isCloseTo(0.3808787499025191, within(1e-12));
    assertThat(reports.get(0).predictionDrift()).isTrue();
    assertThat(reports.get(1).predictionPsi().getAsDouble()).isCloseTo(0.0, within(1e-15));
    assertThat(reports.get(1).predictionDrift()).isFalse();
    assertThat(reports).extracting(WindowReport::observations).containsExactly(1000, 1000);
    assertThat(reports).extracting(WindowReport::index).containsExactly(0L, 1L);
    assertThat(alerts).hasSize(1);
    DriftAlert alert = alerts.get(0);
    assertThat(alert.type()).isEqualTo(AlertType.PREDICTION_DRIFT);
    assertThat(alert.subject()).isEqualTo("prediction");
    assertThat(alert.threshold()).isEqualTo(0.25);
    assertThat(alert.message()).isEqualTo("score PSI 0.3809 > 0.2500 in window 0 (n=1000)");
    assertThat(monitor.stats().observations()).isEqualTo(2500);
    assertThat(monitor.stats().windows()).isEqualTo(2);
  }

  @Test
  void scoresFarOutsideTheReference_giveTheNumpyPsi() {
    List<WindowReport> reports = new ArrayList<>();
    DriftMonitor monitor =
        DriftMonitor.builder()
            .referenceScores(grid(1000))
            .tumblingWindow(10)
            .reportListener(reports::add)
            .build();
    for (int i = 0; i < 10; i++) {
      monitor.observe(2.0);
    }
    // expected: numpy 2.4 as above, all 10 scores in the last bin: 8.283089355027482
    assertThat(reports.get(0).predictionPsi().getAsDouble())
        .isCloseTo(8.283089355027482, within(1e-12));
  }

  @Test
  void slidingCountWindows_coverTheLastSizeObservationsEveryStep() {
    List<Columns> seen = new ArrayList<>();
    DriftMonitor monitor =
        DriftMonitor.builder()
            .features("a", "b")
            .featureDriftCheck(
                window -> {
                  seen.add(window);
                  return WindowChecks.oneFeature(
                      "a", max(window.numeric("a")), max(window.numeric("a")) > 250);
                })
            .slidingWindow(100, 50)
            .retrainingPolicy(RetrainingPolicy.never())
            .build();
    for (int i = 0; i < 300; i++) {
      monitor.observe(new double[] {i, -i}, 0.5);
    }
    // windows close after observations 100, 150, 200, 250, 300: [0,100) [50,150) ... [200,300)
    assertThat(seen).hasSize(5);
    for (int w = 0; w < 5; w++) {
      double[] a = seen.get(w).numeric("a");
      double[] b = seen.get(w).numeric("b");
      assertThat(a).hasSize(100);
      assertThat(a[0]).isEqualTo(50.0 * w);
      assertThat(a[99]).isEqualTo(50.0 * w + 99);
      assertThat(b[99]).isEqualTo(-(50.0 * w + 99));
    }
    WindowReport last = monitor.lastWindow().orElseThrow();
    assertThat(last.index()).isEqualTo(4);
    assertThat(last.dataDrift()).isTrue();
    DriftReport lastReport = last.driftReport().orElseThrow();
    assertThat(lastReport.features()).hasSize(1);
    assertThat(lastReport.feature("a").statistic()).isEqualTo(299);
    assertThat(lastReport.feature("a").drifted()).isTrue();
    assertThat(monitor.stats().driftedWindows()).isEqualTo(1);
  }

  private static double max(double[] xs) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : xs) {
      m = Math.max(m, x);
    }
    return m;
  }

  @Test
  void tumblingTimeWindows_closeAtTheFirstObservationOrPollAfterTheirEnd() {
    MutableClock clock = new MutableClock(1_000_000);
    List<WindowReport> reports = new ArrayList<>();
    DriftMonitor monitor =
        DriftMonitor.builder()
            .tumblingWindow(Duration.ofMinutes(1))
            .clock(clock)
            .reportListener(reports::add)
            .build();
    for (int i = 0; i < 30; i++) { // 30 observations, one every second
      monitor.observe(0.1);
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(reports).isEmpty();
    clock.advance(Duration.ofSeconds(30)); // now exactly at the end of window 0
    assertThat(monitor.poll()).hasSize(1);
    assertThat(reports.get(0).observations()).isEqualTo(30);
    assertThat(reports.get(0).start()).isEqualTo(Instant.ofEpochMilli(1_000_000));
    assertThat(reports.get(0).end()).isEqualTo(Instant.ofEpochMilli(1_060_000));
    // an 11-minute gap: windows 1..11 are empty and skipped, then 5 observations in window 12
    clock.advance(Duration.ofMinutes(11));
    for (int i = 0; i < 5; i++) {
      monitor.observe(0.2);
    }
    assertThat(monitor.poll()).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    List<WindowReport> closed = monitor.poll();
    assertThat(closed).hasSize(1);
    assertThat(closed.get(0).observations()).isEqualTo(5);
    assertThat(closed.get(0).start()).isEqualTo(Instant.ofEpochMilli(1_000_000 + 12 * 60_000));
    assertThat(closed.get(0).index()).isEqualTo(1);
  }

  @Test
  void slidingTimeWindows_overlap() {
    MutableClock clock = new MutableClock(0);
    List<WindowReport> reports = new ArrayList<>();
    DriftMonitor monitor =
        DriftMonitor.builder()
            .slidingWindow(Duration.ofSeconds(10), Duration.ofSeconds(5))
            .clock(clock)
            .reportListener(reports::add)
            .build();
    for (int s = 0; s < 20; s++) { // one observation per second at t = 0..19 s
      monitor.observe(0.5);
      clock.advance(Duration.ofSeconds(1));
    }
    monitor.poll(); // t = 20 s: windows [0,10) [5,15) [10,20) have closed
    assertThat(reports).extracting(WindowReport::observations).containsExactly(10, 10, 10);
    assertThat(reports)
        .extracting(r -> r.start().toEpochMilli())
        .containsExactly(0L, 5_000L, 10_000L);
  }

  @Test
  void feedback_raisesConceptDriftAndTriggersRetrainingWithCooldown() {
    MutableClock clock = new MutableClock(0);
    List<DriftAlert> alerts = new ArrayList<>();
    DriftMonitor monitor =
        DriftMonitor.builder()
            .clock(clock)
            .retrainingPolicy(RetrainingPolicy.builder().cooldown(Duration.ofHours(1)).build())
            .alertListener(alerts::add)
            .build();
    // the seed-7 stream of DdmTest: MOA's DDM detects its only drift at index 2095
    SplittableRandom r = new SplittableRandom(7);
    int driftAt = -1;
    for (int i = 0; i < 4000 && driftAt < 0; i++) {
      DriftState s = monitor.feedback(Streams.bernoulli(r, i >= 2000 ? 0.4 : 0.1) == 1);
      if (s == DriftState.DRIFT) {
        driftAt = i;
      }
    }
    assertThat(driftAt).isEqualTo(2095);
    assertThat(alerts)
        .extracting(DriftAlert::type)
        .containsExactly(AlertType.CONCEPT_DRIFT, AlertType.RETRAINING);
    assertThat(alerts.get(1).message()).isEqualTo("retraining triggered: concept drift");
    // a second drift 10 minutes later is inside the cooldown: alert, but no retraining
    clock.advance(Duration.ofMinutes(10));
    feedUntilDrift(monitor);
    assertThat(alerts).hasSize(3);
    assertThat(monitor.stats().suppressedTriggers()).isEqualTo(1);
    // after the cooldown it fires again
    clock.advance(Duration.ofHours(1));
    feedUntilDrift(monitor);
    assertThat(alerts)
        .extracting(DriftAlert::type)
        .endsWith(AlertType.CONCEPT_DRIFT, AlertType.RETRAINING);
    MonitorStats stats = monitor.stats();
    assertThat(stats.retrainingTriggers()).isEqualTo(2);
    assertThat(stats.conceptDrifts()).isEqualTo(3);
  }

  private static void feedUntilDrift(DriftMonitor monitor) {
    // on a detector that just restarted: an error every 10th value for 100 values, then errors
    // only; DdmTest's hand-computed pattern drifts at index 108
    for (int i = 0; i < 200; i++) {
      boolean error = i < 100 ? i % 10 == 9 : true;
      if (monitor.feedback(error) == DriftState.DRIFT) {
        assertThat(i).isEqualTo(108);
        return;
      }
    }
    throw new AssertionError("no drift");
  }

  @Test
  void consecutiveDriftedWindows_triggerRetraining_andACleanWindowResetsTheRun() {
    List<DriftAlert> alerts = new ArrayList<>();
    DriftMonitor monitor =
        DriftMonitor.builder()
            .referenceScores(grid(100))
            .tumblingWindow(100)
            .retrainingPolicy(
                RetrainingPolicy.builder()
                    .consecutiveDriftedWindows(2)
                    .onConceptDrift(false)
                    .cooldown(Duration.ZERO)
                    .build())
            .alertListener(alerts::add)
            .clock(new MutableClock(0))
            .build();
    double[] same = grid(100);
    // windows: drifted, clean, drifted, drifted (-> retraining), drifted, drifted (-> retraining)
    boolean[] drifted = {true, false, true, true, true, true};
    for (boolean d : drifted) {
      for (int i = 0; i < 100; i++) {
        monitor.observe(d ? 5.0 : same[i]);
      }
    }
    assertThat(alerts)
        .extracting(DriftAlert::type)
        .containsExactly(
            AlertType.PREDICTION_DRIFT,
            AlertType.PREDICTION_DRIFT,
            AlertType.PREDICTION_DRIFT,
            AlertType.RETRAINING,
            AlertType.PREDICTION_DRIFT,
            AlertType.PREDICTION_DRIFT,
            AlertType.RETRAINING);
    assertThat(alerts.get(3).window()).isEqualTo(3);
    assertThat(alerts.get(3).message())
        .isEqualTo("retraining triggered: 2 consecutive drifted windows");
    assertThat(monitor.stats().driftedWindows()).isEqualTo(5);
  }

  @Test
  void latency_percentilesMatchTheRecordedValues() {
    DriftMonitor monitor = DriftMonitor.builder().tumblingWindow(100).build();
    for (int ms = 1; ms <= 100; ms++) {
      monitor.recordLatency(Duration.ofMillis(ms));
    }
    LatencySummary s = monitor.latency();
    // by hand: 1..100 ms; HdrHistogram's percentile is the smallest value with at least p% of
    // the values at or below it, reported to 3 significant digits (within 0.1%)
    assertThat(s.count()).isEqualTo(100);
    assertThat(s.p50().toNanos()).isCloseTo(50_000_000L, within(50_000L));
    assertThat(s.p95().toNanos()).isCloseTo(95_000_000L, within(95_000L));
    assertThat(s.p99().toNanos()).isCloseTo(99_000_000L, within(99_000L));
    assertThat(s.max().toNanos()).isCloseTo(100_000_000L, within(100_000L));
    assertThat(s.mean().toNanos()).isCloseTo(50_500_000L, within(50_500L));
  }

  @Test
  void time_recordsTheTickerDifference_andLatencyIsReportedPerWindow() {
    AtomicLong ticks = new AtomicLong();
    DriftMonitor monitor =
        DriftMonitor.builder()
            .tumblingWindow(2)
            .ticker(() -> ticks.getAndAdd(1_000)) // each call takes exactly 1,000 ns
            .build();
    assertThat(monitor.time(() -> 0.7)).isEqualTo(0.7);
    monitor.observe(0.7);
    monitor.time(() -> 0.1);
    monitor.observe(0.1);
    WindowReport w = monitor.lastWindow().orElseThrow();
    assertThat(w.latency().count()).isEqualTo(2);
    assertThat(w.latency().max()).isEqualTo(Duration.ofNanos(1_000));
    monitor.time(() -> 0.2);
    monitor.observe(0.2);
    monitor.observe(0.3);
    assertThat(monitor.lastWindow().orElseThrow().latency().count()).isEqualTo(1);
    assertThat(monitor.latency().count()).isEqualTo(3);
  }

  @Test
  void concurrentCallers_loseNoObservationAndTheCountsAddUp() throws Exception {
    int threads = 4;
    int perThread = 25_000;
    AtomicLong inWindows = new AtomicLong();
    AtomicLong feedbackInWindows = new AtomicLong();
    DriftMonitor monitor =
        DriftMonitor.builder()
            .features("x")
            .featureDriftCheck(w -> WindowChecks.oneFeature("x", w.rowCount(), false))
            .referenceScores(grid(1000))
            .tumblingWindow(500)
            .reportListener(
                r -> {
                  inWindows.addAndGet(r.observations());
                  feedbackInWindows.addAndGet(r.feedback());
                })
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long seed = t;
      done.add(
          pool.submit(
              () -> {
                SplittableRandom r = new SplittableRandom(seed);
                start.await();
                for (int i = 0; i < perThread; i++) {
                  double score = monitor.time(r::nextDouble);
                  monitor.observe(new double[] {r.nextDouble()}, score);
                  monitor.feedback(r.nextDouble() < 0.1);
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    MonitorStats stats = monitor.stats();
    assertThat(stats.observations()).isEqualTo(100_000);
    assertThat(stats.feedback()).isEqualTo(100_000);
    assertThat(stats.windows()).isEqualTo(200);
    assertThat(inWindows.get()).isEqualTo(100_000); // 200 windows of exactly 500
    assertThat(stats.latency().count()).isEqualTo(100_000);
    // one more window from this thread carries the feedback received after the last one:
    // then the per-window feedback counts add up to all feedback
    for (int i = 0; i < 500; i++) {
      monitor.observe(new double[] {0.5}, 0.5);
    }
    assertThat(monitor.stats().windows()).isEqualTo(201);
    assertThat(feedbackInWindows.get()).isEqualTo(100_000);
  }

  @Test
  void asynchronousEvaluation_reportsEveryWindowInOrderOnTheExecutor() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Long> indices = Collections.synchronizedList(new ArrayList<>());
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    DriftMonitor monitor =
        DriftMonitor.builder()
            .referenceScores(grid(100))
            .tumblingWindow(100)
            .evaluateAsync(pool)
            .reportListener(
                r -> {
                  indices.add(r.index());
                  threads.add(Thread.currentThread().getName());
                })
            .build();
    for (int i = 0; i < 5_050; i++) {
      monitor.observe(i % 100 / 99.0);
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    List<Long> expected = new ArrayList<>();
    for (long k = 0; k < 50; k++) {
      expected.add(k);
    }
    assertThat(indices).containsExactlyElementsOf(expected);
    assertThat(threads).allMatch(t -> t.startsWith("pool-"));
    assertThat(monitor.stats().windows()).isEqualTo(50);
    assertThat(monitor.lastWindow().orElseThrow().predictionPsi().getAsDouble())
        .isCloseTo(0.0, within(1e-15));
  }

  @Test
  void aThrowingListener_doesNotStopTheOthers() {
    List<DriftAlert> got = new ArrayList<>();
    DriftMonitor monitor =
        DriftMonitor.builder()
            .referenceScores(grid(100))
            .tumblingWindow(10)
            .alertListener(
                a -> {
                  throw new IllegalStateException("boom");
                })
            .alertListener(got::add)
            .build();
    for (int i = 0; i < 10; i++) {
      monitor.observe(9.0);
    }
    assertThat(got).extracting(DriftAlert::type).containsExactly(AlertType.PREDICTION_DRIFT);
  }

  @Test
  void badInput_isRejectedWithTheParameterName() {
    DriftMonitor monitor = DriftMonitor.builder().features("age", "income").build();
    assertThatThrownBy(() -> monitor.observe(new double[] {1}, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x must have 2 elements (as features [age, income]), but had 1");
    assertThatThrownBy(() -> monitor.observe(null, 0.5))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("x must not be null");
    assertThatThrownBy(() -> monitor.observe(new double[] {1, 2}, Double.NaN))
        .hasMessage("score must be finite, but was NaN");
    assertThatThrownBy(() -> monitor.recordLatency(Duration.ofMillis(-1)))
        .hasMessage("latency must be zero or positive, but was PT-0.001S");
    assertThatThrownBy(() -> DriftMonitor.builder().features("a", "a"))
        .hasMessage("features must be distinct names, but was [a, a]");
    assertThatThrownBy(() -> DriftMonitor.builder().slidingWindow(10, 0))
        .hasMessage("window step must be at least 1, but was 0");
    assertThatThrownBy(() -> DriftMonitor.builder().tumblingWindow(Duration.ZERO))
        .hasMessage("window size must be at least 1 ms, but was PT0S");
    assertThatThrownBy(() -> DriftMonitor.builder().referenceScores(new double[] {1}).build())
        .hasMessage("referenceScores.length must be at least 2, but was 1");
    assertThatThrownBy(
            () -> DriftMonitor.builder().referenceScores(new double[] {1, Double.NaN}).build())
        .hasMessage("referenceScores[1] must be finite, but was NaN");
    assertThatThrownBy(
            () -> DriftMonitor.builder().featureDriftCheck(w -> WindowChecks.none()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("featureDriftCheck needs features(...) to be set");
    assertThatThrownBy(() -> RetrainingPolicy.builder().consecutiveDriftedWindows(-1))
        .hasMessage("consecutiveDriftedWindows must be non-negative, but was -1");
  }
}
