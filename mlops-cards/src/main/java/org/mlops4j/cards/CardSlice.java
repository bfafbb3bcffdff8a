package org.mlops4j.cards;

import java.util.Locale;
import org.mlops4j.api.internal.Require;

/**
 * One slice of the evaluation data where the model errs significantly more than on the rest, from a
 * slice report ({@code org.mlops4j.slices.SliceReport}, Chung et al., 2019, "Slice Finder"): its
 * rows, its error rate or mean loss with an interval, the same over the rest of the rows, and the
 * test's Benjamini–Hochberg adjusted p-value.
 *
 * @param name the slice: its conditions joined by {@code |}, each {@code feature=value}, {@code
 *     feature=[lo, hi)}, {@code feature<x} or {@code feature>=x}, e.g. {@code age=[24,
 *     29)|priors_count=[1, 2)}
 * @param measure what the slice is judged on: {@code error rate} or {@code mean loss}
 * @param rows the slice's rows
 * @param value the slice's error rate or mean loss
 * @param lower the interval's lower bound
 * @param upper the interval's upper bound
 * @param level the interval's confidence level, e.g. 0.95
 * @param method how the interval was computed: {@code wilson} (Wilson score, an error rate) or
 *     {@code t} (Student's t, a mean loss)
 * @param restRows the rows outside the slice
 * @param restValue the error rate or mean loss outside the slice
 * @param difference {@code value − restValue}
 * @param effectSize the standardised difference, NaN when both the slice and the rest are constant
 * @param pAdjusted the Benjamini–Hochberg adjusted one-sided p-value
 * @since 0.1.0
 */
public record CardSlice(
    String name,
    String measure,
    long rows,
    double value,
    double lower,
    double upper,
    double level,
    String method,
    long restRows,
    double restValue,
    double difference,
    double effectSize,
    double pAdjusted) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a text is null
   * @throws IllegalArgumentException if the name or measure is blank, or a row count is negative
   */
  public CardSlice {
    Require.nonBlank(name, "name");
    Require.nonBlank(measure, "measure");
    Require.nonNull(method, "method");
    Require.nonNegative(rows, "rows");
    Require.nonNegative(restRows, "restRows");
  }

  /**
   * @return the slice's conditions joined by {@code " | "}, as the card's tables show it
   */
  public String label() {
    return name.replace("|", " | ");
  }

  /**
   * @return {@code name: n=rows, value [lower, upper] vs rest restValue, diff +d, p_adj=p}
   */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: n=%d, %s %.4f [%.4f, %.4f] vs rest %.4f, diff %+.4f, p_adj=%.3g",
        name,
        rows,
        measure,
        value,
        lower,
        upper,
        restValue,
        difference,
        pAdjusted);
  }
}
