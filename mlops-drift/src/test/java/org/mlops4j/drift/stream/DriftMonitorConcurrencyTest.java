package org.mlops4j.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Concurrent observe (with the observations staged per thread under contention, handed over in
 * batches): from several threads every observation lands in exactly one place (a closed window or
 * the open one) and every count window holds exactly its size; from one thread, or threads taking
 * turns, the windows are the consecutive slices of the stream in call order. Expected values: the
 * slices and counts written out by hand from the window definitions (tumbling n: windows [kn,
 * (k+1)n); sliding size/step: closes at observation size, then every step).
 */
class DriftMonitorConcurrencyTest {

  /** A monitor of one feature "v" whose check records each window's values, in window order. */
  private static DriftMonitorBuilder recording(List<double[]> windows, List<Long> indices) {
    return DriftMonitor.builder()
        .features("v")
        .featureDriftCheck(
            w -> {
              windows.add(w.numeric("v").clone());
              return WindowChecks.oneFeature("v", w.rowCount(), false);
            })
        .reportListener(r -> indices.add(r.index()))
        .retrainingPolicy(RetrainingPolicy.never());
  }

  /** Thread t observes v = t * perThread + i, i = 0..perThread-1, all threads released at once. */
  private static void observeFrom(DriftMonitor monitor, int threads, int perThread)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int base = t * perThread;
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                  monitor.observe(new double[] {base + i}, 0.5);
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
  }

  private static List<Long> range(long n) {
    List<Long> out = new ArrayList<>();
    for (long k = 0; k < n; k++) {
      out.add(k);
    }
    return out;
  }

  @Test
  void tumblingCount_manyThreads_everyObservationInExactlyOneWindowOfExactlyN() throws Exception {
    List<double[]> windows = Collections.synchronizedList(new ArrayList<>());
    List<Long> indices = Collections.synchronizedList(new ArrayList<>());
    DriftMonitor monitor = recording(windows, indices).tumblingWindow(1000).build();
    observeFrom(monitor, 4, 25_000);
    // 4 x 25,000 = 100,000 observations = exactly 100 windows of 1,000
    assertThat(monitor.stats().observations()).isEqualTo(100_000);
    assertThat(monitor.stats().windows()).isEqualTo(100);
    assertThat(indices).containsExactlyElementsOf(range(100));
    double[] all = new double[100_000];
    int at = 0;
    for (double[] w : windows) {
      assertThat(w).hasSize(1000);
      System.arraycopy(w, 0, all, at, w.length);
      at += w.length;
    }
    Arrays.sort(all);
    for (int i = 0; i < all.length; i++) {
      assertThat(all[i]).isEqualTo(i); // each of 0..99,999 exactly once
    }
  }

  @Test
  void tumblingCount_remainderStaysInTheOpenWindowUntilItFills() throws Exception {
    List<double[]> windows = Collections.synchronizedList(new ArrayList<>());
    List<Long> indices = Collections.synchronizedList(new ArrayList<>());
    DriftMonitor monitor = recording(windows, indices).tumblingWindow(1000).build();
    observeFrom(monitor, 3, 3_337);
    // 3 x 3,337 = 10,011: 10 windows closed, 11 observations in the open one
    assertThat(monitor.stats().observations()).isEqualTo(10_011);
    assertThat(windows).hasSize(10).allSatisfy(w -> assertThat(w).hasSize(1000));
    // 989 more from this thread fill the open window: 11 + 989 = 1,000
    for (int i = 0; i < 988; i++) {
      monitor.observe(new double[] {10_011 + i}, 0.5);
    }
    assertThat(windows).hasSize(10);
    monitor.observe(new double[] {10_011 + 988}, 0.5);
    assertThat(windows).hasSize(11);
    double[] all = windows.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
    assertThat(all).hasSize(11_000);
    for (int i = 0; i < all.length; i++) {
      assertThat(all[i]).isEqualTo(i);
    }
  }

  @Test
  void slidingCount_manyThreads_windowsOfNOverlapByNMinusStep() throws Exception {
    List<double[]> windows = Collections.synchronizedList(new ArrayList<>());
    List<Long> indices = Collections.synchronizedList(new ArrayList<>());
    DriftMonitor monitor = recording(windows, indices).slidingWindow(1000, 250).build();
    observeFrom(monitor, 3, 3_337);
    // stats() hands over what is still staged; then all 10,011 observations are in the windows:
    // closes at observation 1,000, then every 250: 1 + floor((10,011 - 1,000) / 250) = 37
    assertThat(monitor.stats().observations()).isEqualTo(10_011);
    assertThat(windows).hasSize(37);
    assertThat(indices).containsExactlyElementsOf(range(37));
    for (int k = 0; k < windows.size(); k++) {
      double[] w = windows.get(k);
      assertThat(w).hasSize(1000);
      assertThat(Arrays.stream(w).distinct().count()).isEqualTo(1000);
      if (k > 0) {
        // the next window drops the oldest 250 and adds 250: its first 750 are the last 750
        double[] prev = windows.get(k - 1);
        assertThat(Arrays.copyOfRange(w, 0, 750))
            .containsExactly(Arrays.copyOfRange(prev, 250, 1000));
      }
    }
    double[] union = windows.stream().flatMapToDouble(Arrays::stream).distinct().sorted().toArray();
    // the first 1,000 + 36 x 250 = 10,000 distinct observations, each once
    assertThat(union).hasSize(10_000);
  }

  @Test
  void timeWindows_manyThreads_everyObservationInExactlyOneWindow() throws Exception {
    MutableClock clock = new MutableClock(0);
    List<double[]> windows = Collections.synchronizedList(new ArrayList<>());
    List<Long> indices = Collections.synchronizedList(new ArrayList<>());
    DriftMonitor monitor =
        recording(windows, indices).tumblingWindow(Duration.ofMinutes(1)).clock(clock).build();
    observeFrom(monitor, 4, 10_000);
    clock.advance(Duration.ofMinutes(1));
    observeFrom(monitor, 2, 5_000);
    // [0, 1 min) closed by the first observation at 1 min handed over (10,000 > 2 x 64 staged at
    // most: some are), with every observation at 0 min, staged or not, handed over before it
    assertThat(windows).hasSize(1);
    clock.advance(Duration.ofMinutes(1));
    assertThat(monitor.poll()).hasSize(1); // [1 min, 2 min)
    assertThat(windows).hasSize(2);
    assertThat(windows.get(0)).hasSize(40_000);
    assertThat(windows.get(1)).hasSize(10_000);
    assertThat(monitor.stats().observations()).isEqualTo(50_000);
  }

  @Test
  void oneThread_slidingCountWindowsAreTheConsecutiveSlicesInOrder() {
    List<double[]> windows = new ArrayList<>();
    List<Long> indices = new ArrayList<>();
    DriftMonitor monitor = recording(windows, indices).slidingWindow(5, 2).build();
    for (int i = 0; i < 20; i++) {
      monitor.observe(new double[] {i}, 0.5);
    }
    // closes at observations 5, 7, ..., 19 (1-based): windows [0..4], [2..6], ..., [14..18]
    assertThat(windows).hasSize(8);
    for (int k = 0; k < 8; k++) {
      assertThat(windows.get(k)).containsExactly(2 * k, 2 * k + 1, 2 * k + 2, 2 * k + 3, 2 * k + 4);
    }
  }

  @Test
  void threadsTakingTurns_keepTheCallOrderInTheWindow() throws Exception {
    List<double[]> windows = new ArrayList<>();
    List<Long> indices = new ArrayList<>();
    DriftMonitor monitor =
        recording(windows, indices).tumblingWindow(6).clock(new MutableClock(0)).build();
    // one call at a time, from alternating threads (no contention): the window is in call order
    ExecutorService a = Executors.newSingleThreadExecutor();
    ExecutorService b = Executors.newSingleThreadExecutor();
    for (int i = 0; i < 6; i++) {
      double v = i;
      (i % 2 == 0 ? a : b).submit(() -> monitor.observe(new double[] {v}, 0.5)).get();
    }
    a.shutdown();
    b.shutdown();
    assertThat(windows).hasSize(1);
    assertThat(windows.get(0)).containsExactly(0, 1, 2, 3, 4, 5);
  }
}
