package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Expected values: scipy 1.17.1 (or by hand, as named per test) on the same numbers ({@link
 * Samples}); script benchmarks/python/drift_reference.py.
 */
class WassersteinTest {

  @Test
  void wasserstein_matchesScipyRawAndNormalized() {
    double[] u = Samples.sample(24, 300, 0.0, 1.0);
    double[] v = Samples.sample(25, 400, 0.2, 1.5);
    // scipy.stats.wasserstein_distance(u, v); divided by np.std(u)
    assertThat(Wasserstein.distance(u, v)).isCloseTo(0.24067635437567064, within(1e-13));
    assertThat(Wasserstein.normalized(u, v)).isCloseTo(0.41889260472659695, within(1e-13));
  }

  @Test
  void normalizedWithConstantReference_isRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Wasserstein.normalized(new double[] {1, 1}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the reference's standard deviation must be positive (a non-constant reference),"
                + " but was 0.0");
  }

  @Test
  void infiniteValue_isRejectedWithItsIndex() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                Wasserstein.distance(new double[] {1, Double.POSITIVE_INFINITY}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reference[1] must be finite, but was Infinity");
  }

  @Test
  void distance_nearTheLargestDouble_doesNotOverflow() {
    // By hand: F_u - F_v = 1/2 on [-1e308, 1e308), an interval of length 2e308: 1e308
    assertThat(Wasserstein.distance(new double[] {-1e308, 1e308}, new double[] {1e308, 1e308}))
        .isEqualTo(1e308);
    // the distance itself above Double.MAX_VALUE (2e308) is infinite
    assertThat(Wasserstein.distance(new double[] {-1e308}, new double[] {1e308}))
        .isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void normalized_withAStandardDeviationWhoseSquareOverflows_isTheRatio() {
    // By hand: reference {-1e200, 1e200}: mean 0, standard deviation 1e200 (its square 1e400
    // overflows); current {0, 1e200}: |F_u - F_v| = 1/2 on [-1e200, 0) and 0 after, distance
    // 5e199; ratio 0.5
    assertThat(Wasserstein.normalized(new double[] {-1e200, 1e200}, new double[] {0, 1e200}))
        .isEqualTo(0.5);
    // reference {-1e308, 1e308}: mean 0, standard deviation 1e308; distance 1e308 as above
    assertThat(Wasserstein.normalized(new double[] {-1e308, 1e308}, new double[] {1e308, 1e308}))
        .isEqualTo(1.0);
  }
}
