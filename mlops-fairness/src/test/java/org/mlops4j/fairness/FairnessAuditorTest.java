package org.mlops4j.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.api.Binning;

/**
 * Expected values: src/test/python/expected_values.py (numpy 2.4.6, scipy 1.17.1), which
 * re-implements Fairlearn's MetricFrame difference/ratio, demographic_parity_*,
 * equalized_odds_difference, statsmodels' Wilson interval and sklearn's calibration_curve in numpy,
 * on the 200-row data set of {@link TestData}.
 */
class FairnessAuditorTest {

  private static final double EPS = 1e-12;

  private static FairnessReport report() {
    return FairnessAuditor.builder()
        .bootstrap(200, 7)
        .build()
        .audit(
            Decisions.of(TestData.labels(), TestData.predictions())
                .groups("race", TestData.groups()));
  }

  @Test
  void perGroupConfusionCountsAndRates_matchNumpy() {
    FairnessReport r = report();
    assertThat(r.groupNames()).containsExactly("A", "B", "C");
    // expected: numpy counts (tp, fp, tn, fn): A (40, 5, 29, 6), B (25, 13, 38, 0), C (18, 0, 20,
    // 6)
    assertThat(r.group("A").counts()).isEqualTo(new ConfusionCounts(40, 5, 29, 6, 80));
    assertThat(r.group("B").counts()).isEqualTo(new ConfusionCounts(25, 13, 38, 0, 76));
    assertThat(r.group("C").counts()).isEqualTo(new ConfusionCounts(18, 0, 20, 6, 44));
    assertThat(r.overall().counts()).isEqualTo(new ConfusionCounts(83, 18, 87, 12, 200));
    GroupMetrics a = r.group("A");
    assertThat(a.selectionRate().value()).isCloseTo(0.5625, within(EPS));
    assertThat(a.baseRate().value()).isCloseTo(0.575, within(EPS));
    assertThat(a.tpr().value()).isCloseTo(0.8695652173913043, within(EPS));
    assertThat(a.fpr().value()).isCloseTo(0.14705882352941177, within(EPS));
    assertThat(a.ppv().value()).isCloseTo(0.8888888888888888, within(EPS));
    assertThat(a.npv().value()).isCloseTo(0.8285714285714286, within(EPS));
    assertThat(a.accuracy().value()).isCloseTo(0.8625, within(EPS));
    assertThat(a.fnr().value()).isCloseTo(1 - 0.8695652173913043, within(EPS));
    assertThat(a.tnr().value()).isCloseTo(1 - 0.14705882352941177, within(EPS));
    assertThat(a.fdr().value()).isCloseTo(1 - 0.8888888888888888, within(EPS));
    assertThat(a.falseOmissionRate().value()).isCloseTo(1 - 0.8285714285714286, within(EPS));
    assertThat(r.group("B").npv().value()).isEqualTo(1.0);
    assertThat(r.overall().ppv().value()).isCloseTo(0.8217821782178217, within(EPS));
  }

  @Test
  void wilsonIntervals_matchStatsmodelsProportionConfintWilson() {
    FairnessReport r = report();
    // expected: statsmodels proportion_confint(method='wilson') formula in numpy/scipy
    assertThat(r.group("A").tpr().interval().lower()).isCloseTo(0.74334142220927, within(1e-12));
    assertThat(r.group("A").tpr().interval().upper()).isCloseTo(0.9388215963796489, within(1e-12));
    assertThat(r.group("A").fpr().interval().lower()).isCloseTo(0.06449441444782457, within(1e-12));
    assertThat(r.group("A").fpr().interval().upper()).isCloseTo(0.30128056495452166, within(1e-12));
    assertThat(r.group("B").tpr().interval().lower()).isCloseTo(0.8668077490609515, within(1e-12));
    assertThat(r.group("B").tpr().interval().upper()).isEqualTo(1.0);
    assertThat(r.group("C").fpr().interval().lower()).isEqualTo(0.0);
    assertThat(r.group("C").fpr().interval().upper()).isCloseTo(0.1611251580528194, within(1e-12));
  }

  @Test
  void namedCriteria_matchNumpyReimplementationsOfFairlearn() {
    FairnessReport r = report();
    // expected: numpy re-implementation of Fairlearn's demographic_parity_difference / _ratio
    assertThat(r.demographicParityDifference().value()).isCloseTo(0.15340909090909088, within(EPS));
    assertThat(r.demographicParityDifference().groupA()).isEqualTo("A");
    assertThat(r.demographicParityDifference().groupB()).isEqualTo("C");
    assertThat(r.demographicParityRatio().value()).isCloseTo(0.7272727272727273, within(EPS));
    // expected: numpy re-implementation of Fairlearn's equalized_odds_difference (worst case, mean)
    assertThat(r.equalizedOddsDifference().value()).isCloseTo(0.2549019607843137, within(EPS));
    assertThat(r.equalizedOddsDifferenceMean().value()).isCloseTo(0.25245098039215685, within(EPS));
    assertThat(r.disparity("equalized_odds_ratio").value()).isEqualTo(0.0);
    assertThat(r.equalOpportunityDifference().value()).isCloseTo(0.25, within(EPS));
    assertThat(r.disparity("equal_opportunity_ratio").value()).isCloseTo(0.75, within(EPS));
    assertThat(r.predictiveParityDifference().value()).isCloseTo(0.3421052631578947, within(EPS));
    assertThat(r.disparity("predictive_parity_ratio").value())
        .isCloseTo(0.6578947368421053, within(EPS));
    assertThat(r.falsePositiveRateParityDifference().value())
        .isCloseTo(0.2549019607843137, within(EPS));
  }

  @Test
  void eachRatioOfSelectionRates_hasOneName() {
    FairnessReport r =
        FairnessAuditor.builder()
            .reference("B")
            .bootstrap(0, 1)
            .build()
            .audit(
                Decisions.of(TestData.labels(), TestData.predictions())
                    .groups("race", TestData.groups()));
    // Fairlearn's demographic_parity_ratio: min / max selection rate, C 0.40909 / A 0.5625 (numpy)
    assertThat(r.demographicParityRatio().value()).isCloseTo(0.7272727272727273, within(EPS));
    assertThat(r.demographicParityRatio().name()).isEqualTo("demographic_parity_ratio");
    // AIF360's disparate_impact: ratio to the reference B, C 0.40909 / B 0.5 (by hand)
    assertThat(r.disparateImpact().value()).isCloseTo(0.4090909090909091 / 0.5, within(EPS));
    assertThat(r.disparateImpact().name()).isEqualTo("disparate_impact");
    // no second name for the same numbers among the per-rate disparities
    assertThat(r.disparities())
        .extracting(Disparity::name)
        .doesNotContain(
            "selection_rate_difference_between_groups", "selection_rate_ratio_between_groups")
        .contains(
            "selection_rate_ratio_to_overall",
            "selection_rate_ratio_to_reference",
            "tpr_ratio_between_groups");
  }

  @Test
  void disparitiesToOverall_matchFairlearnToOverallMethod() {
    FairnessReport r = report();
    // expected: numpy re-implementation of Fairlearn
    // MetricFrame.difference/ratio(method='to_overall')
    assertThat(r.disparity("selection_rate_difference_to_overall").value())
        .isCloseTo(0.09590909090909089, within(EPS));
    assertThat(r.disparity("selection_rate_ratio_to_overall").value())
        .isCloseTo(0.8100810081008101, within(EPS));
    assertThat(r.disparity("tpr_difference_to_overall").value())
        .isCloseTo(0.12631578947368416, within(EPS));
    assertThat(r.disparity("tpr_ratio_to_overall").value())
        .isCloseTo(0.8584337349397589, within(EPS));
    assertThat(r.disparity("tpr_ratio_to_overall").groupB()).isEqualTo("overall");
    // expected: numpy re-implementation of Fairlearn's
    // equalized_odds_difference(method='to_overall')
    assertThat(r.disparity("equalized_odds_difference_to_overall").value())
        .isCloseTo(0.17142857142857143, within(EPS));
    assertThat(r.disparity("equalized_odds_ratio_to_overall").value()).isEqualTo(0.0);
  }

  @Test
  void disparateImpactAndFourFifthsRule_useTheReferenceGroup() {
    FairnessReport r =
        FairnessAuditor.builder()
            .reference("B")
            .bootstrap(0, 1)
            .build()
            .audit(
                Decisions.of(TestData.labels(), TestData.predictions())
                    .groups("race", TestData.groups()));
    // by hand from the numpy selection rates: A 0.5625, B 0.5, C 0.40909...
    assertThat(r.disparateImpact().value()).isCloseTo(0.4090909090909091 / 0.5, within(EPS));
    assertThat(r.fourFifthsRule().reference()).isEqualTo("B");
    assertThat(r.fourFifthsRule().ratios().get("A")).isCloseTo(1.125, within(EPS));
    assertThat(r.fourFifthsRule().passed()).isTrue();
    assertThat(r.disparity("selection_rate_difference_to_reference").value())
        .isCloseTo(0.0909090909090909, within(EPS));
    // Aequitas-style ratio to reference, folded: min(0.5625/0.5 -> 0.5/0.5625, 0.40909/0.5)
    assertThat(r.disparity("selection_rate_ratio_to_reference").value())
        .isCloseTo(0.8181818181818182, within(EPS));

    FairnessReport noReference = report();
    // expected: numpy, disparate impact to the max group A: C -> 0.7272727272727273 < 0.8
    assertThat(noReference.disparateImpact().value()).isCloseTo(0.7272727272727273, within(EPS));
    assertThat(noReference.fourFifthsRule().reference()).isEqualTo("A");
    assertThat(noReference.fourFifthsRule().failing()).containsExactly("C");
    assertThat(noReference.fourFifthsRule().passed()).isFalse();
  }

  @Test
  void equalizedOddsToReference_isTheWorseOfTheTprAndFprDifferencesToTheReference() {
    FairnessReport r =
        FairnessAuditor.builder()
            .reference("B")
            .bootstrap(0, 1)
            .build()
            .audit(
                Decisions.of(TestData.labels(), TestData.predictions())
                    .groups("race", TestData.groups()));
    // expected: numpy 2.4.6 on TestData, reference B (TPR 25/25, FPR 13/51):
    //   max_g |tpr_g - tpr_B| = |18/24 - 1| = 0.25 (C), max_g |fpr_g - fpr_B| = |0/20 - 13/51| (C);
    //   worst case max(0.25, 13/51) = 0.2549019607843137, as the mlops command used to compute it
    Disparity eo = r.disparity("equalized_odds_difference_to_reference");
    assertThat(eo.value()).isCloseTo(0.2549019607843137, within(EPS));
    assertThat(eo.basis()).isEqualTo(Disparity.Basis.TO_REFERENCE);
    assertThat(eo.scale()).isEqualTo(Disparity.Scale.DIFFERENCE);
    assertThat(eo.groupA()).isEqualTo("C");
    assertThat(eo.groupB()).isEqualTo("B");
    assertThat(r.disparity("tpr_difference_to_reference").value()).isCloseTo(0.25, within(EPS));
    assertThat(r.disparity("fpr_difference_to_reference").value())
        .isCloseTo(0.2549019607843137, within(EPS));
    // without a reference group there is nothing to compare with: no such disparity
    assertThat(report().disparities())
        .extracting(Disparity::name)
        .doesNotContain("equalized_odds_difference_to_reference");
  }

  @Test
  void intersectionalGroups_areNamedByAttributeAndSmallOnesAreNotJudged() {
    FairnessReport r =
        FairnessAuditor.builder()
            .bootstrap(0, 1)
            .build()
            .audit(
                Decisions.of(TestData.labels(), TestData.predictions())
                    .groups("race", TestData.groups())
                    .groups("sex", TestData.sex()));
    assertThat(r.groupNames())
        .containsExactly(
            "race=A|sex=F",
            "race=A|sex=M",
            "race=B|sex=F",
            "race=B|sex=M",
            "race=C|sex=F",
            "race=C|sex=M");
    // expected: numpy counts (tp, fp, tn, fn) per intersection
    assertThat(r.group("race=B|sex=F").counts()).isEqualTo(new ConfusionCounts(12, 10, 17, 0, 39));
    assertThat(r.group("race=C|sex=F").counts()).isEqualTo(new ConfusionCounts(5, 0, 11, 2, 18));
    assertThat(r.group("race=C|sex=F").status()).isEqualTo(GroupStatus.TOO_SMALL);
    assertThat(r.group("race=C|sex=M").status()).isEqualTo(GroupStatus.TOO_SMALL);
    assertThat(r.group("race=A|sex=F").status()).isEqualTo(GroupStatus.OK);
    // judged groups: A|F sel 23/41, A|M 22/39, B|F 22/39, B|M 16/37 (by hand from the counts)
    assertThat(r.demographicParityDifference().value())
        .isCloseTo(22.0 / 39 - 16.0 / 37, within(EPS));
    assertThat(r.notes())
        .contains(
            "group 'race=C|sex=F' has 18 rows, fewer than the minimum 30: TOO_SMALL, not judged");
  }

  @Test
  void rateWithZeroDenominator_isUndefinedWithReasonAndIsLeftOutOfDisparities() {
    int[] y = {0, 0, 0, 1, 1, 0};
    int[] p = {1, 0, 0, 1, 0, 1};
    String[] g = {"x", "x", "x", "y", "y", "y"};
    FairnessReport r =
        FairnessAuditor.builder()
            .minGroupSize(0)
            .bootstrap(0, 1)
            .build()
            .audit(Decisions.of(y, p).groups("g", g));
    Rate tpr = r.group("x").tpr();
    assertThat(tpr.defined()).isFalse();
    assertThat(tpr.reason()).isEqualTo("TPR undefined for group 'x': no positive labels");
    assertThat(tpr.asOptional()).isEmpty();
    assertThatThrownBy(tpr::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("TPR undefined for group 'x': no positive labels");
    assertThat(r.equalOpportunityDifference().defined()).isFalse();
    assertThat(r.equalOpportunityDifference().reason())
        .isEqualTo("fewer than two groups with a defined TPR and at least 0 rows");
    assertThat(r.equalizedOddsDifference().defined()).isFalse();
    // FPR x = 1/3, y = 1/1: difference by hand 2/3
    assertThat(r.falsePositiveRateParityDifference().value()).isCloseTo(2.0 / 3, within(EPS));
  }

  @Test
  void scoresWithThreshold_giveTheSameCountsAsTheirDecisions() {
    FairnessAuditor auditor = FairnessAuditor.builder().bootstrap(0, 1).build();
    FairnessReport fromScores =
        auditor.audit(
            Decisions.ofScores(TestData.labels(), TestData.SCORES, 0.5)
                .groups("race", TestData.groups()));
    FairnessReport fromDecisions =
        auditor.audit(
            Decisions.of(TestData.labels(), TestData.predictions())
                .groups("race", TestData.groups()));
    for (String g : List.of("A", "B", "C")) {
      assertThat(fromScores.group(g).counts()).isEqualTo(fromDecisions.group(g).counts());
    }
  }

  @Test
  void declaredLabelValues_andIntGroupCodes_areAccepted() {
    int[] y = {1, -1, 1, -1};
    int[] p = {1, 1, -1, -1};
    FairnessReport r =
        FairnessAuditor.builder()
            .minGroupSize(1)
            .bootstrap(0, 1)
            .build()
            .audit(Decisions.of(y, p).labelValues(1, -1).groups("g", new int[] {7, 7, 3, 3}));
    assertThat(r.groupNames()).containsExactly("3", "7");
    assertThat(r.group("7").counts()).isEqualTo(new ConfusionCounts(1, 1, 0, 0, 2));
  }

  @Test
  void sampleWeights_weighTheCountsAndUseKishEffectiveSizeForWilson() {
    int[] y = {1, 1, 1, 0};
    int[] p = {1, 1, 0, 0};
    double[] w = {1, 2, 3, 4};
    FairnessReport r =
        FairnessAuditor.builder()
            .minGroupSize(0)
            .bootstrap(0, 1)
            .build()
            .audit(Decisions.of(y, p).groups("g", new String[] {"a", "a", "a", "a"}).weights(w));
    Rate tpr = r.group("a").tpr();
    // by hand: TPR = (1 + 2) / (1 + 2 + 3) = 0.5; Kish n = 6^2 / (1 + 4 + 9) = 36 / 14
    assertThat(tpr.value()).isEqualTo(0.5);
    assertThat(tpr.effectiveSize()).isCloseTo(36.0 / 14, within(EPS));
    // expected: statsmodels Wilson formula with p=0.5, n=36/14 (numpy): [0.11301753345754534,
    // 0.8869824665424546]
    assertThat(tpr.interval().lower()).isCloseTo(0.11301753345754534, within(1e-12));
    assertThat(tpr.interval().upper()).isCloseTo(0.8869824665424546, within(1e-12));
  }

  @Test
  void undeclaredLabelValues_areRejectedWithIndexAndValue() {
    FairnessAuditor auditor = FairnessAuditor.defaults();
    assertThatThrownBy(
            () ->
                auditor.audit(
                    Decisions.of(new int[] {0, 1, 2}, new int[] {0, 1, 1})
                        .groups("g", new String[] {"a", "a", "a"})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labels[2] must be the positive label 1 or the negative label 0, but was 2");
    assertThatThrownBy(
            () ->
                auditor.audit(
                    Decisions.of(new int[] {0, 1, 1}, new int[] {0, 5, 1})
                        .groups("g", new String[] {"a", "a", "a"})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "predictions[1] must be the positive label 1 or the negative label 0, but was 5");
  }

  @Test
  void unknownReference_badScores_andMissingGroups_areRejected() {
    assertThatThrownBy(
            () ->
                FairnessAuditor.builder()
                    .reference("X")
                    .build()
                    .audit(
                        Decisions.of(new int[2], new int[2])
                            .groups("sex", new String[] {"F", "M"})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reference must be one of the groups [F, M], but was 'X'");
    assertThatThrownBy(
            () ->
                FairnessAuditor.defaults()
                    .audit(
                        Decisions.ofScores(new int[] {0, 1}, new double[] {0.2, 1.5}, 0.5)
                            .groups("sex", new String[] {"F", "M"})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scores[1] must be in [0, 1] for calibration (turn it off with"
                + " calibration(false)), but was 1.5");
    assertThatThrownBy(() -> FairnessAuditor.defaults().audit(Decisions.of(new int[2], new int[2])))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "no group attribute given: call groups(name, values) on the Decisions at least"
                + " once");
    assertThatThrownBy(() -> FairnessAuditor.defaults().audit((Decisions) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("decisions must not be null");
  }

  @Test
  void aReferenceGroupOfZeroTotalWeight_makesDisparateImpactUndefinedSayingWhy() {
    // by hand: group a weighs 0 in total, so its selection rate is 0/0, not 0
    FairnessReport r =
        FairnessAuditor.builder()
            .reference("a")
            .minGroupSize(0)
            .bootstrap(0, 1)
            .build()
            .audit(
                Decisions.of(new int[] {1, 0, 1, 0}, new int[] {1, 0, 1, 1})
                    .groups("g", new String[] {"a", "a", "b", "b"})
                    .weights(new double[] {0, 0, 1, 1}));
    assertThat(r.group("a").selectionRate().defined()).isFalse();
    assertThat(r.disparity("disparate_impact").reason())
        .isEqualTo("selection rate of reference group 'a' is undefined: no rows (total weight 0)");
    assertThat(r.fourFifthsRule().passed()).isFalse();
    assertThat(r.fourFifthsRule().defined()).isFalse();
  }

  @Test
  void scoresOutsideUnitInterval_areAcceptedWithoutCalibration() {
    FairnessReport r =
        FairnessAuditor.builder()
            .calibration(false)
            .minGroupSize(0)
            .bootstrap(0, 1)
            .build()
            .audit(
                Decisions.ofScores(new int[] {0, 1, 0, 1}, new double[] {-2, 3, 0.5, 0.1}, 0)
                    .groups("g", new String[] {"a", "a", "b", "b"}));
    assertThat(r.calibration()).isEmpty();
    assertThat(r.group("a").counts()).isEqualTo(new ConfusionCounts(1, 0, 1, 0, 2));
    assertThat(r.group("b").counts()).isEqualTo(new ConfusionCounts(1, 1, 0, 0, 2));
  }

  @Test
  void reportFromMergedCounts_equalsTheReportFromRows() {
    int[] y = TestData.labels();
    int[] p = TestData.predictions();
    String[] g = TestData.groups();
    GroupCounts first = GroupCounts.create();
    GroupCounts second = GroupCounts.create();
    for (int i = 0; i < y.length; i++) {
      (i < 77 ? first : second).add(g[i], y[i] == 1, p[i] == 1);
    }
    FairnessAuditor auditor = FairnessAuditor.builder().bootstrap(100, 3).build();
    FairnessReport merged = auditor.audit(first.merge(second));
    FairnessReport rows = auditor.audit(Decisions.of(y, p).groups("race", g));
    assertThat(merged.groups()).isEqualTo(rows.groups());
    assertThat(merged.criteria()).isEqualTo(rows.criteria());
    assertThat(merged.weighted()).isFalse();
    // counts carry no rows: they cannot be given attributes (a GroupCounts has no groups(...)),
    // and empty counts have nothing to audit
    assertThatThrownBy(() -> auditor.audit(GroupCounts.create()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counts must be non-empty, but was empty");
  }

  @Test
  void mergedCountsOfMoreRowsThanAnIntHolds_stillGetBootstrapIntervals() {
    int[] y = TestData.labels();
    int[] p = TestData.predictions();
    String[] g = TestData.groups();
    GroupCounts counts = GroupCounts.create();
    for (int i = 0; i < y.length; i++) {
      counts.add(g[i], y[i] == 1, p[i] == 1);
    }
    for (int k = 0; k < 25; k++) {
      counts = counts.merge(counts); // 200 * 2^25 rows; group A alone 80 * 2^25 > 2^31 - 1
    }
    FairnessReport r = FairnessAuditor.builder().bootstrap(20, 5).build().audit(counts);
    assertThat(r.group("A").size()).isEqualTo(80L << 25);
    Disparity dp = r.demographicParityDifference();
    // expected: selection rates A 45/80 and C 18/44 (numpy, see above), unchanged by the copies
    assertThat(dp.value()).isCloseTo(45.0 / 80 - 18.0 / 44, within(1e-12));
    Interval ci = dp.interval().orElseThrow();
    assertThat(ci.contains(dp.value())).isTrue();
    assertThat(ci.upper() - ci.lower()).isLessThan(1e-3);
  }

  @Test
  void tooSmallReferenceGroup_makesReferenceDisparitiesUndefinedWithReason() {
    FairnessReport r =
        FairnessAuditor.builder()
            .reference("C")
            .minGroupSize(50)
            .bootstrap(0, 1)
            .build()
            .audit(
                Decisions.of(TestData.labels(), TestData.predictions())
                    .groups("race", TestData.groups()));
    assertThat(r.group("C").status()).isEqualTo(GroupStatus.TOO_SMALL);
    assertThat(r.disparity("tpr_difference_to_reference").reason())
        .isEqualTo("reference group 'C' has fewer than 50 rows");
    assertThat(r.disparateImpact().defined()).isFalse();
    assertThat(r.fourFifthsRule().defined()).isFalse();
    assertThat(r.fourFifthsRule().passed()).isFalse();
    assertThat(r.fourFifthsRule().reason()).isEqualTo("reference group 'C' has fewer than 50 rows");
    // A and B are still judged between groups: |0.5625 - 0.5| by hand
    assertThat(r.demographicParityDifference().value()).isCloseTo(0.0625, within(EPS));
  }

  @Test
  void fourFifthsRule_passesAtExactlyFourFifthsAndFailsBelow() {
    // selection rates by construction: a 25/50 = 0.5; b 20/50 = 0.4 (ratio 0.8), then 19/50
    for (int selectedInB : new int[] {20, 19}) {
      int[] y = new int[100];
      int[] p = new int[100];
      String[] g = new String[100];
      for (int i = 0; i < 100; i++) {
        g[i] = i < 50 ? "a" : "b";
        p[i] = (i < 25 || (i >= 50 && i < 50 + selectedInB)) ? 1 : 0;
        y[i] = i % 2;
      }
      FourFifthsRule rule =
          FairnessAuditor.builder()
              .bootstrap(0, 1)
              .build()
              .audit(Decisions.of(y, p).groups("g", g))
              .fourFifthsRule();
      assertThat(rule.reference()).isEqualTo("a");
      assertThat(rule.ratios().get("b")).isCloseTo(selectedInB / 25.0, within(EPS));
      assertThat(rule.passed()).isEqualTo(selectedInB == 20);
    }
  }

  @Test
  void settings_areCheckedAtOnceAndToBuilderStartsFromThem() {
    assertThatThrownBy(() -> FairnessAuditor.builder().minGroupSize(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minGroupSize must be non-negative, but was -1");
    assertThatThrownBy(() -> FairnessAuditor.builder().confidenceLevel(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confidenceLevel must be in (0, 1), but was 1.5");
    assertThatThrownBy(() -> FairnessAuditor.builder().bootstrap(-1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resamples must be non-negative, but was -1");
    assertThatThrownBy(() -> FairnessAuditor.builder().calibrationBins(0, Binning.QUANTILE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be positive, but was 0");
    assertThatThrownBy(() -> FairnessAuditor.builder().reference(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("reference must not be null");
    FairnessAuditor base = FairnessAuditor.builder().reference("A").bootstrap(10, 3).build();
    FairnessAuditor changed = base.toBuilder().minGroupSize(5).build();
    assertThat(changed.reference()).hasValue("A");
    assertThat(changed.bootstrapResamples()).isEqualTo(10);
    assertThat(changed.bootstrapSeed()).isEqualTo(3);
    assertThat(changed.minGroupSize()).isEqualTo(5);
    assertThat(base.minGroupSize()).isEqualTo(30);
    FairnessAuditor defaults = FairnessAuditor.defaults();
    assertThat(defaults.reference()).isEmpty();
    assertThat(defaults.confidenceLevel()).isEqualTo(0.95);
    assertThat(defaults.bootstrapResamples()).isEqualTo(1000);
    assertThat(defaults.bootstrapSeed()).isEqualTo(42);
    assertThat(defaults.stratified()).isTrue();
    assertThat(defaults.calibration()).isTrue();
    assertThat(defaults.calibrationBins()).isEqualTo(10);
    assertThat(defaults.binning()).isEqualTo(Binning.EQUAL_WIDTH);
    assertThat(defaults)
        .hasToString(
            "FairnessAuditor[reference=none, minGroupSize=30,"
                + " confidenceLevel=0.95, bootstrap=1000 resamples (seed 42, stratified),"
                + " calibration=10 equal-width bins]");
  }
}
