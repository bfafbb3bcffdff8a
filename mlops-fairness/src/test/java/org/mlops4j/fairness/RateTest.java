package org.mlops4j.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateTest {

  @Test
  void wilsonInterval_matchesStatsmodelsFormulaAtSeveralLevels() {
    // expected: statsmodels proportion_confint(k, n, alpha, method='wilson') formula, written in
    // numpy with z = scipy.stats.norm.isf(alpha / 2) (scipy 1.17.1)
    Rate r = Rate.of(RateMetric.TPR, "g", 7, 20, 20, 0.90);
    assertThat(r.value()).isEqualTo(0.35);
    assertThat(r.interval().lower()).isCloseTo(0.202260040056761, within(1e-12));
    assertThat(r.interval().upper()).isCloseTo(0.5334873111515284, within(1e-12));
    Rate rare = Rate.of(RateMetric.FPR, "g", 1, 1000, 1000, 0.95);
    assertThat(rare.interval().lower()).isCloseTo(0.00017654637062607765, within(1e-15));
    assertThat(rare.interval().upper()).isCloseTo(0.005642558597957937, within(1e-15));
    Rate all = Rate.of(RateMetric.PPV, "g", 20, 20, 20, 0.95);
    assertThat(all.interval().lower()).isCloseTo(0.8388748419471804, within(1e-12));
    assertThat(all.interval().upper()).isEqualTo(1.0);
  }

  @Test
  void undefinedRate_hasNoValueNoIntervalAndAReadableToString() {
    Rate r = Rate.of(RateMetric.PPV, "race=Black|sex=Male", 0, 0, 0, 0.95);
    assertThat(r.defined()).isFalse();
    assertThat(r.reason())
        .isEqualTo("PPV undefined for group 'race=Black|sex=Male': no positive predictions");
    assertThat(r.orElse(-1)).isEqualTo(-1);
    assertThatThrownBy(r::interval).isInstanceOf(IllegalStateException.class);
    assertThat(r).hasToString("PPV=undefined (no positive predictions)");
    assertThat(Rate.of(RateMetric.TPR, "g", 7, 20, 20, 0.95))
        .hasToString("TPR=0.3500 [0.1812, 0.5671]");
  }

  @Test
  void numeratorAboveDenominator_isRejected() {
    assertThatThrownBy(() -> Rate.of(RateMetric.TPR, "g", 3, 2, 2, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("numerator must be in [0, denominator], but was 3.0 with denominator 2.0");
  }

  @Test
  void aBadLevelOrEffectiveSize_isRejectedNamingIt() {
    // without these checks the Wilson bounds would be NaN (n <= 0) or the level silently ignored
    // for an undefined rate
    assertThatThrownBy(() -> Rate.of(RateMetric.TPR, "g", 1, 2, 0, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "effectiveSize must be a finite number > 0 when the denominator is positive,"
                + " but was 0.0");
    assertThatThrownBy(() -> Rate.of(RateMetric.TPR, "g", 1, 2, Double.NaN, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("but was NaN");
    assertThatThrownBy(() -> Rate.of(RateMetric.TPR, "g", 1, 2, 2, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level must be in (0, 1), but was 1.5");
    assertThatThrownBy(() -> Rate.of(RateMetric.TPR, "g", 0, 0, 0, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level must be in (0, 1), but was NaN");
  }
}
