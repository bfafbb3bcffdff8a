package org.mlops4j.drift;

import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.internal.CramerVonMisesMath;
import org.mlops4j.drift.internal.SampleSizes;
import org.mlops4j.drift.internal.Sorting;

/**
 * Two-sample Cramér–von Mises test (Anderson 1962), as SciPy's {@code
 * scipy.stats.cramervonmises_2samp(x, y, method='auto')}: {@code T = U / (nm(n+m)) - (4nm -
 * 1)/(6(n+m))} with {@code U = n sum (r_i - i)^2 + m sum (s_j - j)^2} over the pooled average ranks
 * r of the first and s of the second sample. P-value exact (enumeration of interleavings) when both
 * samples have at most 20 values, else asymptotic: the statistic normalised by its exact mean and
 * variance (Anderson 1962 eqs. 11, 14, 15) under the limiting distribution of Csörgő &amp; Faraway
 * (1996) eq. 1.2.
 *
 * @since 0.1.0
 */
public final class CramerVonMises {
  private CramerVonMises() {}

  /**
   * Runs the test. Minimum sample size: 2 values in each sample (the exact mean and variance of T,
   * Anderson 1962, need them). The arrays are not modified.
   *
   * @return the statistic T and its p-value
   * @throws NullPointerException if a sample is null
   * @throws IllegalArgumentException if a sample has a non-finite value or fewer than 2 values
   *     ({@code "sample1 must have at least 2 values, but had 1"})
   */
  public static TwoSampleResult test(double[] sample1, double[] sample2) {
    Require.finite(Require.nonNull(sample1, "sample1"), "sample1");
    Require.finite(Require.nonNull(sample2, "sample2"), "sample2");
    Require.atLeast(sample1.length, SampleSizes.CRAMER_VON_MISES_EACH, "sample1");
    Require.atLeast(sample2.length, SampleSizes.CRAMER_VON_MISES_EACH, "sample2");
    double[] x = sample1.clone();
    double[] y = sample2.clone();
    Sorting.sort(x);
    Sorting.sort(y);
    double[] r = CramerVonMisesMath.test(x, y);
    return new TwoSampleResult(DriftMethod.CRAMER_VON_MISES, r[0], r[1], 0);
  }
}
