package org.mlops4j.fairness.assertj;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlops4j.fairness.assertj.FairnessAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mlops4j.fairness.Decisions;
import org.mlops4j.fairness.FairnessAuditor;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.RateMetric;
import org.mlops4j.fairness.TestData;

/**
 * Uses a 200-row data set (the one of org.mlops4j.fairness.TestData, regenerated here) whose values
 * were computed in numpy (src/test/python/expected_values.py): FPR A 0.147, B 0.255, C 0; TPR A
 * 0.870, B 1.0, C 0.75; selection rate A 0.5625, B 0.5, C 0.409; n = 80 / 76 / 44; ECE (equal-width
 * bins) A 0.121, B 0.226, C 0.173.
 */
class FairnessReportAssertTest {

  private static FairnessReport report(String reference) {
    var b = FairnessAuditor.builder().bootstrap(0, 1);
    if (reference != null) {
      b.reference(reference);
    }
    return b.build()
        .audit(
            Decisions.ofScores(TestData.labels(), TestData.SCORES, 0.5)
                .groups("race", TestData.groups()));
  }

  @Test
  void equalizedOddsDifference_failureNamesTheWorstPairWithRatesAndSizes() {
    assertThat(report(null)).hasEqualizedOddsDifferenceAtMost(0.26);
    assertThatThrownBy(() -> assertThat(report(null)).hasEqualizedOddsDifferenceAtMost(0.05))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting equalized-odds difference between groups \"B\" and \"C\" to be at"
                + " most 0.05 but was 0.255 (FPR 0.255 vs 0.000; TPR 1.000 vs 0.750; n = 76 / 44)");
  }

  @Test
  void demographicParityAndEqualOpportunity_failureMessagesShowBothGroups() {
    assertThatThrownBy(() -> assertThat(report(null)).hasDemographicParityDifferenceAtMost(0.1))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting demographic-parity difference between groups \"A\" and \"C\" to be"
                + " at most 0.1 but was 0.153 (selection rate 0.563 vs 0.409; n = 80 / 44)");
    assertThatThrownBy(() -> assertThat(report(null)).hasEqualOpportunityDifferenceAtMost(0.2))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting equal-opportunity difference between groups \"B\" and \"C\" to be"
                + " at most 0.2 but was 0.250 (TPR 1.000 vs 0.750; n = 76 / 44)");
    assertThat(report(null)).hasRateDifferenceAtMost(RateMetric.ACCURACY, 0.04);
  }

  @Test
  void fprWithinReference_failureShowsTheReferenceValue() {
    assertThatThrownBy(() -> assertThat(report("A")).hasEveryGroupFprWithinOfReference(0.05))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting FPR of group \"B\" to be within 0.05 of reference group \"A\""
                + " (0.147) but was 0.255 (difference 0.108; n = 76 / 80)");
    assertThat(report("A")).hasEveryGroupFprWithinOfReference(0.15);
    assertThatThrownBy(() -> assertThat(report(null)).hasEveryGroupFprWithinOfReference(0.5))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting a reference group to compare FPR with but the report has none"
                + " (set it with FairnessAuditor.builder().reference(group))");
  }

  @Test
  void fourFifthsRule_failureShowsTheRatioAndSelectionRates() {
    assertThatThrownBy(() -> assertThat(report(null)).satisfiesFourFifthsRule())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting selection rate of group \"C\" to be at least 4/5 of reference group"
                + " \"A\"'s but the ratio was 0.727 (selection rate 0.409 vs 0.563; n = 44 / 80;"
                + " failing groups [C])");
    assertThat(report("B")).satisfiesFourFifthsRule();
  }

  @Test
  void perGroupEce_failureNamesTheGroup() {
    assertThat(report(null)).hasEveryGroupEceAtMost(0.23);
    assertThatThrownBy(() -> assertThat(report(null)).hasEveryGroupEceAtMost(0.2))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting ECE of group \"B\" to be at most 0.2 but was 0.226"
                + " (n = 76, 10 non-empty equal-width bins)");
  }

  @Test
  void tooFewJudgedGroups_failInsteadOfPassingVacuously() {
    FairnessReport small =
        FairnessAuditor.builder()
            .bootstrap(0, 1)
            .build()
            .audit(
                Decisions.of(new int[] {0, 1, 0, 1}, new int[] {0, 1, 1, 1})
                    .groups("g", new String[] {"a", "a", "b", "b"}));
    assertThatThrownBy(() -> assertThat(small).hasEqualizedOddsDifferenceAtMost(1))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting equalized-odds difference to be judged but fewer than two groups"
                + " have a defined TPR and FPR and at least 30 rows (groups: [a, b])");
    assertThatThrownBy(() -> assertThat(small).hasNoTooSmallGroups())
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting every group to have at least 30 rows but group \"a\" has 2");
    assertThatThrownBy(() -> assertThat((FairnessReport) null).satisfiesFourFifthsRule())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }

  @Test
  void namedDisparity_failureShowsNameGroupsAndValue() {
    // ECE (uniform) B 0.22560526315789473 − A 0.1210125 (numpy, expected_values.py)
    assertThatThrownBy(
            () -> assertThat(report(null)).hasDisparityAtMost("ece_difference_between_groups", 0.1))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting ece_difference_between_groups (groups \"B\" and \"A\") to be at"
                + " most 0.1 but was 0.105");
    assertThatThrownBy(() -> assertThat(report(null)).hasDisparityAtMost("nope", 0.1))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting the report to have a disparity named \"nope\" but it has none");
    assertThatThrownBy(
            () -> assertThat(report(null)).hasDisparityAtMost("tpr_difference_to_reference", 0.1))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting the report to have a disparity named"
                + " \"tpr_difference_to_reference\" but it has none");
    assertThat(report("A")).hasDisparityAtMost("tpr_difference_to_reference", 0.14);
  }

  @Test
  void aNanBound_isRejectedInsteadOfMakingTheAssertionPassAlways() {
    // every "value > NaN" is false: without the check, these assertions could never fail
    assertThatThrownBy(() -> assertThat(report(null)).hasEqualizedOddsDifferenceAtMost(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max must be a number, but was NaN");
    assertThatThrownBy(
            () -> assertThat(report(null)).hasDemographicParityDifferenceAtMost(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max must be a number, but was NaN");
    assertThatThrownBy(() -> assertThat(report("A")).hasEveryGroupFprWithinOfReference(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tolerance must be a number, but was NaN");
    assertThatThrownBy(() -> assertThat(report(null)).hasEveryGroupEceAtMost(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max must be a number, but was NaN");
    assertThatThrownBy(
            () ->
                assertThat(report(null))
                    .hasDisparityAtMost("ece_difference_between_groups", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max must be a number, but was NaN");
  }

  @Test
  void perGroupAssertions_withNoOtherGroupToJudge_failInsteadOfPassingVacuously() {
    // sizes A 80, B 76, C 44 (numpy, expected_values.py): with a minimum of 77 rows only A is
    // judged
    FairnessReport onlyA =
        FairnessAuditor.builder()
            .minGroupSize(77)
            .reference("A")
            .bootstrap(0, 1)
            .build()
            .audit(
                Decisions.ofScores(TestData.labels(), TestData.SCORES, 0.5)
                    .groups("race", TestData.groups()));
    assertThatThrownBy(() -> assertThat(onlyA).hasEveryGroupFprWithinOfReference(0.01))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting FPR within 0.01 of reference group \"A\" to be judged but fewer than"
                + " two groups have a defined FPR and at least 77 rows (groups: [A, B, C])");
    FairnessReport tiny =
        FairnessAuditor.builder()
            .bootstrap(0, 1)
            .build()
            .audit(
                Decisions.ofScores(new int[] {0, 1, 0, 1}, new double[] {0.2, 0.8, 0.3, 0.7}, 0.5)
                    .groups("g", new String[] {"a", "a", "b", "b"}));
    assertThatThrownBy(() -> assertThat(tiny).hasEveryGroupEceAtMost(0.5))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting ECE of every group to be judged but no group has at least 30 rows"
                + " (groups: [a, b])");
  }
}
