package org.mlops4j.drift.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.KolmogorovSmirnov;
import org.mlops4j.drift.KolmogorovSmirnovResult;

/**
 * The two-sample Kolmogorov–Smirnov statistic on sorted samples, in integer lattice units, and the
 * test on sorted samples that {@link KolmogorovSmirnov} and the fitted baselines share.
 */
public final class KolmogorovSmirnovMath {

  private KolmogorovSmirnovMath() {}

  /**
   * Test on two sorted, NaN-free samples; s1Ties, when known, says whether s1 has repeated values
   * (saves a pass over a large fitted reference).
   */
  public static KolmogorovSmirnovResult testSorted(
      double[] s1,
      double[] s2,
      KolmogorovSmirnov.Alternative alternative,
      KolmogorovSmirnov.Method method,
      @Nullable Boolean s1Ties) {
    Require.nonNull(alternative, "alternative");
    Require.nonNull(method, "method");
    int n1 = s1.length;
    int n2 = s2.length;
    long[] dev;
    boolean ties;
    if (n1 > 8L * n2) {
      dev = maxDeviationsSearch(s1, n1, s2, n2);
      ties =
          dev[2] == 1
              || (s1Ties != null ? s1Ties : hasInternalTies(s1, n1))
              || hasInternalTies(s2, n2);
    } else {
      dev = maxDeviations(s1, n1, s2, n2);
      ties = dev[2] == 1;
    }
    dev[2] = ties ? 1 : 0;
    return result(dev, n1, n2, alternative, method);
  }

  /**
   * The result from the deviations of {@link #maxDeviations} (element 2: 1 when there are ties):
   * the statistic of the alternative and its p-value by the method (AUTO resolved: exact while both
   * samples have at most {@link KolmogorovSmirnov#MAX_AUTO_EXACT_N} values and the lattice is
   * feasible).
   */
  public static KolmogorovSmirnovResult result(
      long[] dev,
      int n1,
      int n2,
      KolmogorovSmirnov.Alternative alternative,
      KolmogorovSmirnov.Method method) {
    boolean ties = dev[2] == 1;
    long h;
    int alt;
    switch (alternative) {
      case GREATER -> {
        h = dev[0];
        alt = KolmogorovSmirnovDistribution.GREATER;
      }
      case LESS -> {
        h = dev[1];
        alt = KolmogorovSmirnovDistribution.LESS;
      }
      default -> {
        h = Math.max(dev[0], dev[1]);
        alt = KolmogorovSmirnovDistribution.TWO_SIDED;
      }
    }
    long lcm = lcm(n1, n2);
    double d = (double) h / lcm;
    KolmogorovSmirnov.Method used = method;
    if (used == KolmogorovSmirnov.Method.AUTO) {
      used =
          Math.max(n1, n2) <= KolmogorovSmirnov.MAX_AUTO_EXACT_N
              ? KolmogorovSmirnov.Method.EXACT
              : KolmogorovSmirnov.Method.ASYMPTOTIC;
    }
    if (used == KolmogorovSmirnov.Method.EXACT
        && !KolmogorovSmirnovDistribution.exactFeasible(n1, n2)) {
      used = KolmogorovSmirnov.Method.ASYMPTOTIC;
    }
    double p =
        used == KolmogorovSmirnov.Method.EXACT
            ? KolmogorovSmirnovDistribution.exactSf(n1, n2, h, alt)
            : KolmogorovSmirnovDistribution.asymptoticSf(n1, n2, d, alt);
    return new KolmogorovSmirnovResult(d, p, alternative, used, n1, n2, ties);
  }

  /**
   * Walks two sorted samples and returns {max(i*b1 - j*b2), max(j*b2 - i*b1)} over the distinct
   * values, where i, j count the values at or below the current value and b1 = n2/g, b2 = n1/g; D =
   * dev / lcm with lcm = n1*n2/g. Ties (equal values in either or both samples) are consumed
   * together, so D is that of the empirical CDFs. Element 2 is 1 when the pooled sample has a
   * repeated value, else 0.
   */
  public static long[] maxDeviations(double[] s1, int n1, double[] s2, int n2) {
    long g = KolmogorovSmirnovDistribution.gcd(n1, n2);
    long b1 = n2 / g;
    long b2 = n1 / g;
    int i = 0;
    int j = 0;
    long plus = 0;
    long minus = 0;
    boolean ties = false;
    while (i < n1 && j < n2) {
      double v = Math.min(s1[i], s2[j]);
      int start = i + j;
      while (i < n1 && s1[i] <= v) {
        i++;
      }
      while (j < n2 && s2[j] <= v) {
        j++;
      }
      ties |= i + j - start > 1;
      long dev = i * b1 - j * b2;
      if (dev > plus) {
        plus = dev;
      } else if (-dev > minus) {
        minus = -dev;
      }
    }
    // the tail of the longer sample cannot change D, but may hold ties
    if (!ties) {
      ties = hasInternalTies(s1, i, n1) || hasInternalTies(s2, j, n2);
    }
    return new long[] {plus, minus, ties ? 1 : 0};
  }

  private static boolean hasInternalTies(double[] s, int from, int to) {
    for (int k = Math.max(from, 1); k < to; k++) {
      if (s[k] == s[k - 1]) {
        return true;
      }
    }
    return false;
  }

  /**
   * As {@link #maxDeviations}, the two halves of the value range walked on two threads (common
   * fork-join pool) when the samples are large; identical result.
   */
  public static long[] maxDeviationsParallel(double[] s1, int n1, double[] s2, int n2) {
    if ((long) n1 + n2 < (1 << 18) || !Stats.twoCores()) {
      return maxDeviations(s1, n1, s2, n2);
    }
    return splitWalk(s1, n1, s2, n2);
  }

  /** The two-half walk of {@link #maxDeviationsParallel}, at any size (for tests). */
  public static long[] splitWalk(double[] s1, int n1, double[] s2, int n2) {
    long g = KolmogorovSmirnovDistribution.gcd(n1, n2);
    long b1 = n2 / g;
    long b2 = n1 / g;
    double v = s1[n1 / 2];
    int i0 = upperBound(s1, n1, v);
    int j0 = upperBound(s2, n2, v);
    if (i0 >= n1 || j0 >= n2 || j0 == 0) {
      return maxDeviations(s1, n1, s2, n2);
    }
    ForkJoinTask<long[]> upper =
        ForkJoinPool.commonPool().submit(() -> walk(s1, i0, n1, s2, j0, n2, b1, b2));
    long[] lower = walk(s1, 0, i0, s2, 0, j0, b1, b2);
    long[] up = upper.join();
    return new long[] {Math.max(lower[0], up[0]), Math.max(lower[1], up[1]), lower[2] | up[2]};
  }

  private static int upperBound(double[] s, int n, double v) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (s[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Walk of s1[from1, to1) and s2[from2, to2) with absolute counts; evaluates the end point. */
  private static long[] walk(
      double[] s1, int from1, int to1, double[] s2, int from2, int to2, long b1, long b2) {
    int i = from1;
    int j = from2;
    long plus = 0;
    long minus = 0;
    boolean ties = false;
    while (i < to1 && j < to2) {
      double v = Math.min(s1[i], s2[j]);
      int start = i + j;
      while (i < to1 && s1[i] <= v) {
        i++;
      }
      while (j < to2 && s2[j] <= v) {
        j++;
      }
      ties |= i + j - start > 1;
      long dev = i * b1 - j * b2;
      if (dev > plus) {
        plus = dev;
      } else if (-dev > minus) {
        minus = -dev;
      }
    }
    // the remaining tail moves the deviation monotonically to its value at the end point
    long end = to1 * b1 - to2 * b2;
    plus = Math.max(plus, end);
    minus = Math.max(minus, -end);
    if (!ties) {
      ties =
          hasInternalTies(s1, Math.max(i, from1 + 1), to1)
              || hasInternalTies(s2, Math.max(j, from2 + 1), to2);
    }
    return new long[] {plus, minus, ties ? 1 : 0};
  }

  /**
   * As {@link #maxDeviations} for a large sorted s1 and a smaller sorted s2: evaluates the ECDF
   * difference just below and at each distinct value of s2, finding the counts in s1 by galloping
   * search, O(n2 log(n1/n2)). The extremes of F1 - F2 lie at these points, so the result is
   * identical to the merge walk. Element 2 of the result is 1 when a value of s2 also occurs in s1
   * (a tie between the samples), else 0.
   */
  public static long[] maxDeviationsSearch(double[] s1, int n1, double[] s2, int n2) {
    long g = KolmogorovSmirnovDistribution.gcd(n1, n2);
    long b1 = n2 / g;
    long b2 = n1 / g;
    long plus = 0;
    long minus = 0;
    long tie = 0;
    int pos = 0; // number of s1 values < current v (monotone)
    int j = 0;
    while (j < n2) {
      double v = s2[j];
      int below = j;
      while (j < n2 && s2[j] == v) {
        j++;
      }
      int lt = gallop(s1, n1, pos, v, false);
      int le = lt; // ties in s1 are few: scan; over all v this is O(n1) at worst
      while (le < n1 && s1[le] <= v) {
        le++;
      }
      pos = lt;
      if (le > lt) {
        tie = 1;
      }
      long d1 = lt * b1 - below * b2; // just below v
      long d2 = le * b1 - (long) j * b2; // at v
      plus = Math.max(plus, Math.max(d1, d2));
      minus = Math.max(minus, Math.max(-d1, -d2));
    }
    return new long[] {plus, minus, tie};
  }

  /** First index >= from with s[i] > v (inclusive) or s[i] >= v (exclusive), galloping. */
  private static int gallop(double[] s, int n, int from, double v, boolean inclusive) {
    int lo = from;
    int step = 1;
    int hi = from;
    while (hi < n && (inclusive ? s[hi] <= v : s[hi] < v)) {
      lo = hi + 1;
      hi = from + step;
      step <<= 1;
    }
    if (hi > n) {
      hi = n;
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (inclusive ? s[mid] <= v : s[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Whether a sorted array has a repeated value. */
  public static boolean hasInternalTies(double[] s, int n) {
    for (int k = 1; k < n; k++) {
      if (s[k] == s[k - 1]) {
        return true;
      }
    }
    return false;
  }

  /** lcm(n1, n2) as a long. */
  public static long lcm(int n1, int n2) {
    return (long) n1 / KolmogorovSmirnovDistribution.gcd(n1, n2) * n2;
  }
}
