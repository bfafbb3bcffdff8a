package org.mlops4j.fairness.assertj;

import java.math.BigDecimal;
import org.assertj.core.api.AbstractAssert;
import org.mlops4j.fairness.individual.FlipTestResult;

/**
 * Assertions on a {@link FlipTestResult} (counterfactual flip test). Failure messages give the
 * expected bound, the actual flip rate, the flips by direction and the flipped examples, e.g.
 *
 * <pre>
 * Expecting no decision to flip when 'sex' is swapped but 3 of 5 rows flipped (60.00%)
 *   F→M: 2 of 3 flipped (66.67%) {0→1=2}
 *   M→F: 1 of 2 flipped (50.00%) {1→0=1}
 *   examples: row 0 (F→M): 0→1; row 2 (M→F): 1→0; row 4 (F→M): 0→1
 * </pre>
 *
 * @since 0.1.0
 */
public class FlipTestAssert extends AbstractAssert<FlipTestAssert, FlipTestResult> {

  /** @param actual the result under test */
  public FlipTestAssert(FlipTestResult actual) {
    super(actual, FlipTestAssert.class);
  }

  /**
   * Verifies that no row's decision changed under the swap.
   *
   * @return this
   */
  public FlipTestAssert hasNoFlips() {
    isNotNull();
    if (actual.flips() > 0) {
      failWithMessage(
          "%s",
          "Expecting no decision to flip when '" + actual.attribute() + "' is swapped but "
              + details());
    }
    return this;
  }

  /**
   * Verifies that the overall flip rate equals {@code expected} exactly (flips / rows).
   *
   * @return this
   */
  public FlipTestAssert hasFlipRate(double expected) {
    isNotNull();
    if (Double.compare(actual.flipRate(), expected) != 0) {
      failWithMessage(
          "%s",
          "Expecting flip rate of '" + actual.attribute() + "' to be " + plain(expected)
              + " but " + details());
    }
    return this;
  }

  /**
   * Verifies that the overall flip rate is at most {@code max}.
   *
   * @return this
   */
  public FlipTestAssert hasFlipRateAtMost(double max) {
    isNotNull();
    if (!(actual.flipRate() <= max)) {
      failWithMessage(
          "%s",
          "Expecting flip rate of '" + actual.attribute() + "' to be at most " + plain(max)
              + " but " + details());
    }
    return this;
  }

  private static String plain(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }

  private String details() {
    String s = actual.toString();
    // "Flip test on 'sex': 3 of 5 rows flipped (60.00%)\n  F→M: ..." -> "3 of 5 rows flipped ..."
    return s.substring(s.indexOf(": ") + 2);
  }
}
