package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Expected values: scipy 1.17.1 (or by hand, as named per test) on the same numbers ({@link
 * Samples}); script benchmarks/python/drift_reference.py.
 */
class JensenShannonTest {

  @Test
  void jensenShannonBase2_matchesScipy() {
    // scipy.spatial.distance.jensenshannon([30,50,20,0],[25,40,30,5], base=2)
    assertThat(JensenShannon.distance(new double[] {30, 50, 20, 0}, new double[] {25, 40, 30, 5}))
        .isCloseTo(0.19473011144394128, within(1e-12));
  }
}
