package org.mlops4j.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PageHinkleyTest {

  @Test
  void cumulativeSums_equalTheHandComputedValuesOnATinyStream() {
    // expected: python3 loop of the recurrence with alpha = 1 - 0.0001, delta = 0.005:
    // mean, U_t, U_t - min U, max L - L_t after each value
    double[] xs = {0, 0, 1, 0, 2, 3, 3, 4};
    double[][] expected = {
      {0.0, -0.005, 0.0, 0.0},
      {0.0, -0.009999500000000001, 0.0, 0.0},
      {0.3333333333333333, 0.6516681666166667, 0.6616676666166668, 0.0},
      {0.25, 0.396602999800005, 0.406602499800005, 0.24506816651667163},
      {0.6, 1.791563339500025, 1.801562839500025, 0.0},
      {1.0, 3.786384183166075, 3.7963836831660753, 0.0},
    };
    PageHinkley ph =
        PageHinkley.builder()
            .minInstances(1)
            .threshold(5)
            .direction(PageHinkley.Direction.BOTH)
            .build();
    for (int i = 0; i < expected.length; i++) {
      assertThat(ph.update(xs[i])).isEqualTo(DriftState.STABLE);
      assertThat(ph.mean()).isCloseTo(expected[i][0], within(1e-12));
      assertThat(ph.cumulativeSumUp()).isCloseTo(expected[i][1], within(1e-12));
      assertThat(ph.statisticUp()).isCloseTo(expected[i][2], within(1e-12));
      assertThat(ph.statisticDown()).isCloseTo(expected[i][3], within(1e-12));
    }
    // value 7: U - min U = 5.505290759033473 > 5
    assertThat(ph.update(xs[6])).isEqualTo(DriftState.DRIFT);
    assertThat(ph.mean()).isZero(); // restarted
  }

  @Test
  void upOnly_tracksTheSameIncreaseStatistic_andNoDecreaseStatistic() {
    PageHinkley ph = PageHinkley.builder().minInstances(1).threshold(5).build();
    double[] xs = {0, 0, 1, 0, 2, 3};
    for (double x : xs) {
      ph.update(x);
    }
    // same python3 loop as above, after 6 values
    assertThat(ph.statisticUp()).isCloseTo(3.7963836831660753, within(1e-12));
    assertThat(ph.statisticDown()).isZero();
  }

  @Test
  void gaussianMeanIncrease_isDetectedWithin120UpdatesOnFiftySeeds() {
    // N(0,1) then N(1,1) from t = 1000, seeds 2000..2049; measured: median delay 40, max 79
    assertThat(maxGaussianDelay(PageHinkley.defaults(), 1.0)).isLessThan(120);
  }

  @Test
  void decrease_isOnlyDetectedWhenAskedFor() {
    PageHinkley up = PageHinkley.defaults();
    PageHinkley both = PageHinkley.builder().direction(PageHinkley.Direction.BOTH).build();
    PageHinkley down = PageHinkley.builder().direction(PageHinkley.Direction.DOWN).build();
    for (int i = 0; i < 200; i++) {
      double x = i < 100 ? 10 : 0;
      up.update(x);
      both.update(x);
      down.update(x);
    }
    // by hand: after the drop to 0, the mean is 100*10/t and L falls by about 10*100/t per
    // value, far beyond lambda = 50 within a few values
    assertThat(up.drifts()).isZero();
    assertThat(both.drifts()).isEqualTo(1);
    assertThat(down.drifts()).isEqualTo(1);
  }

  @Test
  void errorRateShift_isDetectedWithin300UpdatesOnFiftySeeds() {
    // measured over seeds 1000..1049: median delay 148, maximum 237
    assertThat(Streams.maxBernoulliDelay(PageHinkley::defaults, 50)).isLessThan(300);
  }

  private static int maxGaussianDelay(PageHinkley prototype, double shift) {
    int max = -1;
    for (int seed = 0; seed < 50; seed++) {
      PageHinkley ph = prototype.freshCopy();
      SplittableRandom r = new SplittableRandom(2000 + seed);
      int delay = -1;
      for (int i = 0; i < 2000 && delay < 0; i++) {
        double x = Streams.gauss(r) + (i >= 1000 ? shift : 0);
        if (ph.update(x) == DriftState.DRIFT && i >= 1000) {
          delay = i - 1000;
        }
      }
      if (delay < 0) {
        return Integer.MAX_VALUE;
      }
      max = Math.max(max, delay);
    }
    return max;
  }

  @Test
  void stationaryErrorStreams_raiseTheMeasuredNumberOfFalseAlarms() {
    // PageHinkley documents no false-alarm rate, so this is a regression check, not a bound: drifts
    // on
    // 100,000 Bernoulli(0.1) values, seeds 1..5, as measured when the detector was validated
    int[] drifts = new int[5];
    for (int seed = 1; seed <= 5; seed++) {
      drifts[seed - 1] = Streams.stationaryDrifts(PageHinkley.defaults(), seed, 100_000, false);
    }
    assertThat(drifts).containsExactly(2, 1, 1, 2, 1);
  }

  @Test
  void badParameters_areRejectedWithTheirName() {
    assertThatThrownBy(() -> PageHinkley.builder().alpha(1.5))
        .hasMessage("alpha must be in (0, 1], but was 1.5");
    assertThatThrownBy(() -> PageHinkley.builder().threshold(0))
        .hasMessage("threshold must be positive and finite, but was 0.0");
    assertThatThrownBy(() -> PageHinkley.builder().delta(-0.1))
        .hasMessage("delta must be non-negative and finite, but was -0.1");
    assertThatThrownBy(() -> PageHinkley.defaults().update(Double.POSITIVE_INFINITY))
        .hasMessage("value must be finite, but was Infinity");
  }
}
