package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

  @Test
  void compare_valuesNearTheLargestDouble_giveTheHandComputedNumbers() {
    // By hand. Reference {-1e308, -1e308, 1e308, 1e308}, current four times 1e308.
    // Quantile edges (10 bins, h = 3k/10): -1e308 (k = 1..3), -6e307, 0, 6e307, 1e308 (k = 7..9);
    // equal-width edges (4 bins): -5e307, 0, 5e307. Either way the reference has half its values
    // in the lowest bin and half in the bin holding 1e308, the current all of them in the latter:
    // PSI = (1e-4 - 0.5) ln(1e-4 / 0.5) + (1 - 0.5) ln(1 / 0.5) = 4.60431846666895 (python3
    // math.log). Wasserstein: |F_ref - F_cur| = 1/2 over [-1e308, 1e308), so 1/2 * 2e308 = 1e308;
    // the reference's standard deviation is 1e308 (mean 0), so wasserstein_std = 1.
    Columns ref =
        Columns.builder().numeric("x", new double[] {-1e308, -1e308, 1e308, 1e308}).build();
    Columns cur = Columns.builder().numeric("x", new double[] {1e308, 1e308, 1e308, 1e308}).build();
    for (DriftDetector d :
        new DriftDetector[] {
          DriftDetector.defaults(),
          DriftDetector.builder().bins(4).binning(Binning.EQUAL_WIDTH).build()
        }) {
      FeatureDrift x = d.compare(ref, cur).feature("x");
      assertThat(x.metric("psi")).as(d.toString()).isCloseTo(4.60431846666895, within(1e-12));
      assertThat(x.metric("wasserstein")).isEqualTo(1e308);
      assertThat(x.metric("wasserstein_std")).isEqualTo(1.0);
      assertThat(x.note()).isEmpty();
    }
  }

  @Test
  void compare_aFeatureTooSmallForItsTest_isReportedAsNotTestedWithANote() {
    // Cramer-von Mises needs 2 values on each side, Anderson-Darling 4 in all and two distinct
    // ones; the other features of the report are still tested.
    Columns ref =
        Columns.builder()
            .numeric("cvm", new double[] {1, 2})
            .numeric("ad", new double[] {1, 2})
            .numeric("adConstant", new double[] {3, 3})
            .numeric("ks", new double[] {1, 2})
            .build();
    Columns cur =
        Columns.builder()
            .numeric("cvm", new double[] {2, Double.NaN})
            .numeric("ad", new double[] {5, Double.NaN})
            .numeric("adConstant", new double[] {3, 3})
            .numeric("ks", new double[] {2, 2})
            .build();
    DriftReport r =
        DriftDetector.builder()
            .method("cvm", DriftMethod.CRAMER_VON_MISES)
            .method("ad", DriftMethod.ANDERSON_DARLING)
            .method("adConstant", DriftMethod.ANDERSON_DARLING)
            .build()
            .compare(ref, cur);
    FeatureDrift cvm = r.feature("cvm");
    assertThat(cvm.tested()).isFalse();
    assertThat(cvm.statistic()).isNaN();
    assertThat(cvm.pValue()).isEmpty();
    assertThat(cvm.adjustedPValue()).isEmpty();
    assertThat(cvm.drifted()).isFalse();
    assertThat(cvm.metrics()).doesNotContainKeys("cvm", "cvm_p").containsKey("psi");
    assertThat(cvm.note())
        .startsWith(
            "not tested: cvm needs at least 2 values in each sample, but the current had 1");
    FeatureDrift ad = r.feature("ad");
    assertThat(ad.tested()).isFalse();
    assertThat(ad.note())
        .startsWith(
            "not tested: ad needs at least 4 values in the two samples together, but they had 3");
    FeatureDrift constant = r.feature("adConstant");
    assertThat(constant.tested()).isFalse();
    assertThat(constant.note())
        .startsWith("not tested: ad needs at least two distinct values, but every value was 3.0");
    assertThat(r.feature("ks").tested()).isTrue();
    // only the tested feature takes part in the correction: its adjusted p-value is its own
    assertThat(r.feature("ks").adjustedPValue()).isEqualTo(r.feature("ks").pValue());
    assertThat(r.toJson()).doesNotContain("NaN");
    assertThat(cvm.toString()).startsWith("cvm [numeric] cvm not tested psi=");
  }

  @Test
  void compare_aDistanceAboveTheLargestDouble_isInfinite_butItsRatioToTheSpreadIsNot() {
    // By hand, with a = 1.7e308: reference {-a, -a, -a, a}, current {a}. |F_ref - F_cur| = 3/4
    // over [-a, a): distance 3/4 * 2a = 2.55e308, above Double.MAX_VALUE (about 1.798e308); the
    // reference's standard deviation is sqrt(3/16) * 2a (mean -a/2), so wasserstein_std =
    // (3/4) / sqrt(3/16) = sqrt(3)
    double a = 1.7e308;
    Columns ref = Columns.builder().numeric("x", new double[] {-a, -a, -a, a}).build();
    Columns cur = Columns.builder().numeric("x", new double[] {a, a, a, a}).build();
    DriftReport r = DriftDetector.defaults().compare(ref, cur);
    assertThat(r.feature("x").metric("wasserstein")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(r.feature("x").metric("wasserstein_std")).isCloseTo(Math.sqrt(3), within(1e-15));
    assertThat(r.toJson()).doesNotContain("Infinity");
  }
}
