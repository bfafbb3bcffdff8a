package org.mlops4j.drift;

import org.mlops4j.drift.internal.Stats;

/**
 * Pearson's chi-square test of homogeneity of two categorical samples: the 2 x k contingency
 * table of reference and current counts, {@code X^2 = sum (O - E)^2 / E} with {@code E =
 * row total * column total / n}, k - 1 degrees of freedom, p from the chi-square distribution.
 * No Yates continuity correction, at any number of degrees of freedom (SciPy's {@code
 * chi2_contingency(table, correction=False)}). Categories empty in both samples are dropped; with
 * fewer than two categories left the samples are identical and the result is statistic 0, p 1.
 *
 * @since 0.1.0
 */
public final class ChiSquare {
  private ChiSquare() {}

  /**
   * Test on counts per category.
   *
   * @throws IllegalArgumentException on a length mismatch, a negative count, or an all-zero side
   */
  public static TestResult homogeneity(long[] reference, long[] current) {
    if (reference.length != current.length) {
      throw new IllegalArgumentException("length mismatch: reference has " + reference.length
          + " categories but current has " + current.length);
    }
    long r = 0;
    long c = 0;
    for (int i = 0; i < reference.length; i++) {
      if (reference[i] < 0 || current[i] < 0) {
        throw new IllegalArgumentException("count " + i + " is negative");
      }
      r += reference[i];
      c += current[i];
    }
    if (r == 0 || c == 0) {
      throw new IllegalArgumentException((r == 0 ? "reference" : "current") + " must not be empty");
    }
    double[] res = Stats.chiSquare(reference, current);
    return new TestResult("chi2", res[0], res[1], (int) res[2]);
  }

  /**
   * Test on raw labels: reference categories plus one bucket for unseen ones.
   *
   * @throws IllegalArgumentException if a sample is empty or has a null
   */
  public static TestResult homogeneity(String[] reference, String[] current) {
    Checks.categories("reference", reference);
    Checks.categories("current", current);
    long[][] c = Psi.categoryCounts(reference, current);
    return homogeneity(c[0], c[1]);
  }
}
