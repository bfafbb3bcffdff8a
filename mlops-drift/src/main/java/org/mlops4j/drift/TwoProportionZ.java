package org.mlops4j.drift;

import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.internal.Stats;

/**
 * Two-proportion z-test with pooled variance (as statsmodels' {@code proportions_ztest}): {@code z
 * = (x1/n1 - x2/n2) / sqrt(p(1-p)(1/n1 + 1/n2))}, {@code p = (x1 + x2) / (n1 + n2)}, two-sided
 * p-value {@code 2 (1 - Phi(|z|))}. When the pooled rate is 0 or 1 the proportions are equal and
 * the result is z = 0, p = 1.
 *
 * @since 0.1.0
 */
public final class TwoProportionZ {
  private TwoProportionZ() {}

  /**
   * The test on counts. Minimum sample size: one value in each sample.
   *
   * @param successes1 successes in sample 1
   * @param n1 size of sample 1
   * @param successes2 successes in sample 2
   * @param n2 size of sample 2
   * @throws IllegalArgumentException if a size is not positive or a count is outside [0, n]
   */
  public static TwoSampleResult test(long successes1, long n1, long successes2, long n2) {
    check("1", successes1, n1);
    check("2", successes2, n2);
    double[] r = Stats.twoProportionZ(successes1, n1, successes2, n2);
    return new TwoSampleResult(DriftMethod.TWO_PROPORTION_Z, r[0], r[1], 0);
  }

  /**
   * Test of the share of ones in two 0/1 samples.
   *
   * @throws NullPointerException if a sample is null
   * @throws IllegalArgumentException if a sample is empty or has a value other than 0 and 1
   */
  public static TwoSampleResult binary(double[] sample1, double[] sample2) {
    return test(ones("sample1", sample1), sample1.length, ones("sample2", sample2), sample2.length);
  }

  private static long ones(String name, double[] a) {
    Require.nonEmpty(a, name);
    long k = 0;
    for (int i = 0; i < a.length; i++) {
      Require.argument(a[i] == 0.0 || a[i] == 1.0, name + "[" + i + "]", "0 or 1", a[i]);
      if (a[i] == 1.0) {
        k++;
      }
    }
    return k;
  }

  private static void check(String which, long x, long n) {
    Require.positive(n, "n" + which);
    Require.argument(x >= 0 && x <= n, "successes" + which, "in [0, " + n + "]", x);
  }
}
