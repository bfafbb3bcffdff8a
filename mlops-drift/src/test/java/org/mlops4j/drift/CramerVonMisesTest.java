package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Expected values: scipy 1.17.1 (or by hand, as named per test) on the same numbers ({@link
 * Samples}); script benchmarks/python/drift_reference.py.
 */
class CramerVonMisesTest {

  @Test
  void cramerVonMisesAsymptotic_matchesScipy() {
    double[] u = Samples.sample(24, 300, 0.0, 1.0);
    double[] v = Samples.sample(25, 400, 0.2, 1.5);
    TwoSampleResult r = CramerVonMises.test(u, v);
    assertThat(r.statistic()).isCloseTo(1.3516440476190468, within(1e-11));
    assertThat(r.pValue()).isCloseTo(0.00037579275388632816, within(0.000375 * 1e-6));
  }

  @Test
  void cramerVonMisesExactForSmallSamples_matchesScipy() {
    double[] x = Samples.sample(26, 7, 0.0, 1.0);
    double[] y = Samples.sample(27, 9, 0.8, 1.0);
    TwoSampleResult r = CramerVonMises.test(x, y);
    assertThat(r.statistic()).isCloseTo(1.027281746031746, within(1e-12));
    assertThat(r.pValue()).isCloseTo(0.0012237762237762239, within(1e-15));
  }

  @Test
  void cramerVonMisesWithTies_usesAverageRanksAsScipy() {
    double[] x = Samples.rounded(Samples.sample(28, 300, 0.0, 1.0));
    double[] y = Samples.rounded(Samples.sample(29, 250, 0.1, 1.0));
    TwoSampleResult r = CramerVonMises.test(x, y);
    assertThat(r.statistic()).isCloseTo(0.07078848484849232, within(1e-10));
    assertThat(r.pValue()).isCloseTo(0.7491398665141547, within(0.749 * 1e-6));
  }

  @Test
  void fewerThanTwoValuesInASample_areRejectedNamingTheMinimum() {
    // Anderson (1962): the exact mean and variance of T need two values in each sample (SciPy
    // 1.17.1's cramervonmises_2samp([1], [2]) returns NaN)
    assertThatThrownBy(() -> CramerVonMises.test(new double[] {1}, new double[] {2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sample1 must have at least 2 values, but had 1");
    assertThatThrownBy(() -> CramerVonMises.test(new double[] {1, 2}, new double[] {3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sample2 must have at least 2 values, but had 1");
  }
}
