package org.mlops4j.fairness.assertj;

import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.individual.ConsistencyResult;
import org.mlops4j.fairness.individual.CounterfactualResult;
import org.mlops4j.fairness.individual.LipschitzResult;

/**
 * Entry point of the fairness assertions: one static {@code assertThat} overload per result type.
 *
 * <pre>{@code
 * import static org.mlops4j.fairness.assertj.FairnessAssertions.assertThat;
 *
 * assertThat(report)
 *     .hasEqualizedOddsDifferenceAtMost(0.05)
 *     .satisfiesFourFifthsRule()
 *     .hasEveryGroupEceAtMost(0.05);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FairnessAssertions {

  private FairnessAssertions() {}

  /**
   * @param actual the group fairness report under test
   * @return assertions on it
   */
  public static FairnessReportAssert assertThat(FairnessReport actual) {
    return new FairnessReportAssert(actual);
  }

  /**
   * @param actual the consistency score under test
   * @return assertions on it
   */
  public static ConsistencyAssert assertThat(ConsistencyResult actual) {
    return new ConsistencyAssert(actual);
  }

  /**
   * @param actual the counterfactual audit under test
   * @return assertions on it
   */
  public static CounterfactualAssert assertThat(CounterfactualResult actual) {
    return new CounterfactualAssert(actual);
  }

  /**
   * @param actual the Lipschitz audit under test
   * @return assertions on it
   */
  public static LipschitzAssert assertThat(LipschitzResult actual) {
    return new LipschitzAssert(actual);
  }
}
