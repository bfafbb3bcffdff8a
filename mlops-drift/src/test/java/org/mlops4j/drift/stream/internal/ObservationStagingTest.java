package org.mlops4j.drift.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Staging: each stripe keeps its thread's observations in call order, a drain hands over the
 * stripes merged by time (ties and out-of-order times: each stripe's own order kept), a stripe is
 * full at 64, and nothing is handed over twice. Expected sequences written out by hand.
 */
class ObservationStagingTest {

  /** Observations handed over, as "time:score:feature". */
  private static final class Recorder implements ObservationStaging.Consumer {
    final List<String> got = new ArrayList<>();
    final int dims;
    final long closeAt;

    Recorder(int dims, long closeAt) {
      this.dims = dims;
      this.closeAt = closeAt;
    }

    @Override
    public boolean accept(long time, double score, double[] features, int offset) {
      StringBuilder b = new StringBuilder().append(time).append(':').append(score);
      for (int d = 0; d < dims; d++) {
        b.append(':').append(features[offset + d]);
      }
      got.add(b.toString());
      return time == closeAt;
    }
  }

  /**
   * Two threads whose ids fall on different stripes (ids differing mod 4; stripes are 4 or more).
   */
  private static Thread[] twoStripes(Runnable a, Runnable b) {
    Thread first = new Thread(a);
    Thread second = new Thread(b);
    while ((second.getId() & 3) == (first.getId() & 3)) {
      second = new Thread(b);
    }
    return new Thread[] {first, second};
  }

  private static void runInTurn(Thread... threads) throws InterruptedException {
    for (Thread t : threads) {
      t.start();
      t.join();
    }
  }

  @Test
  void drain_mergesTheStripesByTime_withTheFeaturesOfEachObservation() throws Exception {
    ObservationStaging staging = new ObservationStaging(2);
    Thread[] t =
        twoStripes(
            () -> {
              staging.stage(1, 0.1, new double[] {1, 10}, true);
              staging.stage(3, 0.3, new double[] {3, 30}, true);
              staging.stage(5, 0.5, new double[] {5, 50}, true);
            },
            () -> {
              staging.stage(2, 0.2, new double[] {2, 20}, true);
              staging.stage(4, 0.4, new double[] {4, 40}, true);
            });
    runInTurn(t);
    Recorder r = new Recorder(2, 4);
    assertThat(staging.drain(false, r)).isTrue(); // the consumer said a window closed at time 4
    assertThat(r.got)
        .containsExactly(
            "1:0.1:1.0:10.0",
            "2:0.2:2.0:20.0",
            "3:0.3:3.0:30.0",
            "4:0.4:4.0:40.0",
            "5:0.5:5.0:50.0");
    Recorder again = new Recorder(2, -1);
    assertThat(staging.drain(true, again)).isFalse();
    assertThat(again.got).isEmpty(); // nothing handed over twice
  }

  @Test
  void drain_keepsEachStripesOwnOrder_whenItsTimesGoBack() throws Exception {
    ObservationStaging staging = new ObservationStaging(0);
    Thread[] t =
        twoStripes(
            () -> {
              staging.stage(5, 1, new double[0], true);
              staging.stage(3, 2, new double[0], true);
            },
            () -> staging.stage(4, 3, new double[0], true));
    runInTurn(t);
    Recorder r = new Recorder(0, -1);
    assertThat(staging.drain(false, r)).isFalse();
    // heads 5 and 4: 4 first; then 5, then 3 (behind 5 in its own stripe)
    assertThat(r.got).containsExactly("4:3.0", "5:1.0", "3:2.0");
  }

  @Test
  void stage_reportsAFullStripeAt64_andTheThreadSeesItsOwnStagedObservations() {
    ObservationStaging staging = new ObservationStaging(1);
    assertThat(staging.holdsStaged()).isFalse();
    for (int i = 0; i < ObservationStaging.CAPACITY - 1; i++) {
      assertThat(staging.stage(i, i, new double[] {i}, true)).isFalse();
    }
    assertThat(staging.holdsStaged()).isTrue();
    assertThat(staging.stage(63, 63, new double[] {63}, true)).isTrue();
    Recorder r = new Recorder(1, -1);
    staging.drain(true, r);
    assertThat(r.got).hasSize(64).startsWith("0:0.0:0.0").endsWith("63:63.0:63.0");
    assertThat(staging.holdsStaged()).isFalse();
    // the swapped-in arrays are empty: the next batch starts afresh
    staging.stage(100, 1, new double[] {7}, true);
    Recorder next = new Recorder(1, -1);
    staging.drain(false, next);
    assertThat(next.got).containsExactly("100:1.0:7.0");
  }

  @Test
  void stagingMode_lastsTheMillisecondAfterContention_andEndsWhenNoOtherThreadHandedOver() {
    ObservationStaging staging = new ObservationStaging(0);
    assertThat(staging.staging(100)).isFalse(); // never contended
    staging.stage(100, 1, new double[0], true); // found the lock taken at 100 ms
    assertThat(staging.staging(100)).isTrue();
    assertThat(staging.staging(101)).isTrue();
    assertThat(staging.staging(102)).isFalse(); // more than 1 ms after
    assertThat(staging.staging(99)).isFalse(); // a clock that went back
    // a hand-over after others handed over 10 since this thread's last one (none: 0): stays
    staging.handedOver(10, 74, 200);
    assertThat(staging.staging(200)).isTrue();
    // the next hand-over finds the count where this thread left it: nobody else observed
    staging.handedOver(74, 138, 201);
    assertThat(staging.staging(201)).isFalse();
  }

  @Test
  void drainAll_handsOverEverything_andEndsStagingMode() {
    ObservationStaging staging = new ObservationStaging(0);
    staging.stage(100, 1, new double[0], true);
    assertThat(staging.staging(100)).isTrue();
    Recorder r = new Recorder(0, -1);
    staging.drainAll(r);
    assertThat(r.got).containsExactly("100:1.0");
    assertThat(staging.staging(100)).isFalse();
  }

  @Test
  void drainIdle_takesTheCallersOwnStripe_butLeavesAnotherStillStagingForTwoMilliseconds()
      throws Exception {
    ObservationStaging staging = new ObservationStaging(0);
    Thread other = new Thread(() -> staging.stage(100, 1, new double[0], true));
    while ((other.getId() & 3) == (Thread.currentThread().getId() & 3)) {
      other = new Thread(() -> staging.stage(100, 1, new double[0], true));
    }
    runInTurn(other); // staged at 100 ms after finding the lock taken: staging at 100 and 101
    staging.stage(100, 2, new double[0], true); // this thread's own, staged too
    Recorder r = new Recorder(0, -1);
    staging.drainIdle(100, r);
    assertThat(r.got).containsExactly("100:2.0"); // its own only
    staging.drainIdle(101, r);
    assertThat(r.got).containsExactly("100:2.0"); // the other is left until 102
    staging.drainIdle(102, r);
    assertThat(r.got).containsExactly("100:2.0", "100:1.0"); // out of staging mode: taken
  }

  @Test
  void drain_withoutForce_skipsTheStripesWhenNothingWasStagedSinceTheLastDrain() {
    ObservationStaging staging = new ObservationStaging(0);
    Recorder r = new Recorder(0, -1);
    assertThat(staging.drain(false, r)).isFalse();
    staging.stage(1, 1, new double[0], true);
    staging.drain(false, r);
    staging.drain(false, r);
    assertThat(r.got).containsExactly("1:1.0");
  }
}
