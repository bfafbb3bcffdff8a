package org.mlops4j.fairness.assertj;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlops4j.fairness.assertj.FairnessAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mlops4j.fairness.individual.LipschitzAudit;
import org.mlops4j.fairness.individual.LipschitzResult;

class LipschitzAssertTest {

  @Test
  void lipschitz_failureShowsTheWorstPairs() {
    // By hand: f(x) = 3 x0 + 4 x1 + 1 on (0,0) (3,4) (1,0) (0,0) (4,-3): ratios above 4 are
    // (0,1) 5, (1,3) 5 and (1,2) 22/sqrt(20) = 4.919; 3 of 10 pairs.
    double[][] pts = {{0, 0}, {3, 4}, {1, 0}, {0, 0}, {4, -3}};
    LipschitzResult r =
        LipschitzAudit.builder().bound(4).top(2).build().audit(x -> 3 * x[0] + 4 * x[1] + 1, pts);
    assertThat(r).hasMaxRatioAtMost(5).hasViolationShareAtMost(0.3);
    assertThatThrownBy(() -> assertThat(r).hasNoViolations())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting no pair with |f(x) - f(x')| / d(x, x') above 4 but the largest was 5.00000\n"
                + "3 of 10 (all) pairs above 4 (30.00%); worst pairs:\n"
                + "  (0, 1): |1.00000 - 26.0000| / 5.00000 = 5.00000\n"
                + "  (1, 3): |26.0000 - 1.00000| / 5.00000 = 5.00000");
    assertThatThrownBy(() -> assertThat(r).hasMaxRatioAtMost(4.5))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting the largest ratio |f(x) - f(x')| / d(x, x') to be at most 4.5 but was"
                + " 5.00000\n3 of 10 (all) pairs above 4 (30.00%)");
    assertThatThrownBy(() -> assertThat(r).hasViolationShareAtMost(0.1))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting the share of pairs above 4 to be at most 0.1 but was 0.300\n3 of 10");
  }
}
