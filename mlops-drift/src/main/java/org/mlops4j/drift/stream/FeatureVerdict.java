package org.mlops4j.drift.stream;

import java.util.Locale;

/**
 * The drift verdict of one input feature in one monitoring window, as returned by a {@link
 * FeatureDriftCheck}.
 *
 * @param feature the feature name
 * @param test the name of the deciding test (e.g. {@code "ks"}, {@code "psi"})
 * @param statistic the test's statistic
 * @param drifted whether the feature drifted in this window
 * @since 0.1.0
 */
public record FeatureVerdict(String feature, String test, double statistic, boolean drifted) {

  /**
   * @throws IllegalArgumentException if feature or test is null or blank
   */
  public FeatureVerdict {
    if (feature == null || feature.isBlank()) {
      throw new IllegalArgumentException("feature must not be blank, but was '" + feature + "'");
    }
    if (test == null || test.isBlank()) {
      throw new IllegalArgumentException("test must not be blank, but was '" + test + "'");
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %s=%.6g %s", feature, test, statistic,
        drifted ? "DRIFT" : "ok");
  }
}
