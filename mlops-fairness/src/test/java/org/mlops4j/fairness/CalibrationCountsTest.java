package org.mlops4j.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.api.Binning;

/**
 * {@link CalibrationCounts} and {@link FairnessAuditor#audit(GroupCounts, CalibrationCounts)}
 * against the row path, {@link FairnessAuditor#audit(Decisions)} on the same 200 rows ({@link
 * TestData}), whose calibration is checked against scikit-learn's {@code calibration_curve} in
 * {@code GroupCalibrationTest}: the counts path must give the same bins exactly and the same errors
 * up to floating-point summation order (1e-12).
 */
class CalibrationCountsTest {

  private static final double TOL = 1e-12;

  /** Counts of rows [from, to) of the test data. */
  private static GroupCounts counts(int from, int to) {
    int[] y = TestData.labels();
    int[] p = TestData.predictions();
    String[] g = TestData.groups();
    GroupCounts c = GroupCounts.create();
    for (int i = from; i < to; i++) {
      c.add(g[i], y[i] == 1, p[i] == 1);
    }
    return c;
  }

  private static CalibrationCounts calibration(int from, int to, int bins) {
    int[] y = TestData.labels();
    String[] g = TestData.groups();
    CalibrationCounts c = CalibrationCounts.create(bins);
    for (int i = from; i < to; i++) {
      c.add(g[i], y[i] == 1, TestData.SCORES[i]);
    }
    return c;
  }

  private static FairnessReport rows(FairnessAuditor auditor) {
    return auditor.audit(
        Decisions.of(TestData.labels(), TestData.predictions())
            .scores(TestData.SCORES)
            .groups("group", TestData.groups()));
  }

  private static void assertSameCalibration(GroupCalibration a, GroupCalibration b) {
    assertThat(a.group()).isEqualTo(b.group());
    assertThat(a.size()).isEqualTo(b.size());
    assertThat(a.status()).isEqualTo(b.status());
    assertThat(a.bins()).hasSameSizeAs(b.bins());
    for (int i = 0; i < a.bins().size(); i++) {
      CalibrationBin x = a.bins().get(i);
      CalibrationBin y = b.bins().get(i);
      assertThat(x.lower()).isEqualTo(y.lower());
      assertThat(x.upper()).isEqualTo(y.upper());
      assertThat(x.count()).isEqualTo(y.count());
      assertThat(x.meanScore()).isCloseTo(y.meanScore(), within(TOL));
      assertThat(x.fractionPositive()).isEqualTo(y.fractionPositive());
    }
    assertThat(a.ece()).isCloseTo(b.ece(), within(TOL));
    assertThat(a.mce()).isCloseTo(b.mce(), within(TOL));
    assertThat(a.calibrationInTheLarge()).isCloseTo(b.calibrationInTheLarge(), within(TOL));
    assertThat(a.brier()).isCloseTo(b.brier(), within(TOL));
    assertThat(a.meanScore()).isCloseTo(b.meanScore(), within(TOL));
    assertThat(a.baseRate()).isEqualTo(b.baseRate());
  }

  @Test
  void countsAndCalibrationCounts_giveTheRowPathsReport() {
    FairnessAuditor auditor = FairnessAuditor.builder().reference("A").minGroupSize(20).build();
    FairnessReport expected = rows(auditor);
    // two partitions counted apart, then merged, as a distributed engine does
    FairnessReport actual =
        auditor.audit(
            counts(0, 120).merge(counts(120, 200)),
            calibration(0, 120, 10).merge(calibration(120, 200, 10)));

    assertThat(actual.groups()).isEqualTo(expected.groups());
    assertThat(actual.calibration()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertSameCalibration(actual.calibration().get(i), expected.calibration().get(i));
    }
    assertSameCalibration(
        actual.overallCalibration().orElseThrow(), expected.overallCalibration().orElseThrow());
    for (String name :
        List.of(
            "ece_difference_between_groups",
            "mce_difference_between_groups",
            "calibration_in_the_large_difference_between_groups",
            "brier_difference_between_groups")) {
      Disparity a = actual.disparity(name);
      Disparity b = expected.disparity(name);
      assertThat(a.value()).as(name).isCloseTo(b.value(), within(TOL));
      assertThat(a.groupA()).isEqualTo(b.groupA());
      assertThat(a.interval()).isEmpty(); // the bootstrap resamples rows
    }
    assertThat(actual.notes())
        .anyMatch(n -> n.startsWith("calibration disparities have no bootstrap interval"));
  }

  @Test
  void calibrationOff_givesTheCountsReport() {
    FairnessAuditor off = FairnessAuditor.builder().calibration(false).build();
    FairnessReport r = off.audit(counts(0, 200), calibration(0, 200, 10));
    assertThat(r.calibration()).isEmpty();
  }

  @Test
  void binOf_isScikitLearnsSearchsorted() {
    // numpy 2: [int(np.searchsorted(np.linspace(0, 1, 11)[1:-1], s))
    //           for s in [0.0, 0.1, 0.1000001, 0.35, 0.3, 1.0, 0.7]] == [0, 0, 1, 3, 2, 9, 6]
    double[] s = {0.0, 0.1, 0.1000001, 0.35, 0.3, 1.0, 0.7};
    int[] expected = {0, 0, 1, 3, 2, 9, 6};
    for (int i = 0; i < s.length; i++) {
      assertThat(CalibrationCounts.binOf(s[i], 10)).as("score %s", s[i]).isEqualTo(expected[i]);
    }
  }

  @Test
  void addBin_equalsAddingTheRows() {
    CalibrationCounts rows =
        CalibrationCounts.create(4).add("A", true, 0.6).add("A", false, 0.7).add("B", true, 0.1);
    // bin 2 of 4 holds (0.5, 0.75]: scores 0.6 + 0.7, one positive, (0.6-1)^2 + 0.7^2 = 0.65
    CalibrationCounts bins =
        CalibrationCounts.create(4)
            .addBin("A", 2, 2, 0.6 + 0.7, 1, 0.16000000000000003 + 0.48999999999999994)
            .addBin("B", 0, 1, 0.1, 1, 0.81);
    assertThat(bins).isEqualTo(rows);
    assertThat(rows.rows("A")).isEqualTo(2);
    assertThat(rows.groups()).containsExactly("A", "B");
  }

  @Test
  void groupCounts_addRows_equalsAddingOneByOne() {
    GroupCounts one = GroupCounts.create();
    for (int i = 0; i < 3; i++) {
      one.add("A", true, false);
    }
    one.add("B", false, false);
    GroupCounts bulk =
        GroupCounts.create().addRows("A", true, false, 3).addRows("B", false, false, 1);
    assertThat(bulk).isEqualTo(one);
    assertThatThrownBy(() -> bulk.addRows("A", true, true, -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rows must be non-negative, but was -2");
  }

  @Test
  void badInput_isRefusedNamingArgumentAndValue() {
    assertThatThrownBy(() -> CalibrationCounts.create(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bins must be positive, but was 0");
    CalibrationCounts c = CalibrationCounts.create(10);
    assertThatThrownBy(() -> c.add("A", true, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score must be in [0, 1], but was 1.5");
    assertThatThrownBy(() -> c.addBin("A", 10, 1, 0.5, 0, 0.25))
        .hasMessage("bin must be in [0, 10), but was 10");
    assertThatThrownBy(() -> c.addBin("A", 1, 1, 0.15, 2, 0.25))
        .hasMessage("positives must be at most rows = 1, but was 2");
    assertThatThrownBy(() -> c.merge(CalibrationCounts.create(5)))
        .hasMessage("other.bins() must be this bins() = 10, but was 5");

    FairnessAuditor auditor = FairnessAuditor.defaults();
    assertThatThrownBy(() -> auditor.audit(counts(0, 200), calibration(0, 200, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("calibration must be counts over the auditor's 10 bins, but was 5 bins");
    assertThatThrownBy(() -> auditor.audit(counts(0, 200), calibration(0, 100, 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("calibration of group 'A' must be counts of its ");
    assertThatThrownBy(
            () -> auditor.audit(counts(0, 200), CalibrationCounts.create(10).add("Z", true, 0.5)))
        .hasMessage("calibration must be counts of the groups [A, B, C], but was of [Z]");
    FairnessAuditor quantile =
        FairnessAuditor.builder().calibrationBins(10, Binning.QUANTILE).build();
    assertThatThrownBy(() -> quantile.audit(counts(0, 200), calibration(0, 200, 10)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "quantile calibration bins need the rows' scores: audit Decisions, or set"
                + " calibrationBins(k, Binning.EQUAL_WIDTH)");
  }
}
