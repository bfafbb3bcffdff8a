package org.mlops4j.cards;

import java.util.Locale;
import org.mlops4j.api.internal.Require;

/**
 * One number of a card's quantitative analyses: a metric on a slice of the evaluation data, with
 * its interval when one was measured. A slice is {@code ""} for all rows, {@code attribute=value}
 * for a unitary group ({@code sex=Female}) and {@code attribute=value} pairs joined by {@code |}
 * for an intersectional group ({@code race=Black|sex=Male}), as the fairness report names them; for
 * a criterion between groups it is {@code "A vs B"}.
 *
 * @param metric the metric's name, e.g. {@code selection rate} or {@code equalized_odds_difference}
 * @param slice the slice, {@code ""} for all rows
 * @param value the value (NaN when undefined, with the reason in {@code flag})
 * @param lower the interval's lower bound, NaN without an interval
 * @param upper the interval's upper bound, NaN without an interval
 * @param level the interval's confidence level, NaN without an interval
 * @param method how the interval was computed, e.g. {@code wilson} or {@code percentile bootstrap},
 *     or {@code ""}
 * @param size the rows behind the value, 0 if unknown
 * @param flag why the value needs care ({@code n=32 < 100, too small to judge}, {@code undefined:
 *     no positive labels}; parts joined by {@code "; "}), or {@code ""}
 * @since 0.1.0
 */
public record QuantitativeResult(
    String metric,
    String slice,
    double value,
    double lower,
    double upper,
    double level,
    String method,
    long size,
    String flag) {

  /**
   * The words that mark a result of a group too small to judge, {@value}: a flag that contains them
   * (as {@code n=32 < 100, too small to judge}, the flag of a fairness report's group below its
   * minimum size) is drawn as a hatched bar; any other flag is a note beside the value.
   */
  public static final String TOO_SMALL = "too small to judge";

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a text is null
   * @throws IllegalArgumentException if the metric is blank, the size negative, or only one bound
   *     is given
   */
  public QuantitativeResult {
    Require.nonBlank(metric, "metric");
    Require.nonNull(slice, "slice");
    Require.nonNull(method, "method");
    Require.nonNull(flag, "flag");
    Require.nonNegative(size, "size");
    Require.argument(
        Double.isNaN(lower) == Double.isNaN(upper),
        "[lower, upper]",
        "both numbers or both NaN",
        "[" + lower + ", " + upper + "]");
  }

  /**
   * A value without an interval.
   *
   * @param metric the metric's name
   * @param slice the slice, {@code ""} for all rows
   * @param value the value
   * @return the result
   */
  public static QuantitativeResult of(String metric, String slice, double value) {
    return new QuantitativeResult(
        metric, slice, value, Double.NaN, Double.NaN, Double.NaN, "", 0, "");
  }

  /**
   * A value with its interval.
   *
   * @param metric the metric's name
   * @param slice the slice, {@code ""} for all rows
   * @param value the value
   * @param lower the interval's lower bound
   * @param upper the interval's upper bound
   * @param level the confidence level, e.g. 0.95
   * @return the result
   */
  public static QuantitativeResult of(
      String metric, String slice, double value, double lower, double upper, double level) {
    return new QuantitativeResult(metric, slice, value, lower, upper, level, "", 0, "");
  }

  /**
   * @return true if an interval was measured
   */
  public boolean hasInterval() {
    return !Double.isNaN(lower);
  }

  /**
   * @return true if the value is defined (not NaN)
   */
  public boolean defined() {
    return !Double.isNaN(value);
  }

  /**
   * @return true if the flag marks a group too small to judge (it contains {@link #TOO_SMALL})
   */
  public boolean tooSmall() {
    return flag.contains(TOO_SMALL);
  }

  /**
   * @return true for a slice of all rows ({@code ""})
   */
  public boolean overall() {
    return slice.isEmpty();
  }

  /**
   * @return true for an intersectional group (a slice of two or more attributes, joined by {@code
   *     |})
   */
  public boolean intersectional() {
    return slice.contains("|");
  }

  /**
   * @return the slice as shown: {@code all rows} for the overall slice
   */
  public String sliceLabel() {
    return slice.isEmpty() ? "all rows" : slice;
  }

  /** {@code metric [slice] = value [lower, upper] (level% method)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(metric).append(" [").append(sliceLabel()).append("] = ");
    sb.append(defined() ? String.format(Locale.ROOT, "%.4f", value) : "undefined");
    if (hasInterval()) {
      sb.append(String.format(Locale.ROOT, " [%.4f, %.4f]", lower, upper));
      if (!Double.isNaN(level)) {
        sb.append(
            String.format(
                Locale.ROOT, " (%.0f%%%s)", level * 100, method.isEmpty() ? "" : " " + method));
      }
    }
    if (size > 0 && !flag.startsWith("n=" + size + " ") && !flag.startsWith("n=" + size + ",")) {
      sb.append(" n=").append(size);
    }
    if (!flag.isEmpty()) {
      sb.append(" (").append(flag).append(')');
    }
    return sb.toString();
  }
}
