package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Expected values: scipy 1.17.1 (or by hand, as named per test) on the same numbers ({@link
 * Samples}); script benchmarks/python/drift_reference.py.
 */
class TwoProportionZTest {

  @Test
  void twoProportionZ_matchesPooledFormulaByHand() {
    // by hand: p = 115/620, z = (45/300 - 70/320)/sqrt(p(1-p)(1/300+1/320));
    // 2*scipy.stats.norm.sf(|z|)
    TwoSampleResult r = TwoProportionZ.test(45, 300, 70, 320);
    assertThat(r.statistic()).isCloseTo(-2.2009468474722858, within(1e-12));
    assertThat(r.pValue()).isCloseTo(0.027739786899439196, within(0.0277 * 1e-9));
  }

  @Test
  void twoProportionZ_withEqualDegenerateRates_isNoEvidence() {
    TwoSampleResult r = TwoProportionZ.test(0, 10, 0, 20);
    assertThat(r.statistic()).isZero();
    assertThat(r.pValue()).isEqualTo(1.0);
  }

  @Test
  void zTestRejectsCountsOutsideTheSample() {
    assertThatThrownBy(() -> TwoProportionZ.test(11, 10, 1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("successes1 must be in [0, 10], but was 11");
  }
}
