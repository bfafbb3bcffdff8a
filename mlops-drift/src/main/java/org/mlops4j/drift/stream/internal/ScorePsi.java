package org.mlops4j.drift.stream.internal;

import java.util.Arrays;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.internal.SortedSearch;
import org.mlops4j.drift.internal.Stats;

/**
 * Population Stability Index of a sample of scores against reference scores, with the quantile bins
 * of the batch path ({@code Psi}, {@code DriftDetector}): the same edges and the same counting.
 *
 * <p>Edges: the reference quantiles at k/B, k = 1..B-1 (linear interpolation, as numpy's default
 * {@code np.quantile}), repeats and the reference's minimum and maximum dropped (pandas {@code
 * qcut(duplicates="drop")}); a value x falls in bin i = number of edges at or below x, so bins are
 * {@code [e_(i-1), e_i)} as in {@code numpy.histogram}, with open outer bins. Shares are floored at
 * epsilon before {@code PSI = sum (c_i - r_i) ln(c_i / r_i)}. Internal: not part of the API.
 */
public final class ScorePsi {

  private final double[] edges;
  private final double[] referenceShares;
  private final double epsilon;

  private ScorePsi(double[] edges, double[] referenceShares, double epsilon) {
    this.edges = edges;
    this.referenceShares = referenceShares;
    this.epsilon = epsilon;
  }

  /**
   * @param reference reference scores, finite, at least 2 values (copied)
   * @param bins number of bins, at least 2
   * @param epsilon floor of a share, in (0, 1)
   * @return the fitted reference
   * @throws NullPointerException if reference is null
   * @throws IllegalArgumentException on a short or non-finite reference, or bad bins/epsilon
   */
  public static ScorePsi fit(double[] reference, int bins, double epsilon) {
    Require.nonNull(reference, "referenceScores");
    Require.argument(
        reference.length >= 2, "referenceScores.length", "at least 2", reference.length);
    Require.argument(bins >= 2, "psiBins", "at least 2", bins);
    Require.openUnit(epsilon, "psiEpsilon");
    double[] sorted = Require.finite(reference.clone(), "referenceScores");
    Arrays.sort(sorted);
    int n = sorted.length;
    double[] edges = Stats.psiEdges(sorted, n, bins, true);
    return new ScorePsi(edges, shares(edges, sorted, n), epsilon);
  }

  /**
   * @param current the window's scores, {@code n} first values used
   * @param n number of values, at least 1
   * @return the PSI, at least 0
   */
  public double psi(double[] current, int n) {
    Require.argument(n >= 1, "n", "at least 1", n);
    double[] cur = shares(edges, current, n);
    double psi = 0;
    for (int i = 0; i < cur.length; i++) {
      double c = Math.max(cur[i], epsilon);
      double r = Math.max(referenceShares[i], epsilon);
      psi += (c - r) * Math.log(c / r);
    }
    return psi;
  }

  /**
   * @return the bin edges (copy)
   */
  public double[] edges() {
    return edges.clone();
  }

  private static double[] shares(double[] edges, double[] values, int n) {
    double[] counts = new double[edges.length + 1];
    for (int i = 0; i < n; i++) {
      counts[SortedSearch.countAtOrBelow(edges, values[i])]++;
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] /= n;
    }
    return counts;
  }

  /** Number of edges at or below x (numpy searchsorted side='right'). */
  int bin(double x) {
    return SortedSearch.countAtOrBelow(edges, x);
  }
}
