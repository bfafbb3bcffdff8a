package org.mlops4j.fairness;

import java.util.Locale;

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
   * @throws IllegalArgumentException if a bound is NaN, lower &gt; upper or the level is not in (0, 1)
   */
  public Interval {
    if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
      throw new IllegalArgumentException(
          "interval bounds must be ordered numbers, but were [" + lower + ", " + upper + "]");
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), but was " + level);
    }
  }

  /** @return true if {@code lower <= x <= upper} */
  public boolean contains(double x) {
    return lower <= x && x <= upper;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "[%.4f, %.4f] (%s %.0f%%)", lower, upper, method, level * 100);
  }
}
