package org.mlops4j.drift.internal;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

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
    double gamma = virtual - lo;
    double a = sorted[lo];
    double b = sorted[lo + 1];
    double diff = b - a;
    return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
  }

  /** Interior quantile edges k/bins, k = 1..bins-1. */
  public static double[] quantileEdges(double[] sorted, int n, int bins) {
    double[] e = new double[bins - 1];
    for (int k = 1; k < bins; k++) {
      e[k - 1] = quantileSorted(sorted, n, (double) k / bins);
    }
    return e;
  }

  /** Interior equal-width edges min + k (max-min)/bins. */
  public static double[] equalWidthEdges(double min, double max, int bins) {
    double[] e = new double[bins - 1];
    double w = (max - min) / bins;
    for (int k = 1; k < bins; k++) {
      e[k - 1] = min + k * w;
    }
    return e;
  }

  /** Counts of values in right-closed bins over interior edges (searchsorted side='left'). */
  public static long[] binCounts(double[] edges, double[] values, int from, int to) {
    long[] counts = new long[edges.length + 1];
    if (edges.length <= 16) {
      for (int i = from; i < to; i++) {
        double x = values[i];
        int b = 0;
        for (double e : edges) {
          b += e < x ? 1 : 0;
        }
        counts[b]++;
      }
    } else {
      for (int i = from; i < to; i++) {
        counts[binIndex(edges, values[i])]++;
      }
    }
    return counts;
  }

  /** Number of edges strictly below x (= np.searchsorted(edges, x, 'left')). */
  public static int binIndex(double[] edges, double x) {
    int lo = 0;
    int hi = edges.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Counts over a sorted sample: bin k holds values in (e[k-1], e[k]]. */
  public static long[] binCountsSorted(double[] edges, double[] sorted, int n) {
    long[] counts = new long[edges.length + 1];
    int prev = 0;
    for (int k = 0; k < edges.length; k++) {
      int upTo = upperBound(sorted, n, edges[k]); // values <= e[k]
      counts[k] = upTo - prev;
      prev = upTo;
    }
    counts[edges.length] = n - prev;
    return counts;
  }

  /** Number of sorted values <= x. */
  public static int upperBound(double[] sorted, int n, double x) {
    int lo = 0;
    int hi = n;
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

  /** Wasserstein-1 distance of two sorted samples: integral of |F1 - F2|. */
  public static double wassersteinSorted(double[] u, int n, double[] v, int m) {
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
      sum += Math.abs((double) i / n - (double) j / m) * (x - prev);
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

  /** Population standard deviation (ddof = 0), two-pass. */
  public static double std(double[] a, int n) {
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += a[i];
    }
    mean /= n;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double d = a[i] - mean;
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
