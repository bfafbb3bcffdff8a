package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DriftMethodTest {

  @Test
  void fromKey_findsTheMethodByItsStableKeyOrItsName() {
    assertThat(DriftMethod.fromKey("ks")).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
    assertThat(DriftMethod.fromKey("Z")).isEqualTo(DriftMethod.TWO_PROPORTION_Z);
    assertThat(DriftMethod.fromKey("chi_square")).isEqualTo(DriftMethod.CHI_SQUARE);
    assertThat(DriftMethod.KOLMOGOROV_SMIRNOV.key()).isEqualTo("ks");
    assertThat(DriftMethod.TWO_PROPORTION_Z.key()).isEqualTo("z");
  }

  @Test
  void unknownKey_isRejectedWithTheKnownKeys() {
    assertThatThrownBy(() -> DriftMethod.fromKey("t-test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "drift method must be one of ks, cvm, ad, z, psi, wasserstein, chi2, js, but was"
                + " 't-test'");
  }
}
