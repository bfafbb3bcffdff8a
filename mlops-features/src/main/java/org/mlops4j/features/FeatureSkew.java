package org.mlops4j.features;

import java.util.Locale;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.FeatureDrift;

/**
 * The training/serving skew of one input feature in a {@link SkewReport}: the drift module's
 * comparison of the serving values with the training baseline ({@link FeatureDrift}: the test the
 * baseline chose, KS for a numeric feature, chi-square for a categorical one, two-proportion z for
 * a 0/1 one, with its p-value and verdict), and the PSI of every serving value.
 *
 * @param feature the feature's name
 * @param drift the drift module's comparison (numeric features: on the serving sample)
 * @param psi the PSI of all serving values against the training bins (numeric: from the mergeable
 *     {@code HistogramCounts}; categorical: as in {@code drift}); NaN when not computed
 * @param served the number of serving values observed (missing included)
 * @param sampled whether a numeric feature's test ran on a uniform sample of the serving values
 *     (more values than the monitor's sample size)
 * @since 0.1.0
 */
public record FeatureSkew(
    String feature, FeatureDrift drift, double psi, long served, boolean sampled) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if feature or drift is null
   */
  public FeatureSkew {
    Require.nonNull(feature, "feature");
    Require.nonNull(drift, "drift");
  }

  /**
   * @return whether the feature is skewed: the drift module's verdict ({@link
   *     FeatureDrift#drifted()})
   */
  public boolean skewed() {
    return drift.drifted();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: %s, psi=%.4f, served=%d%s",
        feature,
        drift,
        psi,
        served,
        sampled ? " (test on a sample)" : "");
  }
}
