package org.mlops4j.drift.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Invariants of the score PSI: non-negative, zero against itself, sorted edges.
 *
 * <p>The references come from {@code @Provide} arbitraries, not from {@code @DoubleRange} on the
 * array parameter: jqwik 1.9 does not apply a range written on an array ({@code
 * double @DoubleRange(...) []} annotates the array type, not its elements), so such a parameter
 * drew doubles up to +-Double.MAX_VALUE, whose interpolated quantiles overflow to +-Infinity.
 */
class ScorePsiPropertiesTest {

  private static final double BOUND = 1e6;

  @Provide
  Arbitrary<double[]> finiteReference() {
    return Arbitraries.doubles()
        .between(-BOUND, BOUND)
        .array(double[].class)
        .ofMinSize(2)
        .ofMaxSize(300);
  }

  @Provide
  Arbitrary<double[]> largerFiniteReference() {
    return Arbitraries.doubles()
        .between(-BOUND, BOUND)
        .array(double[].class)
        .ofMinSize(2)
        .ofMaxSize(500);
  }

  @Property(tries = 200)
  void psi_isNonNegative_andZeroForTheReferenceItself(
      @ForAll("finiteReference") double[] ref, @ForAll @Size(min = 1, max = 300) double[] cur) {
    for (double x : ref) {
      assertThat(x).isBetween(-BOUND, BOUND);
    }
    ScorePsi psi = ScorePsi.fit(ref, 10, 1e-4);
    assertThat(psi.psi(cur, cur.length)).isGreaterThanOrEqualTo(0.0);
    assertThat(psi.psi(ref, ref.length)).isCloseTo(0.0, within(1e-12));
  }

  @Property(tries = 100)
  void edges_areSorted(@ForAll("largerFiniteReference") double[] ref) {
    for (double x : ref) {
      assertThat(x).isBetween(-BOUND, BOUND);
    }
    double[] e = ScorePsi.fit(ref, 10, 1e-4).edges();
    for (double x : e) {
      assertThat(x).isFinite();
    }
    for (int i = 1; i < e.length; i++) {
      assertThat(e[i]).isGreaterThanOrEqualTo(e[i - 1]);
    }
  }
}
