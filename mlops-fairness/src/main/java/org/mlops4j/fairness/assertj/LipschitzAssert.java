package org.mlops4j.fairness.assertj;

import java.math.BigDecimal;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;
import org.mlops4j.fairness.individual.LipschitzResult;

/**
 * Assertions on a {@link LipschitzResult} (Dwork et al. 2012 Lipschitz audit). Failure messages
 * give the bound, the actual value and the worst pairs, e.g.
 *
 * <pre>
 * Expecting no pair with |f(x) - f(x')| / d(x, x') above 4 but the largest was 5.00000
 * 3 of 10 (all) pairs above 4 (30.00%); worst pairs:
 *   (0, 1): |1.00000 - 26.0000| / 5.00000 = 5.00000
 * </pre>
 *
 * @since 0.1.0
 */
public class LipschitzAssert extends AbstractAssert<LipschitzAssert, LipschitzResult> {

  /**
   * @param actual the result under test
   */
  public LipschitzAssert(LipschitzResult actual) {
    super(actual, LipschitzAssert.class);
  }

  /**
   * Verifies that no examined pair has a ratio above the audit's bound L.
   *
   * @return this
   */
  public LipschitzAssert hasNoViolations() {
    isNotNull();
    if (actual.violations() > 0) {
      failWithMessage(
          "%s",
          "Expecting no pair with |f(x) - f(x')| / d(x, x') above "
              + plain(actual.bound())
              + " but the largest was "
              + ratio(actual.maxRatio())
              + "\n"
              + details());
    }
    return this;
  }

  /**
   * Verifies that the share of examined pairs above the bound L is at most {@code max}.
   *
   * @return this
   */
  public LipschitzAssert hasViolationShareAtMost(double max) {
    isNotNull();
    if (!(actual.violationShare() <= max)) {
      failWithMessage(
          "%s",
          "Expecting the share of pairs above "
              + plain(actual.bound())
              + " to be at most "
              + plain(max)
              + " but was "
              + String.format(Locale.ROOT, "%.3f", actual.violationShare())
              + "\n"
              + details());
    }
    return this;
  }

  /**
   * Verifies that the largest observed ratio is at most {@code max}.
   *
   * @return this
   */
  public LipschitzAssert hasMaxRatioAtMost(double max) {
    isNotNull();
    if (!(actual.maxRatio() <= max)) {
      failWithMessage(
          "%s",
          "Expecting the largest ratio |f(x) - f(x')| / d(x, x') to be at most "
              + plain(max)
              + " but was "
              + ratio(actual.maxRatio())
              + "\n"
              + details());
    }
    return this;
  }

  private static String plain(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }

  private static String ratio(double r) {
    return Double.isInfinite(r) ? "Infinity" : String.format(Locale.ROOT, "%.6g", r);
  }

  private String details() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%d of %d %s pairs above %s (%.2f%%)",
                actual.violations(),
                actual.pairs(),
                actual.exhaustive() ? "(all)" : "sampled",
                plain(actual.bound()),
                100 * actual.violationShare()));
    if (actual.zeroDistanceViolations() > 0) {
      sb.append(", ")
          .append(actual.zeroDistanceViolations())
          .append(" at distance 0 with different outputs");
    }
    if (!actual.worstPairs().isEmpty()) {
      sb.append("; worst pairs:");
      actual.worstPairs().forEach(p -> sb.append("\n  ").append(p));
    }
    return sb.toString();
  }
}
