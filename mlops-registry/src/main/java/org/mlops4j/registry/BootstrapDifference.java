package org.mlops4j.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.mlops4j.api.internal.Require;

/**
 * A paired bootstrap percentile interval of {@code metric(candidate) - metric(other)} on the same
 * examples: each of {@code resamples} resamples draws n example indices with replacement (one draw
 * shared by both models, hence paired; {@link SplittableRandom} with the seed) and computes the
 * difference; the interval is the {@code (1 - level) / 2} and {@code (1 + level) / 2} empirical
 * quantiles of those differences (linear interpolation between order statistics, NumPy's default
 * {@code np.quantile}). Efron and Tibshirani (1993), An Introduction to the Bootstrap, ch. 13.
 *
 * @param metric the metric's name
 * @param estimate the difference on the whole evaluation data
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 * @param level the confidence level
 * @param resamples the number of resamples
 * @since 0.1.0
 */
public record BootstrapDifference(
    String metric, double estimate, double lower, double upper, double level, int resamples) {

  /**
   * Computes the interval.
   *
   * @param metricName the metric's name (for the result)
   * @param metric the metric
   * @param labels the true values
   * @param candidate the candidate's predictions
   * @param other the other model's predictions
   * @param level the confidence level, in (0, 1)
   * @param resamples the number of resamples, at least 100
   * @param seed the random seed
   * @return the interval
   * @throws IllegalArgumentException if the arrays are empty or differ in length
   */
  public static BootstrapDifference compute(
      String metricName,
      EvaluationMetric metric,
      double[] labels,
      double[] candidate,
      double[] other,
      double level,
      int resamples,
      long seed) {
    Require.nonNull(metricName, "metricName");
    Require.nonNull(metric, "metric");
    Require.nonEmpty(labels, "labels");
    Require.sameLength(candidate.length, "candidate", labels.length, "labels");
    Require.sameLength(other.length, "other", labels.length, "labels");
    Require.openUnit(level, "level");
    Require.atLeast(resamples, 100, "resamples");
    int n = labels.length;
    double estimate = metric.compute(labels, candidate) - metric.compute(labels, other);
    SplittableRandom rng = new SplittableRandom(seed);
    double[] diffs = new double[resamples];
    double[] y = new double[n];
    double[] a = new double[n];
    double[] o = new double[n];
    for (int r = 0; r < resamples; r++) {
      for (int i = 0; i < n; i++) {
        int j = rng.nextInt(n);
        y[i] = labels[j];
        a[i] = candidate[j];
        o[i] = other[j];
      }
      diffs[r] = metric.compute(y, a) - metric.compute(y, o);
    }
    Arrays.sort(diffs);
    return new BootstrapDifference(
        metricName,
        estimate,
        quantile(diffs, (1 - level) / 2),
        quantile(diffs, (1 + level) / 2),
        level,
        resamples);
  }

  /** NumPy's default ("linear") quantile of sorted values. */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s difference %.4g, %.0f%% CI [%.4g, %.4g] (%d resamples)",
        metric,
        estimate,
        100 * level,
        lower,
        upper,
        resamples);
  }
}
