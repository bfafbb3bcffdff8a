package org.mlops4j.drift;

import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.internal.SortedSearch;

/**
 * Mergeable counts of numeric values over fixed interior bin edges (bins {@code [e[k-1], e[k])}
 * closed on the left as in {@code numpy.histogram}, with open outer bins {@code (-inf, e[0])} and
 * {@code [e[last], +inf)}, as {@link Psi} describes; no edge: one bin), plus the counts of missing
 * (NaN) and infinite values. {@code a.merge(b)} equals the counts of the concatenated input. Use it
 * to accumulate a production window in pieces (per thread, per partition) and compute PSI against a
 * {@link DriftBaseline} with {@link DriftBaseline#psi(String, HistogramCounts)}.
 *
 * <p>Not thread-safe: one instance per thread, then merge.
 *
 * @since 0.1.0
 */
public final class HistogramCounts {
  private final double[] edges;
  private final long[] counts;
  private long missing;
  private long infinite;

  private HistogramCounts(double[] edges, long[] counts, long missing, long infinite) {
    this.edges = edges;
    this.counts = counts;
    this.missing = missing;
    this.infinite = infinite;
  }

  /**
   * Empty counts over interior edges (non-decreasing, finite; none for a single bin). A repeated
   * edge leaves an empty bin between its copies.
   *
   * @param edges the interior edges, copied
   * @return empty counts
   * @throws NullPointerException if edges is null
   * @throws IllegalArgumentException if edges are not finite or decrease
   */
  public static HistogramCounts over(double[] edges) {
    Require.finite(Require.nonNull(edges, "edges"), "edges");
    for (int i = 1; i < edges.length; i++) {
      Require.argument(
          edges[i] >= edges[i - 1],
          "edges[" + i + "]",
          "at least edges[" + (i - 1) + "] = " + edges[i - 1],
          edges[i]);
    }
    return new HistogramCounts(edges.clone(), new long[edges.length + 1], 0, 0);
  }

  /** Adds one value; NaN counts as missing, ±Infinity as infinite. */
  public HistogramCounts add(double x) {
    if (Double.isNaN(x)) {
      missing++;
    } else if (Double.isInfinite(x)) {
      infinite++;
    } else {
      counts[SortedSearch.countAtOrBelow(edges, x)]++;
    }
    return this;
  }

  /**
   * Adds every value.
   *
   * @throws NullPointerException if xs is null
   */
  public HistogramCounts addAll(double[] xs) {
    Require.nonNull(xs, "xs");
    for (double x : xs) {
      add(x);
    }
    return this;
  }

  /**
   * @return new counts, the sum of this and other
   * @throws NullPointerException if other is null
   * @throws IllegalArgumentException if the edges differ
   */
  public HistogramCounts merge(HistogramCounts other) {
    Require.nonNull(other, "other");
    Require.argument(
        Arrays.equals(edges, other.edges),
        "the edges of other",
        "these " + Arrays.toString(edges),
        Arrays.toString(other.edges));
    long[] c = counts.clone();
    for (int i = 0; i < c.length; i++) {
      c[i] += other.counts[i];
    }
    return new HistogramCounts(edges, c, missing + other.missing, infinite + other.infinite);
  }

  /**
   * @return a copy of the edges
   */
  public double[] edges() {
    return edges.clone();
  }

  /**
   * @return a copy of the finite-value counts per bin
   */
  public long[] counts() {
    return counts.clone();
  }

  /**
   * @return the number of NaN values added
   */
  public long missing() {
    return missing;
  }

  /**
   * @return the number of infinite values added
   */
  public long infinite() {
    return infinite;
  }

  /**
   * @return the number of finite values added
   */
  public long total() {
    long s = 0;
    for (long c : counts) {
      s += c;
    }
    return s;
  }

  long[] countsView() {
    return counts;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof HistogramCounts
        && Arrays.equals(edges, ((HistogramCounts) o).edges)
        && Arrays.equals(counts, ((HistogramCounts) o).counts)
        && missing == ((HistogramCounts) o).missing
        && infinite == ((HistogramCounts) o).infinite;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts) * 31 + Long.hashCode(missing + 7 * infinite);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "HistogramCounts[bins=%d, counts=%s, missing=%d, infinite=%d]",
        counts.length,
        Arrays.toString(counts),
        missing,
        infinite);
  }
}
