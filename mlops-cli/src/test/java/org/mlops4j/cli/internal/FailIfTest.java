package org.mlops4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.fairness.Decisions;
import org.mlops4j.fairness.FairnessAuditor;
import org.mlops4j.fairness.FairnessReport;

class FailIfTest {

  /**
   * Groups a (labels 1,1,0,0; predictions 1,0,1,0) and b (1,1,0,0; 1,1,0,0): by hand, selection
   * rates 0.5 and 0.5, TPR 0.5 and 1, FPR 0.5 and 0.
   */
  static FairnessReport report() {
    int[] y = {1, 1, 0, 0, 1, 1, 0, 0};
    int[] p = {1, 0, 1, 0, 1, 1, 0, 0};
    String[] g = {"a", "a", "a", "a", "b", "b", "b", "b"};
    return FairnessAuditor.builder()
        .minGroupSize(0)
        .bootstrap(0, 1)
        .build()
        .audit(Decisions.of(y, p).groups("g", g));
  }

  @Test
  void parse_readsCriterionOperatorAndBound_withSpaces() {
    FailIf f = FailIf.parse(" equalized_odds_difference >= 0.1 ");
    assertThat(f)
        .isEqualTo(
            new FailIf("equalized_odds_difference >= 0.1", "equalized_odds_difference", ">=", 0.1));
    assertThat(FailIf.parseAll(null)).isEmpty();
    assertThat(FailIf.parseAll(List.of("a<1", "b<=2")))
        .extracting(FailIf::op)
        .containsExactly("<", "<=");
  }

  @Test
  void parse_badSyntaxOrBound_isAUsageErrorNamingTheArgument() {
    assertThatThrownBy(() -> FailIf.parse("dpd=0.1"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--fail-if 'dpd=0.1' is not CRITERION>VALUE (operators > >= < <=)");
    assertThatThrownBy(() -> FailIf.parse("dpd>high"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--fail-if 'dpd>high': 'high' is not a number");
    assertThatThrownBy(() -> FailIf.parse("dpd>NaN"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--fail-if 'dpd>NaN': the bound must not be NaN");
  }

  @Test
  void evaluate_comparesTheReportsValue_andDescribesTheGroups() {
    FairnessReport r = report();
    // by hand: TPR difference 1 - 0.5 = 0.5, FPR difference 0.5 - 0 = 0.5; worst case 0.5
    FailIf.Outcome failed = FailIf.parse("equalized_odds_difference>0.4").evaluate(r);
    assertThat(failed.failed()).isTrue();
    assertThat(failed.value().value()).isCloseTo(0.5, within(1e-12));
    assertThat(failed.describe())
        .isEqualTo(
            "equalized_odds_difference>0.4: equalized_odds_difference = 0.5 (groups 'b' and 'a')");
    assertThat(failed.toJson())
        .containsExactly(
            java.util.Map.entry("check", "equalized_odds_difference>0.4"),
            java.util.Map.entry("criterion", "equalized_odds_difference"),
            java.util.Map.entry("value", 0.5),
            java.util.Map.entry("failed", true));
    // selection rates 0.5 and 0.5: Fairlearn's demographic_parity_ratio is 1
    assertThat(FailIf.parse("demographic_parity_ratio<0.8").evaluate(r).failed()).isFalse();
    assertThat(FailIf.parse("fpr_difference_between_groups<=0.5").evaluate(r).failed()).isTrue();
  }

  @Test
  void evaluate_anUndefinedValueFails_andAnUnknownNameIsAUsageError() {
    FairnessReport r = report();
    // without a reference group the report has no disparities to one: the name is unknown
    assertThatThrownBy(() -> FailIf.parse("tpr_difference_to_reference>0.1").evaluate(r))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith(
            "--fail-if 'tpr_difference_to_reference>0.1': unknown criterion"
                + " 'tpr_difference_to_reference' (known: demographic_parity_difference,");
    // one group: nothing to compare, the criterion is undefined and the check fails
    int[] one = {1, 0};
    FairnessReport single =
        FairnessAuditor.builder()
            .minGroupSize(0)
            .bootstrap(0, 1)
            .build()
            .audit(Decisions.of(one, one).groups("g", new String[] {"a", "a"}));
    FailIf.Outcome undefined = FailIf.parse("demographic_parity_difference<1").evaluate(single);
    assertThat(undefined.failed()).isTrue();
    assertThat(undefined.describe())
        .startsWith(
            "demographic_parity_difference<1: demographic_parity_difference is undefined (");
    assertThat(undefined.toJson())
        .containsKeys("value", "valueReason")
        .containsEntry("value", null);
  }
}
