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
}
