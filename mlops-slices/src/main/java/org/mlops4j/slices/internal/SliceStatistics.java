package org.mlops4j.slices.internal;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.mlops4j.fairness.Interval;
import org.mlops4j.fairness.internal.Wilson;

/**
 * The statistics of one slice against the rest, and the Benjamini–Hochberg adjustment. Internal.
 *
 * <ul>
 *   <li>Error rate: pooled two-proportion z-test, {@code z = (p1 − p2) / sqrt(p(1 − p)(1/n1 +
 *       1/n2))}, p the pooled rate; one-sided p-value {@code 1 − Φ(z)} (statsmodels {@code
 *       proportions_ztest(alternative='larger')}). When the pooled rate is 0 or 1, z is 0 and the
 *       p-value 1 (no row or every row is an error: the slice is not worse).
 *   <li>Mean loss: Welch's t-test, {@code t = (m1 − m2) / sqrt(v1/n1 + v2/n2)} with
 *       Welch–Satterthwaite degrees of freedom; one-sided p-value {@code P(T_df > t)} (SciPy {@code
 *       ttest_ind(equal_var=False, alternative='greater')}).
 * </ul>
 */
public final class SliceStatistics {

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private SliceStatistics() {}

  /**
   * The result of one comparison.
   *
   * @param value the slice's rate or mean
   * @param interval its interval
   * @param restValue the rest's rate or mean
   * @param effectSize Slice Finder's effect size
   * @param statistic z or t
   * @param df Welch's degrees of freedom, NaN for z
   * @param pValue one-sided p-value
   */
  public record Comparison(
      double value,
      Interval interval,
      double restValue,
      double effectSize,
      double statistic,
      double df,
      double pValue) {}

  /**
   * Compares a slice's error rate with the rest's.
   *
   * @param errors1 errors in the slice
   * @param n1 rows in the slice, at least 2
   * @param errors2 errors in the rest
   * @param n2 rows in the rest, at least 2
   * @param level the confidence level of the Wilson interval
   */
  public static Comparison proportions(long errors1, long n1, long errors2, long n2, double level) {
    double p1 = (double) errors1 / n1;
    double p2 = (double) errors2 / n2;
    double pooled = (double) (errors1 + errors2) / (n1 + n2);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
    double z = se > 0 ? (p1 - p2) / se : 0;
    double p = se > 0 ? STANDARD_NORMAL.survivalProbability(z) : 1;
    double v1 = p1 * (1 - p1) * n1 / (n1 - 1);
    double v2 = p2 * (1 - p2) * n2 / (n2 - 1);
    return new Comparison(
        p1, Wilson.interval(p1, n1, level), p2, effect(p1 - p2, v1, v2), z, Double.NaN, p);
  }

  /**
   * Compares a slice's mean loss with the rest's.
   *
   * @param m1 the slice's mean
   * @param v1 the slice's sample variance (divisor n1 − 1)
   * @param n1 rows in the slice, at least 2
   * @param m2 the rest's mean
   * @param v2 the rest's sample variance
   * @param n2 rows in the rest, at least 2
   * @param level the confidence level of the t interval of the slice's mean
   */
  public static Comparison welch(
      double m1, double v1, long n1, double m2, double v2, long n2, double level) {
    double a = v1 / n1;
    double b = v2 / n2;
    double se = Math.sqrt(a + b);
    double diff = m1 - m2;
    double t;
    double df;
    double p;
    if (se > 0) {
      t = diff / se;
      df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
      p = TDistribution.of(df).survivalProbability(t);
    } else {
      t = diff > 0 ? Double.POSITIVE_INFINITY : diff < 0 ? Double.NEGATIVE_INFINITY : 0;
      df = Double.NaN;
      p = diff > 0 ? 0 : 1;
    }
    double half =
        v1 > 0
            ? TDistribution.of(n1 - 1.0).inverseSurvivalProbability((1 - level) / 2)
                * Math.sqrt(v1 / n1)
            : 0;
    Interval ci = new Interval(m1 - half, m1 + half, level, "t");
    return new Comparison(m1, ci, m2, effect(diff, v1, v2), t, df, p);
  }

  /**
   * Slice Finder's effect size (Chung et al., 2019): {@code diff / sqrt((v1 + v2) / 2)}; when both
   * variances are 0, positive infinity for a positive difference, else 0 (or negative infinity).
   */
  static double effect(double diff, double v1, double v2) {
    double s = Math.sqrt((v1 + v2) / 2);
    if (s > 0) {
      return diff / s;
    }
    return diff > 0 ? Double.POSITIVE_INFINITY : diff < 0 ? Double.NEGATIVE_INFINITY : 0;
  }

  /**
   * Benjamini–Hochberg adjusted p-values (Benjamini and Hochberg, 1995): with the m p-values sorted
   * ascending, {@code q(i) = min over j >= i of p(j) · m / j}, capped at 1; a hypothesis is
   * rejected at false discovery rate alpha when {@code q <= alpha}. The same numbers as SciPy's
   * {@code false_discovery_control(p, method='bh')}.
   *
   * @param p the p-values
   * @return the adjusted p-values, in the order of p
   */
  public static double[] benjaminiHochberg(double[] p) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(p[x], p[y]));
    double[] q = new double[m];
    double running = 1.0;
    for (int r = m - 1; r >= 0; r--) {
      int i = order[r];
      running = Math.min(running, p[i] * m / (r + 1));
      q[i] = running;
    }
    return q;
  }
}
