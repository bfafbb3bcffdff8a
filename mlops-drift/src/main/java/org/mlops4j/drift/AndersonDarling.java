package org.mlops4j.drift;

import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.internal.AndersonDarlingMath;
import org.mlops4j.drift.internal.SampleSizes;
import org.mlops4j.drift.internal.Sorting;

/**
 * Two-sample Anderson–Darling test (Scholz &amp; Stephens 1987, k = 2), as SciPy's {@code
 * scipy.stats.anderson_ksamp([x, y], variant='midrank')}: the midrank statistic {@code A2akN}
 * (their eq. 7, which allows ties), standardised as {@code (A2akN - (k-1)) / sigma_N} with the
 * exact variance of their eq. 4. The p-value is interpolated, as in SciPy, from the published
 * critical values at significance levels 0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001 (quadratic
 * least-squares fit of log(level) on the critical value) and is therefore capped at 0.25 and
 * floored at 0.001: use it to decide at levels inside that range.
 *
 * @since 0.1.0
 */
public final class AndersonDarling {
  private AndersonDarling() {}

  /**
   * Runs the test. Minimum sample size: one value in each sample and 4 in the two together (the
   * variance of the statistic, Scholz &amp; Stephens' eq. 4, divides by {@code (N - 2)(N - 3)}), at
   * least two of them distinct. The arrays are not modified.
   *
   * @return the standardised statistic and the interpolated p-value in [0.001, 0.25]
   * @throws NullPointerException if a sample is null
   * @throws IllegalArgumentException if a sample is empty or not finite, the pooled sample has
   *     fewer than two distinct values ({@code "the pooled sample must be of at least two distinct
   *     values, but was all <v>"}) or fewer than 4 values ({@code "the pooled sample must have at
   *     least 4 values, but had <n>"})
   */
  public static TwoSampleResult test(double[] sample1, double[] sample2) {
    Require.finite(Require.nonEmpty(sample1, "sample1"), "sample1");
    Require.finite(Require.nonEmpty(sample2, "sample2"), "sample2");
    double[] x = sample1.clone();
    double[] y = sample2.clone();
    Sorting.sort(x);
    Sorting.sort(y);
    Require.argument(
        !SampleSizes.constant(x, y),
        "the pooled sample",
        "of at least two distinct values",
        "all " + x[0]);
    Require.atLeast(x.length + y.length, SampleSizes.ANDERSON_DARLING_POOLED, "the pooled sample");
    double[] r = AndersonDarlingMath.testSorted(x, y);
    return new TwoSampleResult(DriftMethod.ANDERSON_DARLING, r[0], r[1], 0);
  }
}
