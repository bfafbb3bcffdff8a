package org.mlops4j.drift.internal;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.mlops4j.api.internal.SortedSearch;

/** Numeric kernels shared by the public tests and the baseline. */
public final class Stats {

  private static final NormalDistribution STD_NORMAL = NormalDistribution.of(0, 1);

  private Stats() {}

  /** NumPy 'linear' quantile (Hyndman–Fan 7) of a sorted sample, with NumPy's lerp. */
  public static double quantileSorted(double[] sorted, int n, double p) {
    double virtual = (n - 1) * p;
    int lo = (int) Math.floor(virtual);
    if (lo >= n - 1) {
      return sorted[n - 1];
    }
    if (lo < 0) {
      return sorted[0];
    }
    return lerp(sorted[lo], sorted[lo + 1], virtual - lo);
  }

  /**
   * NumPy's lerp from a to b at t in [0, 1], from the nearer end so that it is exact at t = 0 and t
   * = 1: {@code t >= 0.5 ? b - (b - a)(1 - t) : a + (b - a) t}. When {@code b - a} overflows (a and
   * b of opposite signs near ±Double.MAX_VALUE), {@code a (1 - t) + b t}, whose terms cannot
   * overflow and whose sum lies between a and b.
   */
  public static double lerp(double a, double b, double t) {
    double diff = b - a;
    if (Double.isInfinite(diff)) {
      return a * (1 - t) + b * t;
    }
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }

  /** Interior quantile edges k/bins, k = 1..bins-1, repeats kept (the raw quantiles). */
  public static double[] quantileEdges(double[] sorted, int n, int bins) {
    double[] e = new double[bins - 1];
    for (int k = 1; k < bins; k++) {
      e[k - 1] = quantileSorted(sorted, n, (double) k / bins);
    }
    return e;
  }

  /**
   * The PSI bins' interior edges of a sorted, finite, non-empty reference: the quantile edges
   * ({@link #quantileEdges}) or the equal-width edges ({@link #equalWidthEdges}), with repeated
   * edges dropped (pandas {@code qcut(duplicates="drop")}) and the edges equal to the reference's
   * minimum or maximum dropped too (they are the outer edges of {@code numpy.histogram}): the
   * distinct edges strictly between the minimum and the maximum, ascending. Empty when every edge
   * is the minimum or the maximum (a constant reference, or one whose quantiles all fall on its
   * ends): then there is one bin.
   */
  public static double[] psiEdges(double[] sorted, int n, int bins, boolean quantile) {
    double min = sorted[0];
    double max = sorted[n - 1];
    double[] raw = quantile ? quantileEdges(sorted, n, bins) : equalWidthEdges(min, max, bins);
    return interiorEdges(raw, min, max);
  }

  /**
   * The distinct values of non-decreasing edges strictly between min and max, ascending (the
   * interior edges of {@code numpy.histogram} over {@code np.unique([min, edges..., max])}).
   */
  public static double[] interiorEdges(double[] edges, double min, double max) {
    double[] out = new double[edges.length];
    int m = 0;
    for (double e : edges) {
      if (e > min && e < max && (m == 0 || e > out[m - 1])) {
        out[m++] = e;
      }
    }
    return Arrays.copyOf(out, m);
  }

  /**
   * Interior equal-width edges min + k (max-min)/bins. When {@code max - min} overflows (min and
   * max of opposite signs near ±Double.MAX_VALUE), the same edges from the middle: {@code mid +
   * half (2k - bins) / bins} with {@code mid = min/2 + max/2} and {@code half = max/2 - min/2},
   * neither of which overflows.
   */
  public static double[] equalWidthEdges(double min, double max, int bins) {
    double[] e = new double[bins - 1];
    double w = (max - min) / bins;
    if (Double.isInfinite(w)) {
      double mid = min / 2 + max / 2;
      double half = max / 2 - min / 2;
      for (int k = 1; k < bins; k++) {
        e[k - 1] = mid + half * ((2.0 * k - bins) / bins);
      }
      return e;
    }
    for (int k = 1; k < bins; k++) {
      e[k - 1] = min + k * w;
    }
    return e;
  }

  /**
   * Counts of values in the bins over interior edges: bin k holds {@code [e[k-1], e[k])}, the outer
   * bins {@code (-inf, e[0])} and {@code [e[last], +inf)}; a value on an edge counts in the bin
   * above it, as in {@code numpy.histogram} ({@code np.searchsorted(edges, x, side='right')}). NaN
   * lands in bin 0 (callers count it apart).
   */
  public static long[] binCounts(double[] edges, double[] values, int from, int to) {
    long[] counts = new long[edges.length + 1];
    if (edges.length <= 16) {
      for (int i = from; i < to; i++) {
        double x = values[i];
        int b = 0;
        for (double e : edges) {
          b += e <= x ? 1 : 0;
        }
        counts[b]++;
      }
    } else {
      for (int i = from; i < to; i++) {
        counts[SortedSearch.countAtOrBelow(edges, values[i])]++;
      }
    }
    return counts;
  }

  /** Counts over a sorted sample: bin k holds values in [e[k-1], e[k]) (as {@link #binCounts}). */
  public static long[] binCountsSorted(double[] edges, double[] sorted, int n) {
    long[] counts = new long[edges.length + 1];
    int prev = 0;
    for (int k = 0; k < edges.length; k++) {
      int below = lowerBound(sorted, n, edges[k]); // values < e[k]
      counts[k] = below - prev;
      prev = below;
    }
    counts[edges.length] = n - prev;
    return counts;
  }

  /** Number of sorted values {@code < x}. */
  public static int lowerBound(double[] sorted, int n, double x) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The labels of the bins over interior edges, in the notation of their closed ends: {@code (-inf,
   * e0)}, {@code [e0, e1)}, ..., {@code [e_last, +inf)}; {@code (-inf, +inf)} for one bin.
   */
  public static java.util.List<String> binLabels(double[] edges) {
    java.util.List<String> labels = new java.util.ArrayList<>(edges.length + 1);
    for (int k = 0; k <= edges.length; k++) {
      String lo = k == 0 ? "(-inf" : "[" + label(edges[k - 1]);
      String hi = k == edges.length ? "+inf)" : label(edges[k]) + ")";
      labels.add(lo + ", " + hi);
    }
    return labels;
  }

  /**
   * The labels of time bins given by interior edges in seconds since 1970-01-01T00:00Z: {@code
   * "(-inf, 2013-03-01)"}, {@code "[2013-03-01, 2013-05-14T12:00:00Z)"}, ..., {@code "[..., +inf)"}
   * (ISO-8601 UTC, the date alone at midnight).
   */
  public static java.util.List<String> timeBinLabels(double[] edges) {
    java.util.List<String> labels = new java.util.ArrayList<>(edges.length + 1);
    for (int k = 0; k <= edges.length; k++) {
      String lo = k == 0 ? "(-inf" : "[" + Texts.instant(edges[k - 1]);
      String hi = k == edges.length ? "+inf)" : Texts.instant(edges[k]) + ")";
      labels.add(lo + ", " + hi);
    }
    return labels;
  }

  private static String label(double v) {
    return String.format(java.util.Locale.ROOT, "%.4g", v);
  }

  /** PSI = sum (c - r) ln(c / r) over shares, a share of exactly 0 replaced by epsilon. */
  public static double psi(long[] ref, long[] cur, double epsilon) {
    long nr = 0;
    long nc = 0;
    for (long c : ref) {
      nr += c;
    }
    for (long c : cur) {
      nc += c;
    }
    double sum = 0.0;
    for (int i = 0; i < ref.length; i++) {
      double r = ref[i] == 0 ? epsilon : (double) ref[i] / nr;
      double c = cur[i] == 0 ? epsilon : (double) cur[i] / nc;
      sum += (c - r) * Math.log(c / r);
    }
    return sum;
  }

  /** Jensen–Shannon distance, base 2, of two count or weight vectors (each normalised). */
  public static double jensenShannon(double[] p, double[] q) {
    double sp = 0;
    double sq = 0;
    for (int i = 0; i < p.length; i++) {
      sp += p[i];
      sq += q[i];
    }
    double sum = 0.0;
    for (int i = 0; i < p.length; i++) {
      double a = p[i] / sp;
      double b = q[i] / sq;
      double m = (a + b) / 2.0;
      if (a > 0) {
        sum += a * Math.log(a / m);
      }
      if (b > 0) {
        sum += b * Math.log(b / m);
      }
    }
    double js = sum / 2.0 / Math.log(2.0);
    return Math.sqrt(Math.max(js, 0.0));
  }

  /** Chi-square homogeneity of a 2 x k table; columns empty in both rows are dropped. */
  public static double[] chiSquare(long[] ref, long[] cur) {
    int k = 0;
    long nr = 0;
    long nc = 0;
    for (int i = 0; i < ref.length; i++) {
      if (ref[i] + cur[i] > 0) {
        k++;
      }
      nr += ref[i];
      nc += cur[i];
    }
    if (k < 2) {
      return new double[] {0.0, 1.0, 0};
    }
    double total = nr + nc;
    double stat = 0.0;
    for (int i = 0; i < ref.length; i++) {
      long col = ref[i] + cur[i];
      if (col == 0) {
        continue;
      }
      double er = nr * (double) col / total;
      double ec = nc * (double) col / total;
      stat += (ref[i] - er) * (ref[i] - er) / er + (cur[i] - ec) * (cur[i] - ec) / ec;
    }
    int dof = k - 1;
    double p = ChiSquaredDistribution.of(dof).survivalProbability(stat);
    return new double[] {stat, p, dof};
  }

  /**
   * Pooled two-proportion z statistic and two-sided p-value; {0, 1} when the pooled rate is 0 or 1.
   */
  public static double[] twoProportionZ(long x1, long n1, long x2, long n2) {
    double pooled = (double) (x1 + x2) / (n1 + n2);
    if (pooled <= 0 || pooled >= 1) {
      return new double[] {0.0, 1.0};
    }
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
    double z = ((double) x1 / n1 - (double) x2 / n2) / se;
    double p = 2 * STD_NORMAL.survivalProbability(Math.abs(z));
    return new double[] {z, Math.min(1.0, p)};
  }

  /**
   * Wasserstein-1 distance of two sorted samples: integral of |F1 - F2|. Computed with the
   * differences of the values halved when the plain sum overflows (values near ±Double.MAX_VALUE),
   * then doubled: infinite only when the distance itself exceeds Double.MAX_VALUE.
   */
  public static double wassersteinSorted(double[] u, int n, double[] v, int m) {
    double w = wassersteinSorted(u, n, v, m, 1.0);
    return Double.isInfinite(w) ? 2 * wassersteinSorted(u, n, v, m, 0.5) : w;
  }

  /**
   * The Wasserstein-1 distance of two sorted samples times {@code scale}: {@code sum |F1 - F2| (x
   * scale - prev scale)} over the pooled values (scale 1: the plain sum; 0.5: one that does not
   * overflow for finite values).
   */
  public static double wassersteinSorted(double[] u, int n, double[] v, int m, double scale) {
    int i = 0;
    int j = 0;
    double sum = 0.0;
    double prev = Math.min(u[0], v[0]);
    while (i < n || j < m) {
      double x;
      if (j >= m || (i < n && u[i] <= v[j])) {
        x = u[i];
      } else {
        x = v[j];
      }
      sum += Math.abs((double) i / n - (double) j / m) * (x * scale - prev * scale);
      while (i < n && u[i] <= x) {
        i++;
      }
      while (j < m && v[j] <= x) {
        j++;
      }
      prev = x;
    }
    return sum;
  }

  /** Arithmetic mean; when the plain sum overflows, the sum of {@code a[i] / n}, which does not. */
  public static double mean(double[] a, int n) {
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += a[i];
    }
    mean /= n;
    if (Double.isInfinite(mean)) {
      mean = 0;
      for (int i = 0; i < n; i++) {
        mean += a[i] / n;
      }
    }
    return mean;
  }

  /**
   * Population standard deviation (ddof = 0), two-pass. When a sum or a square overflows (values
   * beyond about 1e154), computed on the values scaled by the power of two nearest their largest
   * magnitude (exact), then scaled back: the standard deviation of finite values is at most
   * Double.MAX_VALUE, so it is finite.
   */
  public static double std(double[] a, int n) {
    double sd = std(a, n, 1.0);
    if (Double.isFinite(sd)) {
      return sd;
    }
    double max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.abs(a[i]));
    }
    double scale = Math.scalb(1.0, -Math.getExponent(max));
    return std(a, n, scale) / scale;
  }

  private static double std(double[] a, int n, double scale) {
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += a[i] * scale;
    }
    mean /= n;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double d = a[i] * scale - mean;
      ss += d * d;
    }
    return Math.sqrt(ss / n);
  }

  /** Copy of the first n values, sorted. */
  public static double[] sortedPrefix(double[] a, int n) {
    double[] s = Arrays.copyOf(a, n);
    Sorting.sort(s);
    return s;
  }

  /**
   * Whether a second core can take half of a large computation. Not {@code
   * ForkJoinPool.getCommonPoolParallelism() > 1}: on two cores the common pool has parallelism 1,
   * one worker beside the calling thread, which is exactly the second core.
   */
  public static boolean twoCores() {
    return Runtime.getRuntime().availableProcessors() > 1;
  }

  /**
   * @return the counts as doubles
   */
  public static double[] toDouble(long[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }
}
