package org.mlops4j.fairness.internal;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.mlops4j.fairness.Interval;

/** Wilson score interval for a proportion (Wilson, 1927). Internal. */
public final class Wilson {

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private Wilson() {}

  /**
   * @return the two-sided standard-normal quantile z for a confidence level, e.g. 1.95996
   */
  public static double z(double level) {
    return STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
  }

  /**
   * Wilson score interval, as statsmodels' proportion_confint(method='wilson'): center = (p +
   * z²/(2n)) / (1 + z²/n), half width = z / (1 + z²/n) · sqrt(p(1−p)/n + z²/(4n²)).
   */
  public static Interval interval(double p, double n, double level) {
    double z = z(level);
    double z2 = z * z;
    double denom = 1 + z2 / n;
    double center = (p + z2 / (2 * n)) / denom;
    // same order of operations as statsmodels, so p = 0 gives a lower bound of exactly 0
    double half = z * Math.sqrt(p * (1. - p) / n + z2 / (4. * (n * n))) / denom;
    // at p = 0 (p = 1) the lower (upper) bound is exactly 0 (1): center and half width coincide
    double lo = p == 0 ? 0.0 : Math.max(0.0, center - half);
    double hi = p == 1 ? 1.0 : Math.min(1.0, center + half);
    return new Interval(lo, hi, level, "wilson");
  }
}
