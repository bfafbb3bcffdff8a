package org.mlops4j.explain;

import java.util.List;
import java.util.Locale;
import org.mlops4j.api.internal.Require;

/**
 * The permutation importance of one feature, or of a group of features permuted together.
 *
 * @param name the feature's or group's name
 * @param features the features permuted (one, or the group's)
 * @param mean the mean importance over the repeats
 * @param std the standard deviation over the repeats, divisor R (as scikit-learn's {@code
 *     importances_std})
 * @param lower the lower end of the Student t interval of the mean (NaN with one repeat)
 * @param upper the upper end of the interval (NaN with one repeat)
 * @param importances the importance of each repeat, in order (scikit-learn's {@code importances})
 * @since 0.1.0
 */
public record FeatureImportance(
    String name,
    List<String> features,
    double mean,
    double std,
    double lower,
    double upper,
    double[] importances) {

  /**
   * Copies the lists and the array.
   *
   * @throws NullPointerException if a component is null
   */
  public FeatureImportance {
    Require.nonNull(name, "name");
    features = List.copyOf(Require.nonNull(features, "features"));
    importances = Require.nonNull(importances, "importances").clone();
  }

  /**
   * @return a copy of the importance of each repeat
   */
  @Override
  public double[] importances() {
    return importances.clone();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%s: %.4g ± %.4g [%.4g, %.4g]", name, mean, std, lower, upper);
  }
}
