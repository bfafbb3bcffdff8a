package org.mlops4j.api;

/**
 * How a continuous value's range is cut into bins, shared by every module that bins (the PSI of
 * drift, the calibration curves of fairness), so one word means one thing everywhere.
 *
 * <ul>
 *   <li>{@link #QUANTILE}: edges at the reference sample's quantiles, so each bin holds about the
 *       same share of the reference (the default for PSI, as most PSI write-ups recommend, and
 *       {@code strategy="quantile"} of scikit-learn's {@code calibration_curve});
 *   <li>{@link #EQUAL_WIDTH}: equal-width bins over the range ({@code numpy.histogram}'s default
 *       and scikit-learn's {@code strategy="uniform"}).
 * </ul>
 *
 * @since 0.1.0
 */
public enum Binning {
  /** Edges at quantiles of the reference sample. */
  QUANTILE,
  /** Equal-width bins over the range. */
  EQUAL_WIDTH
}
