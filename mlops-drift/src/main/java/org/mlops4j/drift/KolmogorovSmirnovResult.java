package org.mlops4j.drift;

import java.util.Locale;

/**
 * Result of a two-sample Kolmogorov–Smirnov test ({@link KolmogorovSmirnov}).
 *
 * @param statistic D (two-sided), D+ (greater) or D- (less), in [0, 1]
 * @param pValue the p-value in [0, 1]
 * @param alternative the alternative hypothesis
 * @param method the method actually used ({@code EXACT} or {@code ASYMPTOTIC}, never AUTO)
 * @param n1 size of the first sample
 * @param n2 size of the second sample
 * @param ties whether the pooled sample has repeated values (the p-value then ignores them)
 * @since 0.1.0
 */
public record KolmogorovSmirnovResult(
    double statistic,
    double pValue,
    KolmogorovSmirnov.Alternative alternative,
    KolmogorovSmirnov.Method method,
    int n1,
    int n2,
    boolean ties) {

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "KS %s D=%.6g p=%.6g (%s, n=%d/%d%s)",
        alternative.name().toLowerCase(Locale.ROOT),
        statistic,
        pValue,
        method.name().toLowerCase(Locale.ROOT),
        n1,
        n2,
        ties ? ", ties" : "");
  }
}
