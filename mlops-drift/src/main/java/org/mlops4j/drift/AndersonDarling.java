package org.mlops4j.drift;

import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.internal.AndersonDarlingMath;
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
   * @return the standardised statistic and the interpolated p-value in [0.001, 0.25]
   * @throws NullPointerException if a sample is null
   * @throws IllegalArgumentException if a sample is empty or not finite, or the pooled sample has
   *     fewer than two distinct values
   */
  public static TwoSampleResult test(double[] sample1, double[] sample2) {
    Require.finite(Require.nonEmpty(sample1, "sample1"), "sample1");
    Require.finite(Require.nonEmpty(sample2, "sample2"), "sample2");
    double[] x = sample1.clone();
    double[] y = sample2.clone();
    Sorting.sort(x);
    Sorting.sort(y);
    double[] r = AndersonDarlingMath.testSorted(x, y);
    return new TwoSampleResult(DriftMethod.ANDERSON_DARLING, r[0], r[1], 0);
  }
}
