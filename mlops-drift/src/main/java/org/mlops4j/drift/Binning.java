package org.mlops4j.drift;

/**
 * How numeric bins for PSI are fitted on the reference.
 *
 * <p>Both use right-closed bins {@code (e[k-1], e[k]]} on the interior edges {@code e[1..b-1]},
 * with open outer bins {@code (-inf, e[1]]} and {@code (e[b-1], +inf)}, so current values outside
 * the reference range fall into the outer bins; equal edges simply leave empty bins, which add 0
 * to PSI. This is NumPy's {@code np.searchsorted(edges, x, side='left')}.
 *
 * @since 0.1.0
 */
public enum Binning {
  /**
   * Interior edges at the reference quantiles {@code k/b}, k = 1..b-1, with the linear
   * interpolation of Hyndman &amp; Fan (1996) definition 7 (NumPy's default {@code
   * method='linear'}, R's type 7): {@code h = (n-1)p}, {@code q = x[floor h] + (h - floor
   * h)(x[floor h + 1] - x[floor h])} on the sorted sample.
   */
  QUANTILE,
  /** Interior edges {@code min + k (max - min) / b} of the reference range, k = 1..b-1. */
  EQUAL_WIDTH
}
