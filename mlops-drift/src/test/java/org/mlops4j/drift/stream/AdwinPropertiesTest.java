package org.mlops4j.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Invariants of ADWIN's window. Cuts only ever drop the oldest bucket, so the window is always
 * exactly the last {@code width()} inputs, whether or not a cut happened.
 */
class AdwinPropertiesTest {

  @Property(tries = 200)
  void window_isAlwaysTheLastWidthInputs(
      @ForAll @Size(min = 1, max = 3000) List<@DoubleRange(min = -5, max = 5) Double> xs,
      @ForAll @IntRange(min = 1, max = 64) int clock,
      @ForAll boolean shiftSecondHalf) {
    // with the shift, the second half's mean is 4 higher, so cuts happen in most tries
    if (shiftSecondHalf) {
      xs = new java.util.ArrayList<>(xs);
      for (int i = xs.size() / 2; i < xs.size(); i++) {
        xs.set(i, xs.get(i) + 4);
      }
    }
    Adwin adwin = Adwin.builder().clock(clock).delta(0.05).build();
    int n = 0;
    for (double x : xs) {
      adwin.update(x);
      n++;
      assertThat(adwin.width()).isBetween(1L, (long) n);
    }
    int w = (int) adwin.width();
    double sum = 0;
    for (int i = xs.size() - w; i < xs.size(); i++) {
      sum += xs.get(i);
    }
    double mean = sum / w;
    double sq = 0;
    for (int i = xs.size() - w; i < xs.size(); i++) {
      sq += (xs.get(i) - mean) * (xs.get(i) - mean);
    }
    assertThat(adwin.total()).isCloseTo(sum, within(1e-9 * Math.max(1, Math.abs(sum)) + 1e-9));
    assertThat(adwin.mean()).isCloseTo(mean, within(1e-9));
    assertThat(adwin.variance()).isCloseTo(sq / w, within(1e-7));
  }

  @Property(tries = 100)
  void everyRow_holdsAtMostMBuckets_andTheSizesAddUpToTheWidth(
      @ForAll @Size(min = 1, max = 5000) List<@DoubleRange(min = 0, max = 1) Double> xs,
      @ForAll @IntRange(min = 2, max = 9) int m) {
    Adwin adwin = Adwin.builder().maxBuckets(m).build();
    for (double x : xs) {
      adwin.update(x);
    }
    long covered = 0;
    for (int r = 0; r < adwin.rows(); r++) {
      assertThat(adwin.bucketsInRow(r)).isBetween(0, m);
      covered += (long) adwin.bucketsInRow(r) << r;
    }
    assertThat(covered).isEqualTo(adwin.width());
  }

  @Property(tries = 100)
  void driftCount_equalsTheNumberOfUpdatesThatReturnedDrift(
      @ForAll @Size(min = 1, max = 4000) List<@DoubleRange(min = 0, max = 1) Double> xs) {
    Adwin adwin = Adwin.builder().delta(0.3).clock(1).build();
    int drifts = 0;
    for (double x : xs) {
      if (adwin.update(x) == DriftState.DRIFT) {
        drifts++;
      }
    }
    assertThat(adwin.drifts()).isEqualTo(drifts);
    assertThat(adwin.updates()).isEqualTo(xs.size());
  }
}
