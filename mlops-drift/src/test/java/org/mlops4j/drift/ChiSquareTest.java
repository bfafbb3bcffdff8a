package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Expected values: scipy 1.17.1 (or by hand, as named per test) on the same numbers ({@link
 * Samples}); script benchmarks/python/drift_reference.py.
 */
class ChiSquareTest {

  @Test
  void chiSquareHomogeneity_matchesScipyWithoutCorrection() {
    // scipy.stats.chi2_contingency([[30,50,20,0],[25,40,30,5]], correction=False)
    TwoSampleResult r =
        ChiSquare.homogeneity(new long[] {30, 50, 20, 0}, new long[] {25, 40, 30, 5});
    assertThat(r.statistic()).isCloseTo(8.565656565656566, within(1e-12));
    assertThat(r.pValue()).isCloseTo(0.03565944848599733, within(0.0356 * 1e-9));
    assertThat(r.degreesOfFreedom()).isEqualTo(3);
  }

  @Test
  void chiSquareWithOneDegreeOfFreedom_hasNoYatesCorrection() {
    // scipy.stats.chi2_contingency([[30,70],[45,55]], correction=False)
    TwoSampleResult r = ChiSquare.homogeneity(new long[] {30, 70}, new long[] {45, 55});
    assertThat(r.statistic()).isCloseTo(4.8, within(1e-12));
    assertThat(r.pValue()).isCloseTo(0.028459736916310638, within(0.0284 * 1e-9));
  }
}
