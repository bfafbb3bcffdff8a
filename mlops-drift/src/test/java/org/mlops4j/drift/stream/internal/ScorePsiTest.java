package org.mlops4j.drift.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Expected values: python3 with numpy 2.4, {@code edges = np.unique(np.quantile(ref, np.arange(B +
 * 1) / B))[1:-1]} (the distinct edges strictly inside the reference's range, issue 10), shares
 * {@code np.histogram(x, np.r_[-np.inf, edges, np.inf])[0] / len(x)} floored at 1e-4, {@code psi =
 * np.sum((c - r) * np.log(c / r))}.
 */
class ScorePsiTest {

  @Test
  void edgesAndPsi_matchNumpy_onASmallReference() {
    double[] ref = new double[7];
    for (int i = 0; i < 7; i++) {
      ref[i] = 0.1 * i;
    }
    ScorePsi psi = ScorePsi.fit(ref, 4, 1e-4);
    // numpy: edges [0.15000000000000002, 0.30000000000000004, 0.45]
    assertThat(psi.edges()).containsExactly(0.15000000000000002, 0.30000000000000004, 0.45);
    double[] cur = {0.05, 0.3, 0.3, 0.61, 0.9};
    // numpy: 2.6065831727664985. The reference value 0.1 * 3 = 0.30000000000000004 equals the
    // second edge and counts in the bin above it, as np.histogram counts it (issue 10); with
    // np.searchsorted(edges, x, side='left') it counted below it and the PSI was 1.1445293809602863
    assertThat(psi.psi(cur, cur.length)).isCloseTo(2.6065831727664985, within(1e-12));
  }

  @Test
  void tiedReference_givesEmptyBinsThatContributeNothing() {
    double[] ref = new double[100];
    for (int i = 50; i < 100; i++) {
      ref[i] = 1.0;
    }
    double[] cur = new double[100];
    for (int i = 20; i < 100; i++) {
      cur[i] = 1.0;
    }
    // numpy: quantiles [0, 0, 0, 0, 0.5, 1, 1, 1, 1], distinct interior edge [0.5] (the repeats
    // left empty bins before issue 10), PSI 0.41588830833596724
    assertThat(ScorePsi.fit(ref, 10, 1e-4).psi(cur, cur.length))
        .isCloseTo(0.41588830833596724, within(1e-12));
  }

  @Test
  void integerScores_dropRepeatedEdges_andBinAsNumpyHistogram() {
    // Issue 10. Expected: NumPy 2.4.6 (src/test/python/drift_ties_reference.py, integers):
    // edges = np.unique(np.quantile(ref, np.arange(11) / 10)), counts np.histogram(x, edges)
    double[] ref = repeat(50, 120, 200, 180, 150, 100, 60, 40);
    double[] cur = repeat(30, 90, 170, 200, 180, 130, 80, 60);
    ScorePsi psi = ScorePsi.fit(ref, 10, 1e-4);
    assertThat(psi.edges()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(psi.psi(cur, cur.length)).isCloseTo(0.055344090813377364, within(1e-12));
  }

  private static double[] repeat(int... counts) {
    int n = 0;
    for (int c : counts) {
      n += c;
    }
    double[] out = new double[n];
    int k = 0;
    for (int v = 0; v < counts.length; v++) {
      for (int j = 0; j < counts[v]; j++) {
        out[k++] = v;
      }
    }
    return out;
  }

  @Test
  void badInput_isRejectedWithTheParameterName() {
    assertThatThrownBy(() -> ScorePsi.fit(new double[] {1, 2}, 1, 1e-4))
        .hasMessage("psiBins must be at least 2, but was 1");
    assertThatThrownBy(() -> ScorePsi.fit(new double[] {1, 2}, 10, 0))
        .hasMessage("psiEpsilon must be in (0, 1), but was 0.0");
    assertThatThrownBy(() -> ScorePsi.fit(new double[] {1, 2}, 10, 1e-4).psi(new double[0], 0))
        .hasMessage("n must be at least 1, but was 0");
  }
}
