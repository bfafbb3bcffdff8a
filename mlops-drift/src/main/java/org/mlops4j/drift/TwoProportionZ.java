package org.mlops4j.drift;

import org.mlops4j.drift.internal.Stats;

/**
 * Two-proportion z-test with pooled variance (as statsmodels' {@code proportions_ztest}):
 * {@code z = (x1/n1 - x2/n2) / sqrt(p(1-p)(1/n1 + 1/n2))}, {@code p = (x1 + x2) / (n1 + n2)},
 * two-sided p-value {@code 2 (1 - Phi(|z|))}. When the pooled rate is 0 or 1 the proportions are
 * equal and the result is z = 0, p = 1.
 *
 * @since 0.1.0
 */
public final class TwoProportionZ {
  private TwoProportionZ() {}

  /**
   * @param successes1 successes in sample 1
   * @param n1 size of sample 1
   * @param successes2 successes in sample 2
   * @param n2 size of sample 2
   * @throws IllegalArgumentException if a size is not positive or a count is outside [0, n]
   */
  public static TestResult test(long successes1, long n1, long successes2, long n2) {
    check("1", successes1, n1);
    check("2", successes2, n2);
    double[] r = Stats.twoProportionZ(successes1, n1, successes2, n2);
    return new TestResult("z", r[0], r[1], 0);
  }

  /**
   * Test of the share of ones in two 0/1 samples.
   *
   * @throws IllegalArgumentException if a sample is empty or has a value other than 0 and 1
   */
  public static TestResult binary(double[] sample1, double[] sample2) {
    return test(ones("sample1", sample1), sample1.length, ones("sample2", sample2), sample2.length);
  }

  static long ones(String name, double[] a) {
    if (a.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    long k = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == 1.0) {
        k++;
      } else if (a[i] != 0.0) {
        throw new IllegalArgumentException(name + " must hold only 0 and 1 but has " + a[i]
            + " at index " + i);
      }
    }
    return k;
  }

  private static void check(String which, long x, long n) {
    if (n <= 0) {
      throw new IllegalArgumentException("n" + which + " must be positive but was " + n);
    }
    if (x < 0 || x > n) {
      throw new IllegalArgumentException(
          "successes" + which + " must be in [0, " + n + "] but was " + x);
    }
  }
}
