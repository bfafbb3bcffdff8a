package org.mlops4j.api.internal;

/**
 * Binary search over sorted bin edges, shared by every module that bins numbers (drift's PSI
 * histograms, feature buckets, slice ranges, Spark's bin counts). Internal.
 */
public final class SortedSearch {
  private SortedSearch() {}

  /**
   * The number of entries of {@code sorted} at or below {@code x}: the bin of {@code x} over
   * increasing interior edges, as NumPy's {@code np.searchsorted(sorted, x, side='right')} (and
   * {@code np.digitize(x, sorted)}). A NaN {@code x} compares below nothing and gives 0.
   *
   * @param sorted increasing values (not checked)
   * @param x the value
   * @return an index from 0 to {@code sorted.length}
   */
  public static int countAtOrBelow(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
