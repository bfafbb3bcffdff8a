package org.mlops4j.fairness.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Calibration curve and errors of one group's scores, as scikit-learn's calibration_curve: edges
 * e_0..e_k, bin id = searchsorted(e[1:-1], s, side='left'), only non-empty bins kept. Internal.
 */
public final class Calibrations {

  private Calibrations() {}

  /** One bin: lower, upper, count, mean score, fraction positive. */
  public record Bin(double lower, double upper, long count, double meanScore, double positive) {}

  /** The result for one group. */
  public record Curve(
      List<Bin> bins,
      double ece,
      double mce,
      double inTheLarge,
      double brier,
      double meanScore,
      double baseRate) {}

  /** Equal-width edges i * (1/k), as numpy.linspace(0, 1, k + 1). */
  public static double[] equalWidthEdges(int k) {
    double[] e = new double[k + 1];
    double step = 1.0 / k;
    for (int i = 0; i < k; i++) {
      e[i] = i * step;
    }
    e[k] = 1.0;
    return e;
  }

  /** Quantile edges: numpy.percentile(scores, linspace(0, 1, k + 1) * 100). */
  public static double[] quantileEdges(double[] scores, int k) {
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    double[] q = equalWidthEdges(k);
    double[] e = new double[k + 1];
    for (int i = 0; i <= k; i++) {
      // numpy computes percentile(q * 100) and divides by 100 again
      e[i] = Percentiles.ofSorted(sorted, q[i] * 100 / 100);
    }
    return e;
  }

  /**
   * @param y labels 0/1; s scores in [0, 1]; edges ascending
   */
  public static Curve curve(int[] y, double[] s, double[] edges) {
    int k = edges.length - 1;
    long[] count = new long[k];
    double[] sum = new double[k];
    double[] pos = new double[k];
    double brier = 0;
    double sumS = 0;
    double sumY = 0;
    for (int i = 0; i < s.length; i++) {
      int b = searchLeft(edges, s[i], k);
      count[b]++;
      sum[b] += s[i];
      pos[b] += y[i];
      double d = s[i] - y[i];
      brier += d * d;
      sumS += s[i];
      sumY += y[i];
    }
    int n = s.length;
    List<Bin> bins = new ArrayList<>();
    double ece = 0;
    double mce = 0;
    for (int b = 0; b < k; b++) {
      if (count[b] == 0) {
        continue;
      }
      double ms = sum[b] / count[b];
      double fp = pos[b] / count[b];
      double gap = Math.abs(ms - fp);
      ece += (double) count[b] / n * gap;
      mce = Math.max(mce, gap);
      bins.add(new Bin(edges[b], edges[b + 1], count[b], ms, fp));
    }
    return new Curve(bins, ece, mce, sumS / n - sumY / n, brier / n, sumS / n, sumY / n);
  }

  /**
   * The curve from per-bin sums (a mergeable accumulator's): rows, score sums and positives per
   * bin, the sum of all scores and of squared errors; the same formulas as {@link #curve(int[],
   * double[], double[])}.
   */
  public static Curve curve(
      long[] rows,
      double[] scores,
      long[] positives,
      double scoreTotal,
      double squaredErrors,
      double[] edges) {
    int k = edges.length - 1;
    long n = 0;
    double sumY = 0;
    for (int b = 0; b < k; b++) {
      n += rows[b];
      sumY += positives[b];
    }
    List<Bin> bins = new ArrayList<>();
    double ece = 0;
    double mce = 0;
    for (int b = 0; b < k; b++) {
      if (rows[b] == 0) {
        continue;
      }
      double ms = scores[b] / rows[b];
      double fp = (double) positives[b] / rows[b];
      double gap = Math.abs(ms - fp);
      ece += (double) rows[b] / n * gap;
      mce = Math.max(mce, gap);
      bins.add(new Bin(edges[b], edges[b + 1], rows[b], ms, fp));
    }
    return new Curve(
        bins, ece, mce, scoreTotal / n - sumY / n, squaredErrors / n, scoreTotal / n, sumY / n);
  }

  /**
   * The bin of s among k equal-width bins, {@link #searchLeft} over {@link #equalWidthEdges(int)}
   * without building the edges: the number of inner edges {@code i * (1/k)}, 0 &lt; i &lt; k,
   * strictly below s.
   */
  public static int equalWidthBin(double s, int k) {
    double step = 1.0 / k;
    int lo = 1;
    int hi = k;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (mid * step < s) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }

  /**
   * Index i in [0, k-1] with edges[i] < s <= edges[i+1], first bin closed: searchsorted(e[1:-1]).
   */
  static int searchLeft(double[] edges, double s, int k) {
    // number of inner edges e[1..k-1] strictly less than s
    int lo = 1;
    int hi = k; // exclusive bound over inner edges indices 1..k-1
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] < s) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }
}
