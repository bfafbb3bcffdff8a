package org.mlops4j.fairness;

import java.util.Locale;

/**
 * The confusion counts of one group: true positives, false positives, true negatives and false
 * negatives, as sums of sample weights (equal to row counts when no weights are given), and the
 * number of rows.
 *
 * @param tp weight of rows with label positive and prediction positive
 * @param fp weight of rows with label negative and prediction positive
 * @param tn weight of rows with label negative and prediction negative
 * @param fn weight of rows with label positive and prediction negative
 * @param rows number of rows (unweighted), used for the minimum group size
 * @since 0.1.0
 */
public record ConfusionCounts(double tp, double fp, double tn, double fn, long rows) {

  /**
   * @return tp + fp + tn + fn
   */
  public double total() {
    return tp + fp + tn + fn;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "TP=%s FP=%s TN=%s FN=%s (rows=%d)", fmt(tp), fmt(fp), fmt(tn), fmt(fn), rows);
  }

  private static String fmt(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15
        ? Long.toString((long) x)
        : String.format(Locale.ROOT, "%.4g", x);
  }
}
