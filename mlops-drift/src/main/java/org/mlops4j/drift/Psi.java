package org.mlops4j.drift;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mlops4j.api.Binning;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.internal.Sorting;
import org.mlops4j.drift.internal.Stats;

/**
 * Population stability index: {@code PSI = sum_i (c_i - r_i) ln(c_i / r_i)} over bins, where r_i
 * and c_i are the reference and current shares of bin i (Siddiqi 2006; Yurdakul 2018). PSI &ge; 0,
 * 0 when the shares agree.
 *
 * <p>Bins are fitted on the reference ({@link Binning} of {@code mlops-api}): {@link
 * Binning#QUANTILE} (default, 10 bins), edges at the reference quantiles {@code k/b}, k = 1..b-1,
 * with the linear interpolation of Hyndman &amp; Fan (1996) definition 7 (NumPy's default {@code
 * method='linear'}, R's type 7: {@code h = (n-1)p}, {@code q = x[floor h] + (h - floor h)(x[floor h
 * + 1] - x[floor h])} on the sorted sample); or {@link Binning#EQUAL_WIDTH}, edges {@code min + k
 * (max - min) / b} of the reference range. Repeated edges are dropped, as pandas {@code qcut(q=b,
 * duplicates="drop")} does, and so are edges equal to the reference's minimum or maximum: the
 * interior edges ({@link #edges}) are the distinct edges strictly inside the reference's range, and
 * the effective number of bins is their count plus one (fewer than b on tied or discrete data; one
 * when every quantile is the minimum or the maximum, as for a constant reference or a 0/1 column
 * with under 10% of one value, where PSI is 0 by construction: {@link Binning#EQUAL_WIDTH} bins
 * such a column). Values are counted as {@code numpy.histogram} counts them over the edges {@code
 * np.unique([min, quantiles..., max])}: bins {@code [e[k-1], e[k])} closed on the left, so that a
 * value equal to an edge counts in the bin above it ({@code np.searchsorted(edges, x,
 * side='right')}); the outer bins are open, {@code (-inf, e[0])} and {@code [e[last], +inf)}, so
 * current values outside the reference's range count in the outer bins where NumPy would drop them
 * (within the range the counts are NumPy's). Empty bins: a share of exactly 0 is replaced by {@code
 * epsilon} (default {@value #DEFAULT_EPSILON}) without renormalising, so a bin empty on both sides
 * adds 0. Categorical PSI uses the reference categories plus one bucket for categories the
 * reference never saw.
 *
 * <p>Reading: {@link PsiLevel} (below 0.1 stable, 0.1–0.25 moderate, above 0.25 significant).
 *
 * <pre>{@code
 * double psi = Psi.numeric(reference, current);              // 10 quantile bins
 * double psi2 = Psi.numeric(reference, current, 20, Binning.EQUAL_WIDTH, 1e-6);
 * double psi3 = Psi.categorical(refCities, curCities);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Psi {

  /** Default replacement of an empty bin's share. */
  public static final double DEFAULT_EPSILON = 1e-4;

  /** Default number of bins. */
  public static final int DEFAULT_BINS = 10;

  /** Label of the bucket of categories unseen in the reference. */
  public static final String UNSEEN = "<unseen>";

  /**
   * Label of the bucket of a capped categorical column ({@link DriftDetector#maxCategories()}): the
   * reference's categories outside the most frequent ones, and the current's categories outside
   * them (unseen ones included).
   */
  public static final String OTHER = "<other>";

  private Psi() {}

  /**
   * PSI over 10 quantile bins, epsilon 1e-4.
   *
   * @throws NullPointerException if a sample is null
   * @throws IllegalArgumentException if a sample is empty or not finite
   */
  public static double numeric(double[] reference, double[] current) {
    return numeric(reference, current, DEFAULT_BINS, Binning.QUANTILE, DEFAULT_EPSILON);
  }

  /**
   * PSI of numeric samples over bins fitted on the reference. Minimum sample size: one value in
   * each sample. Edges of references near ±Double.MAX_VALUE are computed without overflow (see
   * {@link #edges}).
   *
   * @throws NullPointerException if a sample or the binning is null
   * @throws IllegalArgumentException if a sample is empty or not finite, bins &lt; 2, or epsilon is
   *     not in (0, 1)
   */
  public static double numeric(
      double[] reference, double[] current, int bins, Binning binning, double epsilon) {
    Require.nonNull(binning, "binning");
    double[] sorted = sortedReference(reference, bins);
    Require.finite(Require.nonEmpty(current, "current"), "current");
    Require.openUnit(epsilon, "epsilon");
    double[] edges = edgesOfSorted(sorted, bins, binning);
    long[] rc = Stats.binCountsSorted(edges, sorted, sorted.length);
    long[] cc = Stats.binCounts(edges, current, 0, current.length);
    return Stats.psi(rc, cc, epsilon);
  }

  /**
   * The interior bin edges fitted on a reference sample: the distinct edges strictly inside the
   * reference's range (at most bins - 1 values; none for one bin). When the reference's range
   * overflows a double (values of opposite signs near ±Double.MAX_VALUE), equal-width edges are
   * computed from the middle of the range, {@code (min/2 + max/2) + (max/2 - min/2)(2k - b)/b}, and
   * a quantile between two such values as {@code a (1 - t) + b t}: the same edges, without the
   * overflow.
   *
   * @throws NullPointerException if the sample or the binning is null
   * @throws IllegalArgumentException if the sample is empty or not finite, or bins &lt; 2
   */
  public static double[] edges(double[] reference, int bins, Binning binning) {
    Require.nonNull(binning, "binning");
    return edgesOfSorted(sortedReference(reference, bins), bins, binning);
  }

  private static double[] sortedReference(double[] reference, int bins) {
    Require.finite(Require.nonEmpty(reference, "reference"), "reference");
    Require.argument(bins >= 2, "bins", "at least 2", bins);
    return Sorting.sortedCopy(reference);
  }

  private static double[] edgesOfSorted(double[] sorted, int bins, Binning binning) {
    return Stats.psiEdges(sorted, sorted.length, bins, binning == Binning.QUANTILE);
  }

  /**
   * PSI from bin counts.
   *
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the lengths differ, fewer than 2 bins, a count is negative,
   *     a side is all zero, or epsilon is not in (0, 1)
   */
  public static double fromCounts(long[] reference, long[] current, double epsilon) {
    Require.nonNull(reference, "reference");
    Require.nonNull(current, "current");
    Require.sameLength(current.length, "current", reference.length, "reference");
    Require.argument(reference.length >= 2, "bins", "at least 2", reference.length);
    Require.openUnit(epsilon, "epsilon");
    checkCounts("reference", reference);
    checkCounts("current", current);
    return Stats.psi(reference, current, epsilon);
  }

  /**
   * Categorical PSI with epsilon 1e-4.
   *
   * @throws NullPointerException if a sample or one of its labels is null
   * @throws IllegalArgumentException if a sample is empty
   */
  public static double categorical(String[] reference, String[] current) {
    return categorical(reference, current, DEFAULT_EPSILON);
  }

  /**
   * Categorical PSI over the reference categories plus the {@value #UNSEEN} bucket.
   *
   * @throws NullPointerException if a sample or one of its labels is null
   * @throws IllegalArgumentException if a sample is empty or epsilon is not in (0, 1)
   */
  public static double categorical(String[] reference, String[] current, double epsilon) {
    checkLabels(reference, "reference");
    checkLabels(current, "current");
    Require.openUnit(epsilon, "epsilon");
    long[][] c = categoryCounts(reference, current);
    return Stats.psi(c[0], c[1], epsilon);
  }

  /** Counts over reference categories (first-seen order) + unseen bucket (last). */
  static long[][] categoryCounts(String[] reference, String[] current) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (String s : reference) {
      index.putIfAbsent(s, index.size());
    }
    long[] rc = new long[index.size() + 1];
    long[] cc = new long[index.size() + 1];
    for (String s : reference) {
      rc[index.get(s)]++;
    }
    for (String s : current) {
      Integer i = index.get(s);
      cc[i == null ? index.size() : i]++;
    }
    return new long[][] {rc, cc};
  }

  /** A sample of labels: non-null, non-empty, no null label. */
  static void checkLabels(String[] labels, String name) {
    Require.noNulls(labels, name);
    Require.argument(labels.length > 0, name, "non-empty", "an empty array");
  }

  private static void checkCounts(String name, long[] counts) {
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      Require.argument(counts[i] >= 0, name + "[" + i + "]", "non-negative", counts[i]);
      total += counts[i];
    }
    Require.argument(total > 0, name, "counts with a positive total", "all zero");
  }
}
