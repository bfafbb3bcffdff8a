package org.mlops4j.drift;

import java.util.Locale;

/**
 * Statistic and p-value of a hypothesis test.
 *
 * @param test short test name ({@code "chi2"}, {@code "z"}, {@code "cvm"})
 * @param statistic the test statistic
 * @param pValue the p-value in [0, 1]
 * @param degreesOfFreedom degrees of freedom where the test has them, else 0
 * @since 0.1.0
 */
public record TestResult(String test, double statistic, double pValue, int degreesOfFreedom) {
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s statistic=%.6g p=%.6g%s", test, statistic, pValue,
        degreesOfFreedom > 0 ? " dof=" + degreesOfFreedom : "");
  }
}
