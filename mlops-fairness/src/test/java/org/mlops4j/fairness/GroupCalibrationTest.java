package org.mlops4j.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mlops4j.api.Binning;

/**
 * Expected values: src/test/python/expected_values.py, a numpy re-implementation of
 * sklearn.calibration.calibration_curve (strategy='uniform' and 'quantile', n_bins=10) and of ECE =
 * Σ_b (n_b/n)|prob_pred_b − prob_true_b|, MCE, mean(score) − mean(y), Brier.
 */
class GroupCalibrationTest {

  private static final double EPS = 1e-12;

  private static FairnessReport report(Binning binning) {
    return FairnessAuditor.builder()
        .calibrationBins(10, binning)
        .bootstrap(0, 1)
        .build()
        .audit(
            Decisions.ofScores(TestData.labels(), TestData.SCORES, 0.5)
                .groups("race", TestData.groups()));
  }

  @Test
  void equalWidthBins_matchSklearnCalibrationCurveUniform() {
    FairnessReport r = report(Binning.EQUAL_WIDTH);
    GroupCalibration a = r.calibration("A");
    assertThat(a.bins())
        .extracting(CalibrationBin::count)
        .containsExactly(8L, 4L, 6L, 6L, 11L, 4L, 10L, 9L, 7L, 15L);
    assertThat(a.bins())
        .extracting(CalibrationBin::fractionPositive)
        .containsExactly(0.0, 0.0, 0.0, 0.0, 0.5454545454545454, 0.5, 0.7, 1.0, 1.0, 1.0);
    double[] probPred = {
      0.018000000000000002,
      0.164,
      0.24083333333333332,
      0.33449999999999996,
      0.45418181818181813,
      0.5545000000000001,
      0.6500000000000001,
      0.7522222222222222,
      0.8581428571428571,
      0.9677333333333332
    };
    for (int i = 0; i < probPred.length; i++) {
      assertThat(a.bins().get(i).meanScore()).isCloseTo(probPred[i], within(EPS));
    }
    assertThat(a.ece()).isCloseTo(0.1210125, within(EPS));
    assertThat(a.mce()).isCloseTo(0.33449999999999996, within(EPS));
    assertThat(a.calibrationInTheLarge()).isCloseTo(-0.009262499999999951, within(EPS));
    assertThat(a.brier()).isCloseTo(0.09601263749999998, within(EPS));
    GroupCalibration b = r.calibration("B");
    assertThat(b.ece()).isCloseTo(0.22560526315789473, within(EPS));
    assertThat(b.mce()).isCloseTo(0.4324444444444444, within(EPS));
    assertThat(b.calibrationInTheLarge()).isCloseTo(0.17542105263157892, within(EPS));
    assertThat(b.brier()).isCloseTo(0.13155134210526315, within(EPS));
    GroupCalibration c = r.calibration("C");
    assertThat(c.ece()).isCloseTo(0.17272727272727273, within(EPS));
    assertThat(c.mce()).isCloseTo(0.4568, within(EPS));
    assertThat(c.bins())
        .extracting(CalibrationBin::count)
        .containsExactly(9L, 2L, 5L, 4L, 6L, 5L, 1L, 3L, 6L, 3L);
    // ECE difference between groups: B − A
    assertThat(r.disparity("ece_difference_between_groups").value())
        .isCloseTo(0.22560526315789473 - 0.1210125, within(EPS));
  }

  @Test
  void quantileBins_matchSklearnCalibrationCurve() {
    FairnessReport r = report(Binning.QUANTILE);
    GroupCalibration a = r.calibration("A");
    assertThat(a.bins())
        .extracting(CalibrationBin::count)
        .containsExactly(8L, 8L, 8L, 8L, 8L, 8L, 8L, 8L, 8L, 8L);
    assertThat(a.bins())
        .extracting(CalibrationBin::fractionPositive)
        .containsExactly(0.0, 0.0, 0.0, 0.5, 0.625, 0.625, 1.0, 1.0, 1.0, 1.0);
    assertThat(a.ece()).isCloseTo(0.12061250000000001, within(EPS));
    assertThat(a.mce()).isCloseTo(0.31975, within(EPS));
    assertThat(r.calibration("B").ece()).isCloseTo(0.2012631578947368, within(EPS));
    assertThat(r.calibration("B").mce()).isCloseTo(0.44014285714285706, within(EPS));
    assertThat(r.calibration("B").bins())
        .extracting(CalibrationBin::count)
        .containsExactly(8L, 8L, 7L, 8L, 7L, 8L, 7L, 8L, 7L, 8L);
    assertThat(r.calibration("C").ece()).isCloseTo(0.14813636363636362, within(EPS));
    assertThat(r.calibration("C").bins())
        .extracting(CalibrationBin::count)
        .containsExactly(7L, 2L, 6L, 3L, 4L, 4L, 5L, 4L, 4L, 5L);
  }

  @Test
  void differingBaseRates_addTheKleinbergImpossibilityNote() {
    FairnessReport r = report(Binning.EQUAL_WIDTH);
    // base rates by numpy: A 0.575, B 0.32894736842105265, C 0.5454545454545454
    assertThat(r.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith(
                        "Base rates differ between groups (0.329 in \"B\" to 0.575 in \"A\")")
                    .contains("Kleinberg, Mullainathan and Raghavan, 2016")
                    .contains(
                        "largest group ECE 0.226; FPR difference 0.255; FNR difference 0.250."));
  }

  @Test
  void equalBaseRates_doNotAddTheNote() {
    int[] y = new int[60];
    double[] s = new double[60];
    String[] g = new String[60];
    for (int i = 0; i < 60; i++) {
      y[i] = i % 2;
      s[i] = y[i] == 1 ? 0.8 : 0.3;
      g[i] = i < 30 ? "a" : "b";
    }
    FairnessReport r =
        FairnessAuditor.builder()
            .bootstrap(0, 1)
            .build()
            .audit(Decisions.ofScores(y, s, 0.5).groups("g", g));
    assertThat(r.notes()).noneSatisfy(n -> assertThat(n).contains("Kleinberg"));
    // by hand: every bin has score 0.8 with all positives or 0.3 with all negatives
    assertThat(r.calibration("a").ece()).isCloseTo(0.5 * 0.2 + 0.5 * 0.3, within(EPS));
    assertThat(r.calibration("a").brier()).isCloseTo(0.5 * 0.04 + 0.5 * 0.09, within(EPS));
  }

  @Test
  void calibrationDisparities_haveBootstrapIntervalsAgreeingWithNumpy() {
    FairnessReport r =
        FairnessAuditor.builder()
            .bootstrap(1000, 9)
            .build()
            .audit(
                Decisions.ofScores(TestData.labels(), TestData.SCORES, 0.5)
                    .groups("race", TestData.groups()));
    Interval ci = r.disparity("ece_difference_between_groups").interval().orElseThrow();
    // expected: numpy stratified row bootstrap, 5000 replicates (expected_values.py):
    // [0.03569, 0.16566]; Monte Carlo error of 1000 replicates ~0.01
    assertThat(ci.lower()).isCloseTo(0.03569, within(0.03));
    assertThat(ci.upper()).isCloseTo(0.16566, within(0.03));
    assertThat(r.disparity("brier_difference_between_groups").interval()).isPresent();
  }

  @Test
  void scoresAddedToDecisions_giveTheSameCalibrationAsOfScores() {
    FairnessReport r =
        FairnessAuditor.builder()
            .bootstrap(0, 1)
            .build()
            .audit(
                Decisions.of(TestData.labels(), TestData.predictions())
                    .groups("race", TestData.groups())
                    .scores(TestData.SCORES));
    assertThat(r.calibration("A").ece()).isCloseTo(0.1210125, within(EPS));
    assertThat(r.overallCalibration()).isPresent();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                Decisions.ofScores(TestData.labels(), TestData.SCORES, 0.5).scores(TestData.SCORES))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("scores were already given to Decisions.ofScores(labels, scores, threshold)");
  }
}
