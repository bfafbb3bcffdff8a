package org.mlops4j.registry;

import java.util.Locale;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.mlops4j.api.internal.Require;

/**
 * McNemar's test of two classifiers on the same examples, as statsmodels' {@code
 * statsmodels.stats.contingency_tables.mcnemar} computes it with {@code exact} chosen by the number
 * of discordant pairs {@code n = b + c} (b: examples only the candidate gets right; c: only the
 * other one):
 *
 * <ul>
 *   <li>{@code n < 25}: exact binomial test, statistic {@code min(b, c)}, two-sided {@code p =
 *       min(1, 2 * BinomCDF(min(b, c); n, 1/2))} (SciPy's {@code binomtest(min(b,c), n, 0.5)});
 *   <li>{@code n >= 25}: chi-square with Edwards' continuity correction, statistic {@code (|b - c|
 *       - 1)^2 / (b + c)}, {@code p = chi2.sf(statistic, 1)}.
 * </ul>
 *
 * With {@code n = 0} the classifiers never disagree: statistic 0, p = 1. Sources: McNemar (1947),
 * Psychometrika 12(2):153-157; Edwards (1948), Psychometrika 13:185-187; the 25-pair rule as in
 * statsmodels' documentation.
 *
 * @param b examples the candidate gets right and the other gets wrong
 * @param c examples the candidate gets wrong and the other gets right
 * @param statistic the test statistic
 * @param pValue the two-sided p-value
 * @param exact whether the exact binomial test was used
 * @since 0.1.0
 */
public record McNemar(int b, int c, double statistic, double pValue, boolean exact) {

  /** Below this number of discordant pairs the exact binomial test is used. */
  public static final int EXACT_BELOW = 25;

  /**
   * Runs the test on the discordant counts.
   *
   * @param b examples only the candidate gets right
   * @param c examples only the other classifier gets right
   * @return the result
   * @throws IllegalArgumentException if a count is negative
   */
  public static McNemar test(int b, int c) {
    Require.nonNegative(b, "b");
    Require.nonNegative(c, "c");
    int n = b + c;
    if (n == 0) {
      return new McNemar(b, c, 0, 1, true);
    }
    if (n < EXACT_BELOW) {
      int k = Math.min(b, c);
      double p = Math.min(1.0, 2 * BinomialDistribution.of(n, 0.5).cumulativeProbability(k));
      return new McNemar(b, c, k, p, true);
    }
    double d = Math.abs(b - c) - 1.0;
    double stat = d * d / n;
    return new McNemar(b, c, stat, ChiSquaredDistribution.of(1).survivalProbability(stat), false);
  }

  /**
   * Runs the test on each example's correctness.
   *
   * @param candidateCorrect whether the candidate got each example right
   * @param otherCorrect whether the other classifier got each example right
   * @return the result
   * @throws IllegalArgumentException if the arrays differ in length
   */
  public static McNemar test(boolean[] candidateCorrect, boolean[] otherCorrect) {
    Require.nonNull(candidateCorrect, "candidateCorrect");
    Require.nonNull(otherCorrect, "otherCorrect");
    Require.sameLength(
        candidateCorrect.length, "candidateCorrect", otherCorrect.length, "otherCorrect");
    int b = 0;
    int c = 0;
    for (int i = 0; i < candidateCorrect.length; i++) {
      if (candidateCorrect[i] && !otherCorrect[i]) {
        b++;
      } else if (!candidateCorrect[i] && otherCorrect[i]) {
        c++;
      }
    }
    return test(b, c);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "McNemar %s: b=%d c=%d statistic=%.4g p=%.4g",
        exact ? "exact" : "chi-square (corrected)",
        b,
        c,
        statistic,
        pValue);
  }
}
