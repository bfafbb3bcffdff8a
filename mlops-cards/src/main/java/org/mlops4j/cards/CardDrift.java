package org.mlops4j.cards;

import java.util.Locale;
import org.mlops4j.api.internal.Require;

/**
 * The drift of one feature of the evaluation data against the training data, from a drift report.
 *
 * @param feature the feature
 * @param method the test or distance's key, e.g. {@code ks} or {@code chi2}
 * @param statistic the statistic, NaN if not tested
 * @param pValue the p-value, NaN if the method has none
 * @param drifted whether the feature drifted
 * @since 0.1.0
 */
public record CardDrift(
    String feature, String method, double statistic, double pValue, boolean drifted) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public CardDrift {
    Require.nonNull(feature, "feature");
    Require.nonNull(method, "method");
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s %s=%.4g p=%.4g%s",
        feature,
        method,
        statistic,
        pValue,
        drifted ? " DRIFTED" : "");
  }
}
