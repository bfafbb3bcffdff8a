package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mlops4j.api.Binning;

class DriftDetectorTest {

  @Test
  void defaults_areTheDocumentedOnes() {
    DriftDetector c = DriftDetector.defaults();
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
    DriftDetector c = DriftDetector.builder().alpha(0.01).bins(20).method("x", "psi").build();
    assertThat(c.toBuilder().build().toString()).isEqualTo(c.toString());
    assertThat(c.methodFor("x")).contains(DriftMethod.PSI);
    assertThat(c.methods()).containsOnlyKeys("x");
  }

  @Test
  void compare_isFitThenCompareOfTheBaseline() {
    Columns ref = DriftBaselineTest.reference();
    Columns cur = DriftBaselineTest.current();
    DriftDetector d = DriftDetector.builder().alpha(0.01).build();
    DriftReport direct = d.compare(ref, cur);
    DriftBaseline baseline = d.fit(ref);
    assertThat(direct).isEqualTo(baseline.compare(cur));
    assertThat(baseline.detector()).isSameAs(d);
    assertThat(direct.alpha()).isEqualTo(0.01);
  }

  @Test
  void badSettings_areRejectedWithTheValue() {
    assertThatThrownBy(() -> DriftDetector.builder().bins(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bins must be at least 2, but was 1");
    assertThatThrownBy(() -> DriftDetector.builder().alpha(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha must be in (0, 1), but was 1.5");
    assertThatThrownBy(() -> DriftDetector.builder().psiLevels(0.3, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "PSI cut-offs must be 0 < moderate <= significant < infinity, but was moderate 0.3,"
                + " significant 0.2");
    assertThatThrownBy(() -> DriftDetector.builder().datasetDriftShare(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("datasetDriftShare must be in (0, 1], but was 0.0");
    assertThatThrownBy(() -> DriftDetector.builder().method("x", "bogus"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("drift method must be one of ks, cvm, ad, z, psi,")
        .hasMessageEndingWith(", but was 'bogus'");
  }

  @Test
  void nullArguments_areRejectedNamingTheParameter() {
    assertThatThrownBy(() -> DriftDetector.builder().correction(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("correction must not be null");
    assertThatThrownBy(() -> DriftDetector.defaults().fit(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("reference must not be null");
    assertThatThrownBy(() -> DriftDetector.defaults().compare(DriftBaselineTest.reference(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("current must not be null");
  }
}
