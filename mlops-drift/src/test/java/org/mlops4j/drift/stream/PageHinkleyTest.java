package org.mlops4j.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PageHinkleyTest {

  /**
   * Expected: MOA 2024.07.0 ({@code nz.ac.waikato.cms.moa:moa:2024.07.0}), class {@code
   * PageHinkleyDM}, run by the throwaway driver of docs/MOA.md on the reference streams of {@link
   * ReferenceStream}; the class, options and our configuration of each case are in the fixture
   * {@code moa/moa-2024.07.0.json} and in the test's name.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("moaCases")
  void referenceStreams_giveMoasDriftAndWarningIndices(MoaReference.Case c) {
    c.assertOursGivesMoasIndices();
  }

  static Stream<MoaReference.Case> moaCases() {
    return MoaReference.cases("PageHinkleyDM");
  }

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
  void moaVariant_alarmsOnTheFadedSumItself_textbookOnItsRiseFromTheMinimum() {
    // 4, five 0s, then 3s; threshold 2.5, minInstances 1, delta 0.005, alpha 0.9999.
    // expected: python3 loop of the recurrences (U_t = alpha U_(t-1) + (x_t - mean_t - delta)):
    // U falls to -5.8285 at index 5 and climbs back. Textbook: U_t - min U = 3.7410 > 2.5 at
    // index 7. MOA (PageHinkleyDM's rule U_t > lambda): U_10 = 2.1259, U_11 = 3.2874 > 2.5 at
    // index 11.
    double[] xs = {4, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3, 3};
    PageHinkley textbook = PageHinkley.builder().minInstances(1).threshold(2.5).build();
    PageHinkley moa =
        PageHinkley.builder().minInstances(1).threshold(2.5).variant(DetectorVariant.MOA).build();
    int textbookDrift = -1;
    int moaDrift = -1;
    for (int i = 0; i < xs.length; i++) {
      if (textbook.update(xs[i]) == DriftState.DRIFT && textbookDrift < 0) {
        textbookDrift = i;
      }
      if (moaDrift < 0 && moa.update(xs[i]) == DriftState.DRIFT) {
        moaDrift = i;
      }
      if (i == 10) {
        assertThat(moa.statisticUp()).isCloseTo(2.125912907269468, within(1e-12));
        assertThat(moa.cumulativeSumUp()).isCloseTo(2.125912907269468, within(1e-12));
      }
    }
    assertThat(textbookDrift).isEqualTo(7);
    assertThat(moaDrift).isEqualTo(11);
    assertThat(PageHinkley.defaults().variant()).isEqualTo(DetectorVariant.TEXTBOOK);
    assertThat(moa.freshCopy().toString()).contains("variant=MOA");
  }

  @Test
  void moaVariant_onALongStationaryStream_raisesFewerFalseAlarms() {
    // 100,000 N(0, 1) values, seed 1 (fixture case ph-gaussian-stationary-1).
    // expected: MOA 2024.07.0 PageHinkleyDM (defaults): 5 drifts; the textbook variant with the
    // same parameters: 35 (measured; the faded sum hovers around -delta / (1 - alpha) = -50 and
    // often rises lambda above its running minimum)
    PageHinkley textbook = PageHinkley.defaults();
    PageHinkley moa = PageHinkley.builder().variant(DetectorVariant.MOA).build();
    assertThat(Streams.stationaryDrifts(moa, 1, 100_000, true)).isEqualTo(5);
    assertThat(Streams.stationaryDrifts(textbook, 1, 100_000, true)).isEqualTo(35);
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
    assertThatThrownBy(() -> PageHinkley.builder().variant(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("variant must not be null");
    assertThatThrownBy(() -> PageHinkley.defaults().update(Double.POSITIVE_INFINITY))
        .hasMessage("value must be finite, but was Infinity");
  }
}
