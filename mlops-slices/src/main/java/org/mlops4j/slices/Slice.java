package org.mlops4j.slices;

import java.util.List;
import java.util.Locale;
import org.mlops4j.api.internal.Require;
import org.mlops4j.fairness.Interval;

/**
 * One slice examined by a {@link SliceFinder}: a conjunction of one to three conditions on features
 * (a categorical value, or a numeric range from binning), its rows, its error rate or mean loss
 * with an interval, the same over the rest of the rows (the complement), and the test that compares
 * the two.
 *
 * <p>Name: the conditions joined by {@code |}, each {@code feature=value} as the intersectional
 * groups of the fairness module ({@code "country=DE|age=[30, 41)"}); a numeric range is written
 * {@code age<30}, {@code age=[30, 41)} or {@code age>=52}, a missing (NaN) value {@code
 * age=missing}.
 *
 * <p>Effect size, as Slice Finder (Chung et al., 2019): {@code (value − restValue) / sqrt((s² +
 * s²_rest) / 2)}, with the sample variances (divisor n − 1) of the per-row error indicator or loss;
 * positive infinity when both variances are zero and the slice is worse.
 *
 * @param name the conditions joined by {@code |}
 * @param conditions the conditions, {@code feature=value} each, in the order of the features
 * @param rows the slice's rows (its support)
 * @param value the slice's error rate or mean loss
 * @param interval the value's interval: Wilson score for an error rate, Student's t for a mean loss
 * @param restRows the rows outside the slice
 * @param restValue the error rate or mean loss outside the slice
 * @param difference {@code value − restValue}
 * @param effectSize the standardised difference (above)
 * @param statistic the z or t statistic
 * @param degreesOfFreedom Welch–Satterthwaite degrees of freedom of the t-test; NaN for the z-test
 *     (or when both groups are constant)
 * @param pValue the one-sided p-value (the slice is worse than the rest)
 * @param pAdjusted the Benjamini–Hochberg adjusted p-value over every slice examined
 * @param significant true if {@code pAdjusted <= alpha} and {@code effectSize >= minEffectSize}
 * @since 0.1.0
 */
public record Slice(
    String name,
    List<String> conditions,
    int rows,
    double value,
    Interval interval,
    int restRows,
    double restValue,
    double difference,
    double effectSize,
    double statistic,
    double degreesOfFreedom,
    double pValue,
    double pAdjusted,
    boolean significant) {

  /**
   * Copies the conditions and checks the counts.
   *
   * @throws NullPointerException if name, conditions or interval is null
   * @throws IllegalArgumentException if rows or restRows is negative, or conditions is empty
   */
  public Slice {
    Require.nonNull(name, "name");
    Require.nonNull(interval, "interval");
    conditions = List.copyOf(Require.nonNull(conditions, "conditions"));
    Require.argument(!conditions.isEmpty(), "conditions", "non-empty", conditions);
    Require.nonNegative(rows, "rows");
    Require.nonNegative(restRows, "restRows");
  }

  /**
   * @return the number of conditions, 1 to 3
   */
  public int depth() {
    return conditions.size();
  }

  /**
   * @return one line: name, rows, value with interval, rest, effect size and adjusted p-value
   */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: n=%d, %.4f [%.4f, %.4f] vs rest %.4f, effect %.3f, p_adj=%.3g%s",
        name,
        rows,
        value,
        interval.lower(),
        interval.upper(),
        restValue,
        effectSize,
        pAdjusted,
        significant ? ", significant" : "");
  }
}
