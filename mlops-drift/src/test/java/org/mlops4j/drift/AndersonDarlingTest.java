package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Expected: scipy 1.17.1 {@code scipy.stats.anderson_ksamp([a, b], variant='midrank')} on the same
 * numbers ({@link Samples}); script benchmarks/python/drift_reference.py.
 */
class AndersonDarlingTest {

  private static void check(TwoSampleResult r, double stat, double p) {
    assertThat(r.statistic()).isCloseTo(stat, within(1e-10));
    assertThat(r.pValue()).isCloseTo(p, within(p * 1e-8));
  }

  @Test
  void interpolatedPValue_matchesScipy() {
    check(
        AndersonDarling.test(Samples.sample(61, 200, 0.0, 1.0), Samples.sample(62, 250, 0.1, 1.0)),
        4.841420097980937,
        0.003956216457768217);
  }

  @Test
  void midrankStatisticWithTies_matchesScipy() {
    check(
        AndersonDarling.test(
            Samples.rounded(Samples.sample(63, 300, 0.0, 1.0)),
            Samples.rounded(Samples.sample(64, 280, 0.05, 1.0))),
        2.3269651080708487,
        0.0359602944402118);
    check(
        AndersonDarling.test(
            Samples.rounded(Samples.sample(53, 300, 0.0, 1.0)),
            Samples.rounded(Samples.sample(54, 280, 0.05, 1.0))),
        -0.6179487920642658,
        0.25);
  }

  @Test
  void pValue_isCappedAndFlooredAsScipy() {
    check(
        AndersonDarling.test(Samples.sample(51, 200, 0.0, 1.0), Samples.sample(52, 250, 0.0, 1.1)),
        -0.7357309881190541,
        0.25);
    check(
        AndersonDarling.test(Samples.sample(24, 300, 0.0, 1.0), Samples.sample(25, 400, 0.2, 1.5)),
        9.889512994804791,
        0.001);
  }

  @Test
  void constantPooledSample_isRejected() {
    assertThatThrownBy(() -> AndersonDarling.test(new double[] {2, 2}, new double[] {2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the pooled sample must be of at least two distinct values, but was all 2.0");
  }

  @Test
  void fewerThanFourValuesInAll_areRejectedNamingTheMinimum() {
    // Scholz & Stephens (1987) eq. 4, the variance of the statistic, divides by (N - 2)(N - 3):
    // undefined for N = 2 and 3 pooled values (SciPy 1.17.1's anderson_ksamp returns NaN for
    // [[1], [2, 3]] and fails on [[1], [2]])
    assertThatThrownBy(() -> AndersonDarling.test(new double[] {1}, new double[] {2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the pooled sample must have at least 4 values, but had 2");
    assertThatThrownBy(() -> AndersonDarling.test(new double[] {1}, new double[] {2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the pooled sample must have at least 4 values, but had 3");
  }

  @Test
  void fourValuesInAll_areEnough() {
    // scipy 1.17.1: anderson_ksamp([[1], [2, 3, 4]], variant='midrank')
    check(
        AndersonDarling.test(new double[] {1}, new double[] {2, 3, 4}),
        1.3636363636363114,
        0.08902970028514424);
  }
}
