package org.mlops4j.fairness.assertj;

import java.math.BigDecimal;
import org.assertj.core.api.AbstractAssert;
import org.mlops4j.fairness.individual.CounterfactualResult;

/**
 * Assertions on a {@link CounterfactualResult} (a counterfactual audit, or flip test). Failure
 * messages give the expected bound, the actual flip rate, the flips by direction and the flipped
 * examples, e.g.
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
public class CounterfactualAssert
    extends AbstractAssert<CounterfactualAssert, CounterfactualResult> {

  /**
   * @param actual the result under test
   */
  public CounterfactualAssert(CounterfactualResult actual) {
    super(actual, CounterfactualAssert.class);
  }

  /**
   * Verifies that no row's decision changed under the swap.
   *
   * @return this
   */
  public CounterfactualAssert hasNoFlips() {
    isNotNull();
    if (actual.flips() > 0) {
      failWithMessage(
          "%s",
          "Expecting no decision to flip when '"
              + actual.attribute()
              + "' is swapped but "
              + details());
    }
    return this;
  }

  /**
   * Verifies that the overall flip rate equals {@code expected} exactly (flips / rows).
   *
   * @param expected the flip rate
   * @return this
   */
  public CounterfactualAssert hasFlipRate(double expected) {
    isNotNull();
    if (Double.compare(actual.flipRate(), expected) != 0) {
      failWithMessage(
          "%s",
          "Expecting flip rate of '"
              + actual.attribute()
              + "' to be "
              + plain(expected)
              + " but "
              + details());
    }
    return this;
  }

  /**
   * Verifies that the overall flip rate is at most {@code max}.
   *
   * @param max the largest acceptable flip rate
   * @return this
   */
  public CounterfactualAssert hasFlipRateAtMost(double max) {
    isNotNull();
    if (!(actual.flipRate() <= max)) {
      failWithMessage(
          "%s",
          "Expecting flip rate of '"
              + actual.attribute()
              + "' to be at most "
              + plain(max)
              + " but "
              + details());
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
