package org.mlops4j.fairness;

import java.util.Locale;
import org.mlops4j.api.internal.Require;

/**
 * A two-sided confidence interval {@code [lower, upper]} at a confidence level, with the name of
 * the method that produced it ({@code "wilson"} for a rate, {@code "bootstrap-percentile"} for a
 * disparity).
 *
 * @param lower the lower bound
 * @param upper the upper bound
 * @param level the confidence level in (0, 1), for example 0.95
 * @param method how the interval was computed
 * @since 0.1.0
 */
public record Interval(double lower, double upper, double level, String method) {

  /**
   * Checks the bounds and the level.
   *
   * @throws IllegalArgumentException if a bound is NaN, lower &gt; upper or the level is not in (0,
   *     1)
   * @throws NullPointerException if method is null
   */
  public Interval {
    Require.argument(
        !Double.isNaN(lower) && !Double.isNaN(upper) && lower <= upper,
        "[lower, upper]",
        "ordered numbers",
        "[" + lower + ", " + upper + "]");
    Require.openUnit(level, "level");
    Require.nonNull(method, "method");
  }

  /**
   * @return true if {@code lower <= x <= upper}
   */
  public boolean contains(double x) {
    return lower <= x && x <= upper;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "[%.4f, %.4f] (%s %.0f%%)", lower, upper, method, level * 100);
  }
}
