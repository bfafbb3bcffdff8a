package org.mlops4j.drift;

import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.internal.Stats;

/**
 * Pearson's chi-square test of homogeneity of two categorical samples: the 2 x k contingency table
 * of reference and current counts, {@code X^2 = sum (O - E)^2 / E} with {@code E = row total *
 * column total / n}, k - 1 degrees of freedom, p from the chi-square distribution. No Yates
 * continuity correction, at any number of degrees of freedom (SciPy's {@code
 * chi2_contingency(table, correction=False)}). Categories empty in both samples are dropped; with
 * fewer than two categories left the samples are identical and the result is statistic 0, p 1.
 *
 * @since 0.1.0
 */
public final class ChiSquare {
  private ChiSquare() {}

  /**
   * Test on counts per category. Minimum sample size: one value in each sample (a positive total).
   *
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException on a length mismatch, a negative count, or an all-zero side
   */
  public static TwoSampleResult homogeneity(long[] reference, long[] current) {
    Require.nonNull(reference, "reference");
    Require.nonNull(current, "current");
    Require.sameLength(current.length, "current", reference.length, "reference");
    long r = 0;
    long c = 0;
    for (int i = 0; i < reference.length; i++) {
      Require.argument(reference[i] >= 0, "reference[" + i + "]", "non-negative", reference[i]);
      Require.argument(current[i] >= 0, "current[" + i + "]", "non-negative", current[i]);
      r += reference[i];
      c += current[i];
    }
    Require.argument(r > 0, "reference", "counts with a positive total", "all zero");
    Require.argument(c > 0, "current", "counts with a positive total", "all zero");
    double[] res = Stats.chiSquare(reference, current);
    return new TwoSampleResult(DriftMethod.CHI_SQUARE, res[0], res[1], (int) res[2]);
  }

  /**
   * Test on raw labels: reference categories plus one bucket for unseen ones.
   *
   * @throws NullPointerException if a sample or one of its labels is null
   * @throws IllegalArgumentException if a sample is empty
   */
  public static TwoSampleResult homogeneity(String[] reference, String[] current) {
    Psi.checkLabels(reference, "reference");
    Psi.checkLabels(current, "current");
    long[][] c = Psi.categoryCounts(reference, current);
    return homogeneity(c[0], c[1]);
  }
}
