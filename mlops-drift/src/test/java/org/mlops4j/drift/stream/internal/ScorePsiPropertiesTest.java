package org.mlops4j.drift.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the score PSI: non-negative, zero against itself, sorted edges. */
class ScorePsiPropertiesTest {

  @Property(tries = 200)
  void psi_isNonNegative_andZeroForTheReferenceItself(
      @ForAll @Size(min = 2, max = 300) double[] ref,
      @ForAll @Size(min = 1, max = 300) double[] cur) {
    for (double x : ref) {
      if (!Double.isFinite(x)) {
        return;
      }
    }
    ScorePsi psi = ScorePsi.fit(ref, 10, 1e-4);
    assertThat(psi.psi(cur, cur.length)).isGreaterThanOrEqualTo(0.0);
    assertThat(psi.psi(ref, ref.length)).isCloseTo(0.0, within(1e-12));
  }

  @Property(tries = 100)
  void edges_areSorted(
      @ForAll @Size(min = 2, max = 500) double @DoubleRange(min = -1e6, max = 1e6) [] ref) {
    double[] e = ScorePsi.fit(ref, 10, 1e-4).edges();
    for (int i = 1; i < e.length; i++) {
      assertThat(e[i]).isGreaterThanOrEqualTo(e[i - 1]);
    }
  }
}
