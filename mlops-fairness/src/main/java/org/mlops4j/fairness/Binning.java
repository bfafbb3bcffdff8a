package org.mlops4j.fairness;

/**
 * How scores are binned for calibration curves, as scikit-learn's {@code
 * sklearn.calibration.calibration_curve(strategy=...)}. Edges e_0..e_k; a score s goes to bin i
 * when e_i &lt; s &le; e_{i+1} (the first bin also holds e_0), as numpy's {@code
 * searchsorted(edges[1:-1], s)} in scikit-learn.
 *
 * @since 0.1.0
 */
public enum Binning {
  /** Edges {@code i / k} for i = 0..k (scikit-learn {@code strategy='uniform'}, the default). */
  UNIFORM,
  /**
   * Edges at the {@code i / k} quantiles of the group's scores, linear interpolation as numpy's
   * {@code percentile} (scikit-learn {@code strategy='quantile'}).
   */
  QUANTILE
}
