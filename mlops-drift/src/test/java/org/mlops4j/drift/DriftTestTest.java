package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Expected values: scipy 1.17.1 (or by hand, as named per test) on the same numbers ({@link
 * Samples}); script benchmarks/python/drift_reference.py.
 */
class DriftTestTest {

  @Test
  void unknownTestName_isRejectedWithTheKnownNames() {
    assertThatThrownBy(() -> DriftTest.of("t-test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown drift test 't-test'; known: ks, cvm, ad, z, psi, wasserstein, chi2, js");
  }
}
