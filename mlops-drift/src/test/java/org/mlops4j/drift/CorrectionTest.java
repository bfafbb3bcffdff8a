package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Expected values: scipy 1.17.1 (or by hand, as named per test) on the same numbers ({@link
 * Samples}); script benchmarks/python/drift_reference.py.
 */
class CorrectionTest {

  @Test
  void benjaminiHochberg_matchesScipyFalseDiscoveryControl() {
    double[] ps = {0.01, 0.04, 0.03, 0.2, 0.5, 0.001, 0.049};
    // scipy.stats.false_discovery_control(ps, method='bh')
    assertThat(Correction.BENJAMINI_HOCHBERG.adjust(ps))
        .usingComparatorWithPrecision(1e-15)
        .containsExactly(0.035, 0.0686, 0.0686, 0.23333333333333336, 0.5, 0.007, 0.0686);
    assertThat(Correction.BONFERRONI.adjust(ps))
        .usingComparatorWithPrecision(1e-15)
        .containsExactly(0.07, 0.28, 0.21, 1.0, 1.0, 0.007, 0.343);
  }
}
