package org.mlops4j.fairness.assertj;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlops4j.fairness.assertj.FairnessAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mlops4j.fairness.individual.Consistency;
import org.mlops4j.fairness.individual.ConsistencyResult;

class ConsistencyAssertTest {

  @Test
  void consistencyAtLeast_failureShowsScoreAndHowItWasComputed() {
    // By hand: points 0..3 on a line, k = 2, predictions 0 1 1 1 -> consistency 0.75.
    ConsistencyResult r =
        Consistency.builder()
            .k(2)
            .build()
            .audit(new double[][] {{0}, {1}, {2}, {3}}, new double[] {0, 1, 1, 1});
    assertThat(r).hasConsistencyAtLeast(0.75).isExact();
    assertThatThrownBy(() -> assertThat(r).hasConsistencyAtLeast(0.9))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting consistency to be at least 0.9 but was 0.750\n"
                + "(k = 2 incl. self, n = 4, euclidean distance, scaling none, exact)");
  }

  @Test
  void isExact_failsForASampledScore() {
    ConsistencyResult sampled =
        new ConsistencyResult(0.91, 5, 100_000, "euclidean", "none", true, 25_000, 0.0074);
    assertThatThrownBy(() -> assertThat(sampled).isExact())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting an exact consistency score but it was estimated\n"
                + "(k = 5 incl. self, n = 100000, euclidean distance, scaling none,"
                + " approximate: 25000 sampled rows, +/- 0.0074 at 95%)");
    assertThatThrownBy(() -> assertThat((ConsistencyResult) null).isExact())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }
}
