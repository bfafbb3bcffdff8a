package org.mlops4j.fairness;

import java.util.List;
import java.util.Locale;
import org.mlops4j.api.Binning;

/**
 * Calibration of the scores of one group, with n rows, scores s_i in [0, 1] and labels y_i:
 *
 * <ul>
 *   <li>{@link #ece()}: expected calibration error {@code Σ_b (n_b / n) |mean score_b − fraction
 *       positive_b|} over non-empty bins (Naeini, Cooper and Hauskrecht, 2015; Guo et al., 2017);
 *   <li>{@link #mce()}: maximum calibration error {@code max_b |mean score_b − fraction
 *       positive_b|};
 *   <li>{@link #calibrationInTheLarge()}: {@code mean(s) − mean(y)}, positive when the model
 *       over-predicts;
 *   <li>{@link #brier()}: Brier score {@code mean((s − y)²)} (Brier, 1950).
 * </ul>
 *
 * <p>The bins follow {@code sklearn.calibration.calibration_curve}: edges e_0..e_k, a score s goes
 * to bin i when e_i &lt; s &le; e_{i+1} (the first bin also holds e_0), as numpy's {@code
 * searchsorted(edges[1:-1], s)} in scikit-learn. {@link Binning#EQUAL_WIDTH} (the default) has the
 * edges {@code i / k} (scikit-learn {@code strategy='uniform'}); {@link Binning#QUANTILE} has them
 * at the {@code i / k} quantiles of the group's scores, linear interpolation as numpy's {@code
 * percentile} (scikit-learn {@code strategy='quantile'}). Calibration ignores sample weights.
 *
 * @param group the group's name
 * @param size rows in the group
 * @param status OK or TOO_SMALL (fewer rows than the minimum group size)
 * @param binning equal-width or quantile bins
 * @param bins the non-empty bins, in order
 * @param ece expected calibration error
 * @param mce maximum calibration error
 * @param calibrationInTheLarge mean score − base rate
 * @param brier Brier score
 * @param meanScore mean score
 * @param baseRate fraction of positive labels
 * @since 0.1.0
 */
public record GroupCalibration(
    String group,
    long size,
    GroupStatus status,
    Binning binning,
    List<CalibrationBin> bins,
    double ece,
    double mce,
    double calibrationInTheLarge,
    double brier,
    double meanScore,
    double baseRate) {

  /** Copies the bins. */
  public GroupCalibration {
    bins = List.copyOf(bins);
  }

  /** The binning as words, "equal-width" or "quantile", for messages. */
  static String label(Binning binning) {
    return binning.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s (n=%d%s): ECE=%.4f MCE=%.4f calibration-in-the-large=%+.4f Brier=%.4f (%d %s bins)",
        group,
        size,
        status == GroupStatus.TOO_SMALL ? ", TOO_SMALL" : "",
        ece,
        mce,
        calibrationInTheLarge,
        brier,
        bins.size(),
        label(binning));
  }
}
