package org.mlops4j.slices;

import java.util.Locale;
import org.mlops4j.api.internal.Require;

/**
 * What a slice is judged on, and the test that compares it with the rest of the rows.
 *
 * <ul>
 *   <li>{@link #ERROR_RATE}: the share of rows whose prediction differs from the label, compared
 *       with the two-proportion z-test with a pooled variance, one-sided (the slice's rate is
 *       greater), as statsmodels' {@code proportions_ztest(count, nobs, alternative='larger')};
 *   <li>{@link #MEAN_LOSS}: the mean of a per-row loss, compared with Welch's t-test, one-sided
 *       (the slice's mean is greater), as SciPy's {@code ttest_ind(slice, rest, equal_var=False,
 *       alternative='greater')}.
 * </ul>
 *
 * @since 0.1.0
 */
public enum SliceMeasure {
  /** The share of rows where the prediction differs from the label; two-proportion z-test. */
  ERROR_RATE("error_rate", "error rate", "two-proportion z-test (pooled), one-sided"),
  /** The mean of a per-row loss; Welch's t-test. */
  MEAN_LOSS("mean_loss", "mean loss", "Welch's t-test, one-sided");

  private final String key;
  private final String label;
  private final String test;

  SliceMeasure(String key, String label, String test) {
    this.key = key;
    this.label = label;
    this.test = test;
  }

  /**
   * @return the stable key used in JSON and metric keys: {@code error_rate} or {@code mean_loss}
   */
  public String key() {
    return key;
  }

  /**
   * @return the words for a table or a chart: {@code error rate} or {@code mean loss}
   */
  public String label() {
    return label;
  }

  /**
   * @return the test that compares a slice with the rest, in words
   */
  public String test() {
    return test;
  }

  /**
   * Looks a measure up by its key.
   *
   * @param key {@code error_rate} or {@code mean_loss} (case-insensitive)
   * @return the measure
   * @throws IllegalArgumentException if the key is unknown
   */
  public static SliceMeasure fromKey(String key) {
    Require.nonNull(key, "key");
    for (SliceMeasure m : values()) {
      if (m.key.equals(key.toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new IllegalArgumentException(Require.mustBe("key", "error_rate or mean_loss", key));
  }
}
