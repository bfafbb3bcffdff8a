package org.mlops4j.fairness.assertj;

import java.math.BigDecimal;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;
import org.mlops4j.fairness.individual.ConsistencyResult;

/**
 * Assertions on a {@link ConsistencyResult} (individual fairness, Zemel et al. 2013). Failure
 * messages give the bound as written, the score with three decimals and how it was computed, e.g.
 *
 * <pre>
 * Expecting consistency to be at least 0.9 but was 0.773
 * (k = 5 incl. self, n = 30, euclidean distance, scaling none, exact)
 * </pre>
 *
 * @since 0.1.0
 */
public class ConsistencyAssert extends AbstractAssert<ConsistencyAssert, ConsistencyResult> {

  /**
   * @param actual the result under test
   */
  public ConsistencyAssert(ConsistencyResult actual) {
    super(actual, ConsistencyAssert.class);
  }

  /**
   * Verifies that the consistency score is at least {@code min}. For a sampled (approximate) score
   * the comparison is on the estimate itself; the message shows its error bound.
   *
   * @return this
   */
  public ConsistencyAssert hasConsistencyAtLeast(double min) {
    isNotNull();
    if (!(actual.consistency() >= min)) {
      failWithMessage(
          "%s",
          "Expecting consistency to be at least "
              + BigDecimal.valueOf(min).stripTrailingZeros().toPlainString()
              + " but was "
              + String.format(Locale.ROOT, "%.3f", actual.consistency())
              + "\n("
              + how()
              + ")");
    }
    return this;
  }

  /**
   * Verifies that every row's neighbours were searched (no sampling).
   *
   * @return this
   */
  public ConsistencyAssert isExact() {
    isNotNull();
    if (actual.approximate()) {
      failWithMessage(
          "%s", "Expecting an exact consistency score but it was estimated\n(" + how() + ")");
    }
    return this;
  }

  private String how() {
    String s = actual.toString();
    return s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
  }
}
