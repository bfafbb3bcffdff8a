package org.mlops4j.drift;

import java.util.Locale;

/**
 * Statistic and p-value of a two-sample hypothesis test ({@link ChiSquare}, {@link TwoProportionZ},
 * {@link CramerVonMises}, {@link AndersonDarling}); the Kolmogorov–Smirnov test has its own {@link
 * KolmogorovSmirnovResult}.
 *
 * @param method the test, whose {@link DriftMethod#key()} names it ({@code "chi2"}, {@code "z"},
 *     {@code "cvm"}, {@code "ad"})
 * @param statistic the test statistic
 * @param pValue the p-value in [0, 1]
 * @param degreesOfFreedom degrees of freedom where the test has them, else 0
 * @since 0.1.0
 */
public record TwoSampleResult(
    DriftMethod method, double statistic, double pValue, int degreesOfFreedom) {

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s statistic=%.6g p=%.6g%s",
        method.key(),
        statistic,
        pValue,
        degreesOfFreedom > 0 ? " dof=" + degreesOfFreedom : "");
  }
}
