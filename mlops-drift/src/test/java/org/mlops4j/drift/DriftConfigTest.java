package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DriftConfigTest {

  @Test
  void defaults_areTheDocumentedOnes() {
    DriftConfig c = DriftConfig.defaults();
    assertThat(c.alpha()).isEqualTo(0.05);
    assertThat(c.correction()).isEqualTo(Correction.BENJAMINI_HOCHBERG);
    assertThat(c.bins()).isEqualTo(10);
    assertThat(c.binning()).isEqualTo(Binning.QUANTILE);
    assertThat(c.epsilon()).isEqualTo(1e-4);
    assertThat(c.psiModerate()).isEqualTo(0.1);
    assertThat(c.psiSignificant()).isEqualTo(0.25);
    assertThat(c.psiGate()).isEqualTo(0.1);
    assertThat(c.wassersteinGate()).isEqualTo(0.1);
    assertThat(c.jsGate()).isEqualTo(0.1);
    assertThat(c.datasetDriftShare()).isEqualTo(0.5);
    assertThat(c.missingPolicy()).isEqualTo(MissingPolicy.IGNORE_AND_REPORT);
    assertThat(c.ksMethod()).isEqualTo(KolmogorovSmirnov.Method.AUTO);
  }

  @Test
  void toBuilder_copiesEverySetting() {
    DriftConfig c = DriftConfig.builder().alpha(0.01).bins(20).test("x", "psi").build();
    assertThat(c.toBuilder().build().toString()).isEqualTo(c.toString());
  }

  @Test
  void badSettings_areRejectedWithTheValue() {
    assertThatThrownBy(() -> DriftConfig.builder().bins(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bins must be at least 2 but was 1");
    assertThatThrownBy(() -> DriftConfig.builder().alpha(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha must be in (0, 1) but was 1.5");
    assertThatThrownBy(() -> DriftConfig.builder().psiLevels(0.3, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PSI cut-offs must satisfy 0 < moderate <= significant but were 0.3, 0.2");
    assertThatThrownBy(() -> DriftConfig.builder().datasetDriftShare(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("datasetDriftShare must be in (0, 1] but was 0.0");
    assertThatThrownBy(() -> DriftConfig.builder().test("x", "bogus"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown drift test 'bogus'");
  }
}
