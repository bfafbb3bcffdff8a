package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mlops4j.api.Binning;

/**
 * Expected: NumPy 2.4.6 on the same numbers ({@link Samples}): {@code edges = np.quantile(ref,
 * [k/10 for k in 1..9])}, {@code np.bincount(np.searchsorted(edges, x, side='left'))}, shares with
 * {@code np.where(s == 0, eps, s)}, {@code sum((c - r) * log(c / r))} (script:
 * benchmarks/python/drift_reference.py). On these continuous samples no value equals an edge, so
 * the counts are those of {@code np.histogram} over the edges that the code uses since issue 10
 * (tied data: the tests below and src/test/python/drift_ties_reference.py).
 */
class PsiTest {
  private final double[] ref = Samples.sample(21, 5000, 0.0, 1.0);
  private final double[] cur = Samples.sample(22, 4000, 0.3, 1.2);

  @Test
  void quantileBins_matchNumpy() {
    assertThat(Psi.numeric(ref, cur)).isCloseTo(0.2801527801437027, within(1e-12));
    assertThat(Psi.numeric(ref, cur, 20, Binning.QUANTILE, 1e-4))
        .isCloseTo(0.30789942866747055, within(1e-12));
  }

  @Test
  void quantileEdges_areNumpyLinearQuantiles() {
    double[] e = Psi.edges(ref, 10, Binning.QUANTILE);
    assertThat(e)
        .containsExactly(
            -0.7509940301301434,
            -0.49480284669219976,
            -0.3163418103466852,
            -0.160220338577854,
            -0.007143122393565515,
            0.14050814129734893,
            0.30359515088222655,
            0.48187913738298804,
            0.7112342327066172);
  }

  @Test
  void equalWidthBins_matchNumpy() {
    assertThat(Psi.numeric(ref, cur, 10, Binning.EQUAL_WIDTH, 1e-4))
        .isCloseTo(0.3308281691823601, within(1e-12));
  }

  @Test
  void psi_withEmptyCurrentBins_usesTheConfiguredEpsilon() {
    double[] far = Samples.sample(23, 500, 3.0, 0.2);
    assertThat(Psi.numeric(ref, far, 10, Binning.QUANTILE, 1e-4))
        .isCloseTo(8.283089355027482, within(1e-10));
    assertThat(Psi.numeric(ref, far, 10, Binning.QUANTILE, 1e-6))
        .isCloseTo(12.433855885838662, within(1e-10));
  }

  @Test
  void categoricalPsi_putsUnseenCategoriesInTheirOwnBucket() {
    String[] r = new String[100];
    String[] c = new String[100];
    for (int i = 0; i < 100; i++) {
      r[i] = i < 50 ? "a" : i < 80 ? "b" : "c";
      c[i] = i < 40 ? "a" : i < 70 ? "b" : i < 90 ? "c" : "d";
    }
    // expected: numpy, shares [.5,.3,.2,0] vs [.4,.3,.2,.1], zero -> 1e-4
    assertThat(Psi.categorical(r, c)).isCloseTo(0.7123991075017365, within(1e-12));
  }

  @Test
  void identicalSamples_haveZeroPsi() {
    assertThat(Psi.numeric(ref, ref.clone())).isZero();
  }

  // Tied and discrete data (issue 10). Expected: NumPy 2.4.6,
  // src/test/python/drift_ties_reference.py:
  // edges = np.unique(np.quantile(ref, np.arange(11) / 10)) (the edges of pandas
  // qcut(q=10, duplicates="drop")), counts np.histogram(x, edges) (right-open bins, the last one
  // closed), shares with np.where(s == 0, 1e-4, s), psi = sum((c - r) * log(c / r)). Every current
  // value lies in the reference's range, where the open outer bins count as NumPy's.

  @Test
  void integerData_dropsRepeatedEdges_andBinsAsNumpyHistogram() {
    double[] r = Samples.integers(50, 120, 200, 180, 150, 100, 60, 40);
    double[] c = Samples.integers(30, 90, 170, 200, 180, 130, 80, 60);
    // deciles 0, 0, 1, 2, 3, 3, 4, 5, 6, 7, 7: 7 bins, interior edges 1..6
    assertThat(Psi.edges(r, 10, Binning.QUANTILE)).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(Psi.numeric(r, c)).isCloseTo(0.055344090813377364, within(1e-12));
  }

  @Test
  void binaryData_givesTwoBins_orOneWhenEveryQuantileIsAnEnd() {
    double[] r = Samples.integers(700, 300);
    double[] c = Samples.integers(600, 400);
    assertThat(Psi.edges(r, 10, Binning.QUANTILE)).containsExactly(0.2999999999999545);
    assertThat(Psi.numeric(r, c)).isCloseTo(0.044183275227903926, within(1e-12));
    // 5% ones: every decile is 0 or 1, np.unique leaves the edges [0, 1], one bin, PSI 0
    double[] rare = Samples.integers(950, 50);
    assertThat(Psi.edges(rare, 10, Binning.QUANTILE)).isEmpty();
    assertThat(Psi.numeric(rare, Samples.integers(800, 200))).isZero();
  }

  @Test
  void dataWithADominantValue_binsAsNumpyHistogram() {
    double[] r = Samples.dominantThenCycle(3, 500, 500, 10);
    double[] c = Samples.dominantThenCycle(3, 300, 700, 10);
    assertThat(Psi.edges(r, 10, Binning.QUANTILE))
        .containsExactly(
            1.9000000000000057, 3.0, 3.2999999999999545, 5.2000000000000455, 7.100000000000023);
    assertThat(Psi.numeric(r, c)).isCloseTo(0.13191975165770276, within(1e-12));
  }

  @Test
  void aValueOnAnEdge_goesToTheBinAboveIt() {
    // By hand: the edges of {0, 1, 2, 3} in 2 equal-width bins are [1.5]; in 3, [1, 2]: the bins
    // (-inf, 1), [1, 2), [2, +inf) hold 1, 1 and 2 of the reference, as np.histogram([0, 1, 2, 3],
    // [0, 1, 2, 3]) does; a current of four 1s falls into the middle bin:
    // PSI = (1e-4 - .25) ln(1e-4 / .25) + (1 - .25) ln(1 / .25) + (1e-4 - .5) ln(1e-4 / .5)
    // = 7.252694745341882 (python3 math.log)
    double[] r = {0, 1, 2, 3};
    assertThat(Psi.numeric(r, new double[] {1, 1, 1, 1}, 3, Binning.EQUAL_WIDTH, 1e-4))
        .isCloseTo(7.252694745341882, within(1e-12));
  }

  @Test
  void levels_readTheConventionalCutOffs() {
    assertThat(PsiLevel.of(0.05)).isEqualTo(PsiLevel.STABLE);
    assertThat(PsiLevel.of(0.1)).isEqualTo(PsiLevel.MODERATE);
    assertThat(PsiLevel.of(0.25)).isEqualTo(PsiLevel.MODERATE);
    assertThat(PsiLevel.of(0.2501)).isEqualTo(PsiLevel.SIGNIFICANT);
    assertThat(PsiLevel.of(0.15, 0.2, 0.3)).isEqualTo(PsiLevel.STABLE);
  }

  @Test
  void fewerThanTwoBins_isRejected() {
    assertThatThrownBy(() -> Psi.numeric(ref, cur, 1, Binning.QUANTILE, 1e-4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bins must be at least 2, but was 1");
  }

  @Test
  void countLengthMismatch_isRejected() {
    assertThatThrownBy(() -> Psi.fromCounts(new long[] {1, 2}, new long[] {1, 2, 3}, 1e-4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("current must have 2 elements (as reference), but had 3");
  }

  @Test
  void badEpsilon_isRejected() {
    assertThatThrownBy(() -> Psi.numeric(ref, cur, 10, Binning.QUANTILE, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("epsilon must be in (0, 1), but was 0.0");
  }

  @Test
  void equalWidthEdges_nearTheLargestDouble_doNotOverflow() {
    // By hand: the range [-1e308, 1e308] in 4 bins of width 5e307 (the width 2e308 itself
    // overflows): edges -5e307, 0, 5e307
    assertThat(Psi.edges(new double[] {-1e308, 0, 1e308}, 4, Binning.EQUAL_WIDTH))
        .containsExactly(-5e307, 0.0, 5e307);
    // -Double.MAX_VALUE..Double.MAX_VALUE in 2 bins: the one edge is the middle, 0
    assertThat(
            Psi.edges(new double[] {-Double.MAX_VALUE, Double.MAX_VALUE}, 2, Binning.EQUAL_WIDTH))
        .containsExactly(0.0);
  }

  @Test
  void quantileEdges_nearTheLargestDouble_doNotOverflow() {
    // By hand (Hyndman-Fan 7): h = 3p on 4 sorted values; p = 1/4: h = 0.75 between -1e308 and
    // -1e308; p = 1/2: h = 1.5, halfway between -1e308 and 1e308, 0; p = 3/4: 1e308. Since issue 10
    // the edges equal to the reference's minimum and maximum are dropped (np.histogram's outer
    // edges): before, [-1e308, 0, 1e308]
    assertThat(Psi.edges(new double[] {1e308, -1e308, 1e308, -1e308}, 4, Binning.QUANTILE))
        .containsExactly(0.0);
  }

  @Test
  void psi_nearTheLargestDouble_seesTheShift() {
    // By hand: reference half at -1e308 and half at 1e308, current all at 1e308; with either
    // binning the reference's halves fall in the lowest bin and in the bin of 1e308 (edges
    // -5e307, 0, 5e307 or -1e308, 0, 1e308), so PSI = (1e-4 - 0.5) ln(1e-4 / 0.5) + (1 - 0.5)
    // ln(1 / 0.5) = 4.60431846666895 (python3 math.log)
    double[] r = {-1e308, -1e308, 1e308, 1e308};
    double[] c = {1e308, 1e308, 1e308, 1e308};
    assertThat(Psi.numeric(r, c, 4, Binning.EQUAL_WIDTH, 1e-4))
        .isCloseTo(4.60431846666895, within(1e-12));
    assertThat(Psi.numeric(r, c, 4, Binning.QUANTILE, 1e-4))
        .isCloseTo(4.60431846666895, within(1e-12));
  }
}
