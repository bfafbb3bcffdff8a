package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mlops4j.drift.KolmogorovSmirnov.Alternative.GREATER;
import static org.mlops4j.drift.KolmogorovSmirnov.Alternative.LESS;
import static org.mlops4j.drift.KolmogorovSmirnov.Alternative.TWO_SIDED;
import static org.mlops4j.drift.KolmogorovSmirnov.Method.ASYMPTOTIC;
import static org.mlops4j.drift.KolmogorovSmirnov.Method.AUTO;
import static org.mlops4j.drift.KolmogorovSmirnov.Method.EXACT;

import org.junit.jupiter.api.Test;

/**
 * Expected values: scipy 1.17.1 {@code scipy.stats.ks_2samp(a, b, alternative, method)} on the same
 * numbers ({@link Samples}); one-sided exact values for 500/700, where SciPy falls back to the
 * asymptotic formula, from an independent big-integer lattice-path count in Python ({@code
 * fractions.Fraction}, {@code math.comb}). Script: benchmarks/python/drift_reference.py.
 */
class KolmogorovSmirnovTest {

  private static void check(KolmogorovSmirnovResult r, double d, double p) {
    assertThat(r.statistic()).isCloseTo(d, within(1e-12));
    assertThat(r.pValue()).isCloseTo(p, within(Math.abs(p) * 1e-6));
  }

  @Test
  void smallSamples30And40_matchScipyForEveryAlternativeAndMethod() {
    double[] a = Samples.sample(1, 30, 0.0, 1.0);
    double[] b = Samples.sample(2, 40, 0.5, 1.0);
    check(KolmogorovSmirnov.test(a, b, TWO_SIDED, EXACT), 0.3, 0.0762046102472055);
    check(KolmogorovSmirnov.test(a, b, TWO_SIDED, ASYMPTOTIC), 0.3, 0.0747594901851486);
    check(KolmogorovSmirnov.test(a, b, GREATER, EXACT), 0.3, 0.03810334215776626);
    check(KolmogorovSmirnov.test(a, b, GREATER, ASYMPTOTIC), 0.3, 0.034340544364887315);
    check(KolmogorovSmirnov.test(a, b, LESS, EXACT), 0.0, 1.0);
    check(KolmogorovSmirnov.test(a, b, LESS, ASYMPTOTIC), 0.0, 1.0);
    assertThat(KolmogorovSmirnov.test(a, b).method()).isEqualTo(EXACT);
  }

  @Test
  void samples500And700_matchScipy_andOneSidedExactMatchesBigIntegerPathCount() {
    double[] a = Samples.sample(3, 500, 0.0, 1.0);
    double[] b = Samples.sample(4, 700, 0.1, 1.0);
    check(KolmogorovSmirnov.test(a, b, TWO_SIDED, EXACT), 0.088, 0.020494540999381434);
    check(KolmogorovSmirnov.test(a, b, TWO_SIDED, ASYMPTOTIC), 0.088, 0.020394421264752754);
    check(KolmogorovSmirnov.test(a, b, GREATER, ASYMPTOTIC), 0.088, 0.010047369254707278);
    check(KolmogorovSmirnov.test(a, b, LESS, ASYMPTOTIC), 0.007714285714285714, 0.9588697805724838);
    // scipy's exact path count overflows here; expected from the big-integer count
    check(KolmogorovSmirnov.test(a, b, GREATER, EXACT), 0.088, 0.010247280751281078);
    check(KolmogorovSmirnov.test(a, b, LESS, EXACT), 0.007714285714285714, 0.9605453490682395);
  }

  @Test
  void samples3000And5000_matchScipy() {
    double[] a = Samples.sample(5, 3000, 0.0, 1.0);
    double[] b = Samples.sample(6, 5000, 0.05, 1.0);
    check(KolmogorovSmirnov.test(a, b, TWO_SIDED, EXACT), 0.0352, 0.018781708895787057);
    check(KolmogorovSmirnov.test(a, b, TWO_SIDED, ASYMPTOTIC), 0.0352, 0.01873322891458947);
    check(KolmogorovSmirnov.test(a, b, GREATER, ASYMPTOTIC), 0.0352, 0.009291394157260153);
    check(
        KolmogorovSmirnov.test(a, b, LESS, ASYMPTOTIC), 0.0003333333333333333, 0.9992780385174724);
  }

  @Test
  void equalSizes400_matchScipyExactAndAsymptotic() {
    double[] a = Samples.sample(7, 400, 0.0, 1.0);
    double[] b = Samples.sample(8, 400, 0.15, 1.0);
    check(KolmogorovSmirnov.test(a, b, TWO_SIDED, EXACT), 0.1575, 9.532297003197859e-05);
    check(KolmogorovSmirnov.test(a, b, TWO_SIDED, ASYMPTOTIC), 0.1575, 8.444870121412927e-05);
    check(KolmogorovSmirnov.test(a, b, GREATER, EXACT), 0.1575, 4.766148501599234e-05);
    check(KolmogorovSmirnov.test(a, b, GREATER, ASYMPTOTIC), 0.1575, 4.190941728855483e-05);
    check(KolmogorovSmirnov.test(a, b, LESS, EXACT), 0.0025, 0.9975062344139651);
    check(KolmogorovSmirnov.test(a, b, LESS, ASYMPTOTIC), 0.0025, 0.9950124791926824);
  }

  @Test
  void largeSamples20000And30000_autoIsAsymptoticAndMatchesScipy() {
    double[] a = Samples.sample(9, 20000, 0.0, 1.0);
    double[] b = Samples.sample(10, 30000, 0.02, 1.0);
    KolmogorovSmirnovResult r = KolmogorovSmirnov.test(a, b);
    assertThat(r.method()).isEqualTo(ASYMPTOTIC);
    check(r, 0.018383333333333307, 0.0005930124031323057);
    check(
        KolmogorovSmirnov.test(a, b, GREATER, AUTO), 0.018383333333333307, 0.00029519203584568504);
    check(KolmogorovSmirnov.test(a, b, LESS, AUTO), 0.0004333333333333333, 0.9951009286774183);
  }

  @Test
  void asymptoticInThePelzGoodAndDurbinRegions_matchesScipy() {
    // n = round(mn/(m+n)) > 140 and n D^2 < 2.2: scipy uses Pelz-Good
    check(
        KolmogorovSmirnov.test(
            Samples.sample(31, 3000, 0, 1), Samples.sample(32, 5000, 0, 1), TWO_SIDED, ASYMPTOTIC),
        0.01319999999999999,
        0.8951244357899942);
    check(
        KolmogorovSmirnov.test(
            Samples.sample(33, 20000, 0, 1),
            Samples.sample(34, 30000, 0, 1),
            TWO_SIDED,
            ASYMPTOTIC),
        0.00605,
        0.769607126892865);
    // n = 89 <= 140 and n D^2 in (0.754693, 4]: scipy uses Pomeranz, here Durbin (both exact)
    check(
        KolmogorovSmirnov.test(
            Samples.sample(35, 150, 0, 1), Samples.sample(36, 220, 0, 1), TWO_SIDED, ASYMPTOTIC),
        0.13333333333333336,
        0.0768993584293407);
  }

  @Test
  void withTies_statisticMatchesScipyAndTiesAreFlagged() {
    double[] a = Samples.rounded(Samples.sample(11, 200, 0.0, 1.0));
    double[] b = Samples.rounded(Samples.sample(12, 300, 0.2, 1.0));
    KolmogorovSmirnovResult r = KolmogorovSmirnov.test(a, b, TWO_SIDED, EXACT);
    assertThat(r.statistic()).isCloseTo(0.15833333333333333, within(1e-12));
    assertThat(r.ties()).isTrue();
    // scipy's exact p-value ignores ties as this one does, so it agrees too
    assertThat(r.pValue()).isCloseTo(0.004465325185520557, within(0.004465325185520557 * 1e-6));
    assertThat(KolmogorovSmirnov.test(a, b, GREATER, EXACT).statistic())
        .isCloseTo(0.15833333333333333, within(1e-12));
    assertThat(KolmogorovSmirnov.test(a, b, LESS, EXACT).statistic()).isEqualTo(0.0);
  }

  @Test
  void identicalSamples_haveZeroStatisticAndPValueOne() {
    double[] a = {1, 2, 3};
    KolmogorovSmirnovResult r = KolmogorovSmirnov.test(a, a.clone());
    assertThat(r.statistic()).isZero();
    assertThat(r.pValue()).isEqualTo(1.0);
  }

  @Test
  void emptySample_isRejectedWithItsName() {
    assertThatThrownBy(() -> KolmogorovSmirnov.test(new double[0], new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sample1 must be non-empty, but was an empty array");
  }

  @Test
  void nanInSample_isRejectedWithItsIndex() {
    assertThatThrownBy(() -> KolmogorovSmirnov.test(new double[] {1}, new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sample2[1] must be a number, but was NaN");
  }
}
