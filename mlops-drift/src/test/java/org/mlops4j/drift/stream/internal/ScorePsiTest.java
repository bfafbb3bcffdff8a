package org.mlops4j.drift.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Expected values: python3 with numpy 2.4, {@code edges = np.quantile(ref, np.arange(1, B) / B)},
 * shares {@code np.bincount(np.searchsorted(edges, x, side='left'), minlength=B) / len(x)} floored
 * at 1e-4, {@code psi = np.sum((c - r) * np.log(c / r))}.
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
    // numpy: 1.1445293809602863
    assertThat(psi.psi(cur, cur.length)).isCloseTo(1.1445293809602863, within(1e-12));
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
    // numpy: edges [0, 0, 0, 0, 0.5, 1, 1, 1, 1], PSI 0.41588830833596724
    assertThat(ScorePsi.fit(ref, 10, 1e-4).psi(cur, cur.length))
        .isCloseTo(0.41588830833596724, within(1e-12));
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
