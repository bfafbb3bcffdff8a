package org.mlops4j.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void format_roundsToFourSignificantDigitsWithoutTrailingZeros() {
    assertThat(Numbers.format(0.5625)).isEqualTo("0.5625");
    assertThat(Numbers.format(0.56254)).isEqualTo("0.5625");
    assertThat(Numbers.format(0.54)).isEqualTo("0.54");
    assertThat(Numbers.format(123.456)).isEqualTo("123.5");
    assertThat(Numbers.format(-0.0871)).isEqualTo("-0.0871");
    assertThat(Numbers.format(7214)).isEqualTo("7214");
  }

  @Test
  void format_writesTinyAndHugeNumbersInScientificNotation() {
    assertThat(Numbers.format(1e-9)).isEqualTo("1e-9");
    assertThat(Numbers.format(0.0000123456)).isEqualTo("1.23e-5");
    assertThat(Numbers.format(2.5e9 + 0.5)).isEqualTo("2.5e9");
    assertThat(Numbers.format(9.996e-5)).isEqualTo("1e-4");
  }

  @Test
  void format_writesUndefinedAndInfiniteAsSigns() {
    assertThat(Numbers.format(Double.NaN)).isEqualTo("–");
    assertThat(Numbers.format(Double.POSITIVE_INFINITY)).isEqualTo("∞");
    assertThat(Numbers.format(Double.NEGATIVE_INFINITY)).isEqualTo("−∞");
  }

  @Test
  void fixedAndPx_writeRootLocaleNumbers() {
    assertThat(Numbers.fixed(0.5, 3)).isEqualTo("0.500");
    assertThat(Numbers.fixed(Double.NaN, 3)).isEqualTo("–");
    assertThat(Numbers.px(12.0)).isEqualTo("12");
    assertThat(Numbers.px(12.345)).isEqualTo("12.3");
    assertThat(Numbers.px(-0.25)).isEqualTo("-0.2");
  }
}
