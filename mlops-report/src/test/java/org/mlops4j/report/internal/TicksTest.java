package org.mlops4j.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Expected values computed by hand from Heckbert's algorithm ("Nice Numbers for Graph Labels",
 * Graphics Gems, 1990): range = nice(max − min, false), step = nice(range / (n − 1), true).
 */
class TicksTest {

  @Test
  void niceNumber_roundsTo1_2_5Or10TimesAPowerOfTen() {
    // round: f < 1.5 -> 1, f < 3 -> 2, f < 7 -> 5, else 10
    assertThat(Ticks.niceNumber(0.25, true)).isEqualTo(0.2); // f = 2.5 -> 2
    assertThat(Ticks.niceNumber(14, true)).isEqualTo(10); // f = 1.4 -> 1
    assertThat(Ticks.niceNumber(35, true)).isEqualTo(50); // f = 3.5 -> 5
    assertThat(Ticks.niceNumber(0.0071, true))
        .isEqualTo(0.01, org.assertj.core.api.Assertions.within(1e-15)); // 7.1 -> 10
    // not rounded: the smallest nice number at least x
    assertThat(Ticks.niceNumber(0.87, false))
        .isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-15)); // 8.7 -> 10
    assertThat(Ticks.niceNumber(15.9, false)).isEqualTo(20); // 1.59 -> 2
    assertThat(Ticks.niceNumber(3, false)).isEqualTo(5); // 3 -> 5
    assertThat(Ticks.niceNumber(1000, false)).isEqualTo(1000); // exactly 1
  }

  @Test
  void zeroToOne_hasTicksEvery0point2() {
    // range = nice(1, false) = 1; step = nice(0.25, true) = 0.2
    Ticks t = Ticks.of(0, 1, 5);
    assertThat(t.values()).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
    assertThat(t.step()).isEqualTo(0.2, org.assertj.core.api.Assertions.within(1e-15));
    assertThat(t.decimals()).isEqualTo(1);
    assertThat(t.values().stream().map(t::label))
        .containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
  }

  @Test
  void dataUpTo0point87_extendsTheAxisToTheNextTick() {
    // range = nice(0.87, false) = 1; step = 0.2; upper = ceil(0.87 / 0.2) * 0.2 = 1.0
    Ticks t = Ticks.of(0, 0.87, 5);
    assertThat(t.lower()).isEqualTo(0.0);
    assertThat(t.upper()).isEqualTo(1.0);
  }

  @Test
  void negativeToPositive_startsAtAMultipleOfTheStepBelowTheMinimum() {
    // range = nice(15.9, false) = 20; step = nice(5, true) = 5; floor(-0.74) * 5 = -5; ceil(2.44) *
    // 5 = 15
    Ticks t = Ticks.of(-3.7, 12.2, 5);
    assertThat(t.values()).containsExactly(-5.0, 0.0, 5.0, 10.0, 15.0);
    assertThat(t.decimals()).isZero();
    assertThat(t.label(-5)).isEqualTo("-5");
  }

  @Test
  void smallShares_getAsManyDecimalsAsTheStep() {
    // range = nice(0.0123, false) = 0.02; step = nice(0.005, true) = 0.005; upper = ceil(2.46) *
    // 0.005
    Ticks t = Ticks.of(0, 0.0123, 5);
    assertThat(t.values()).containsExactly(0.0, 0.005, 0.01, 0.015);
    assertThat(t.decimals()).isEqualTo(3);
    assertThat(t.label(0.015)).isEqualTo("0.015");
    assertThat(t.percentLabel(0.015)).isEqualTo("1.5%");
  }

  @Test
  void tickValues_areExactMultiplesOfTheStep() {
    // 0.1 * 3 is 0.30000000000000004 in floating point; the ticks are rounded to the step
    Ticks t = Ticks.of(0, 0.5, 6);
    assertThat(t.values()).containsExactly(0.0, 0.1, 0.2, 0.3, 0.4, 0.5);
    assertThat(t.percentLabel(0.3)).isEqualTo("30%");
  }

  @Test
  void anEmptyRange_isWidenedByTenPercentOrByOneAtZero() {
    // [900, 1100]: range = nice(200, false) = 200; step = nice(50, true) = 50
    assertThat(Ticks.of(1000, 1000, 5).values())
        .containsExactly(900.0, 950.0, 1000.0, 1050.0, 1100.0);
    // [-1, 1]: range = 2; step = nice(0.5, true) = 0.5
    assertThat(Ticks.of(0, 0, 5).values()).containsExactly(-1.0, -0.5, 0.0, 0.5, 1.0);
  }

  @Test
  void negativeZero_isPrintedAsZero() {
    assertThat(Ticks.of(-1, 1, 5).label(-0.0)).isEqualTo("0.0");
  }

  @Test
  void badArguments_areNamed() {
    assertThatThrownBy(() -> Ticks.of(Double.NaN, 1, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("min must be finite, but was NaN");
    assertThatThrownBy(() -> Ticks.of(2, 1, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("min must be at most max 1.0, but was 2.0");
    assertThatThrownBy(() -> Ticks.of(0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ticks must be at least 2, but was 1");
    assertThatThrownBy(() -> Ticks.niceNumber(0, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x must be positive and finite, but was 0.0");
  }
}
