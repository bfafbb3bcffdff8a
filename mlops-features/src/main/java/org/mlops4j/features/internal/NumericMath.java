package org.mlops4j.features.internal;

import java.util.Arrays;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.internal.SortedSearch;

/** Statistics of training values, NaN left out; every one needs at least one finite value. */
public final class NumericMath {
  private NumericMath() {}

  /**
   * @return the finite values, sorted
   * @throws IllegalArgumentException when there is none
   */
  public static double[] sortedFinite(double[] xs, String what) {
    double[] f = new double[xs.length];
    int m = 0;
    for (double x : xs) {
      if (Double.isFinite(x)) {
        f[m++] = x;
      }
    }
    Require.argument(m > 0, what, "values with a finite one to fit on", "without one");
    f = Arrays.copyOf(f, m);
    Arrays.sort(f);
    return f;
  }

  /** Mean, by a plain sum. */
  public static double mean(double[] f) {
    double s = 0;
    for (double x : f) {
      s += x;
    }
    return s / f.length;
  }

  /** Population standard deviation (ddof 0), two-pass. */
  public static double std(double[] f, double mean) {
    double s = 0;
    for (double x : f) {
      double d = x - mean;
      s += d * d;
    }
    return Math.sqrt(s / f.length);
  }

  /** numpy.median of sorted values. */
  public static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The most frequent value, the smallest among ties (scipy.stats.mode). */
  public static double mode(double[] sorted) {
    double best = sorted[0];
    int bestCount = 0;
    int i = 0;
    while (i < sorted.length) {
      int j = i;
      while (j < sorted.length && sorted[j] == sorted[i]) {
        j++;
      }
      if (j - i > bestCount) {
        bestCount = j - i;
        best = sorted[i];
      }
      i = j;
    }
    return best;
  }

  /** numpy.quantile(sorted, q), default linear method: h = (n - 1) q. */
  public static double quantile(double[] sorted, double q) {
    int n = sorted.length;
    double h = (n - 1) * q;
    int lo = (int) Math.floor(h);
    if (lo >= n - 1) {
      return sorted[n - 1];
    }
    double g = h - lo;
    double a = sorted[lo];
    double b = sorted[lo + 1];
    // numpy's _lerp: a + (b - a) * g, or b - (b - a) * (1 - g) when g >= 0.5
    double d = b - a;
    return g >= 0.5 ? b - d * (1 - g) : a + d * g;
  }

  /** Distinct values, order kept (edges). */
  public static double[] distinct(double[] sortedEdges) {
    double[] out = new double[sortedEdges.length];
    int m = 0;
    for (double e : sortedEdges) {
      if (m == 0 || e != out[m - 1]) {
        out[m++] = e;
      }
    }
    return Arrays.copyOf(out, m);
  }

  /**
   * numpy.digitize(x, edges) for increasing edges: the number of edges at most x; NaN stays NaN.
   */
  public static double bucket(double[] edges, double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    return SortedSearch.countAtOrBelow(edges, x);
  }
}
