package org.mlops4j.fairness.assertj;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlops4j.fairness.assertj.FairnessAssertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mlops4j.fairness.individual.Counterfactual;
import org.mlops4j.fairness.individual.CounterfactualResult;

class CounterfactualAssertTest {

  static final List<Map<String, Object>> ROWS =
      List.of(
          Map.of("sex", "F", "income", 50),
          Map.of("sex", "F", "income", 70),
          Map.of("sex", "M", "income", 45),
          Map.of("sex", "M", "income", 30),
          Map.of("sex", "F", "income", 55));

  /** Approves at income 40 for men, 60 for women: by hand rows 0, 2, 4 flip. */
  static final Function<Map<String, Object>, Integer> BIASED =
      row -> (int) row.get("income") >= ("M".equals(row.get("sex")) ? 40 : 60) ? 1 : 0;

  static final Function<Map<String, Object>, Integer> FAIR =
      row -> (int) row.get("income") >= 50 ? 1 : 0;

  @Test
  void hasNoFlips_failureListsDirectionsAndExamples() {
    Counterfactual audit = Counterfactual.builder("sex").swap("F", "M").build();
    assertThat(audit.audit(ROWS, FAIR)).hasNoFlips().hasFlipRate(0.0);
    assertThatThrownBy(() -> assertThat(audit.audit(ROWS, BIASED)).hasNoFlips())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting no decision to flip when 'sex' is swapped but 3 of 5 rows flipped (60.00%)\n"
                + "  F→M: 2 of 3 flipped (66.67%) {0→1=2}\n"
                + "  M→F: 1 of 2 flipped (50.00%) {1→0=1}\n"
                + "  examples: row 0 (F→M): 0→1; row 2 (M→F): 1→0; row 4 (F→M): 0→1");
  }

  @Test
  void flipRate_exactAndAtMost() {
    CounterfactualResult r =
        Counterfactual.builder("sex").swap("F", "M").maxExamples(1).build().audit(ROWS, BIASED);
    assertThat(r).hasFlipRate(0.6).hasFlipRateAtMost(0.6);
    assertThatThrownBy(() -> assertThat(r).hasFlipRate(0.0))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting flip rate of 'sex' to be 0 but 3 of 5 rows flipped (60.00%)\n"
                + "  F→M: 2 of 3 flipped (66.67%) {0→1=2}\n"
                + "  M→F: 1 of 2 flipped (50.00%) {1→0=1}\n"
                + "  examples: row 0 (F→M): 0→1");
    assertThatThrownBy(() -> assertThat(r).hasFlipRateAtMost(0.05))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting flip rate of 'sex' to be at most 0.05 but 3 of 5 rows flipped (60.00%)\n");
  }
}
