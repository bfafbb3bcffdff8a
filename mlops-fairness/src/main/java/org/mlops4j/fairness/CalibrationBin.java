package org.mlops4j.fairness;

import java.util.Locale;

/**
 * One non-empty bin of a calibration curve.
 *
 * @param lower the bin's lower edge
 * @param upper the bin's upper edge
 * @param count rows whose score falls in the bin
 * @param meanScore mean predicted score in the bin (sklearn's {@code prob_pred})
 * @param fractionPositive fraction of positive labels in the bin (sklearn's {@code prob_true})
 * @since 0.1.0
 */
public record CalibrationBin(
    double lower, double upper, long count, double meanScore, double fractionPositive) {

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "(%.3f, %.3f] n=%d score=%.4f positive=%.4f",
        lower,
        upper,
        count,
        meanScore,
        fractionPositive);
  }
}
