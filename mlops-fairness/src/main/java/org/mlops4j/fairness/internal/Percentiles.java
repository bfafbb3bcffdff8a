package org.mlops4j.fairness.internal;

/** Quantiles with linear interpolation, as numpy's default {@code np.percentile}. Internal. */
public final class Percentiles {

  private Percentiles() {}

  /**
   * @param sorted ascending values, at least one
   * @param q quantile in [0, 1]
   * @return {@code x[lo] + (h − lo)(x[lo+1] − x[lo])} with {@code h = (n − 1) q}
   */
  public static double ofSorted(double[] sorted, double q) {
    int n = sorted.length;
    double h = (n - 1) * q;
    int lo = (int) Math.floor(h);
    if (lo >= n - 1) {
      return sorted[n - 1];
    }
    double frac = h - lo;
    return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
  }
}
