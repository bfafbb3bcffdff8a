package org.mlops4j.drift.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class KolmogorovSmirnovDistributionTest {

  @Property(tries = 400)
  void bandedTwoSidedRecursion_equalsTheFullLatticeRecursion(
      @ForAll @IntRange(min = 1, max = 70) int n1,
      @ForAll @IntRange(min = 1, max = 70) int n2,
      @ForAll @IntRange(min = 1, max = 5000) int hRaw) {
    long lcm = KolmogorovSmirnovMath.lcm(n1, n2);
    long h = 1 + hRaw % lcm;
    double banded = KolmogorovSmirnovDistribution.exactSfTwoSidedBand(n1, n2, h);
    double full =
        KolmogorovSmirnovDistribution.exactSfFull(
            n1, n2, h, KolmogorovSmirnovDistribution.TWO_SIDED);
    assertThat(banded).isCloseTo(full, within(1e-13 + 1e-11 * full));
  }

  @org.junit.jupiter.api.Test
  void smirnovForLargeN_matchesScipyAndTheSequentialSum() {
    // expected: scipy 1.17.1 scipy.special.smirnov(500000, 0.004), smirnov(300000, 0.002)
    assertThat(KolmogorovSmirnovDistribution.smirnovSf(500_000, 0.004))
        .isCloseTo(1.1222989246925734e-07, within(1.1222989246925734e-07 * 1e-9));
    assertThat(KolmogorovSmirnovDistribution.smirnovSf(300_000, 0.002))
        .isCloseTo(0.09059704430456832, within(0.0905 * 1e-9));
    int jmax = (int) Math.floor(500_000 * (1 - 0.004));
    assertThat(KolmogorovSmirnovDistribution.smirnovSf(500_000, 0.004))
        .isCloseTo(
            0.004 * KolmogorovSmirnovDistribution.smirnovTerms(500_000, 0.004, 0, jmax),
            within(1e-7 * 1e-12));
  }
}
