package org.mlops4j.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected p-values from SciPy 1.17.1, as statsmodels' {@code mcnemar} computes them:
 *
 * <pre>
 * from scipy.stats import binomtest, chi2
 * binomtest(min(b, c), b + c, 0.5).pvalue           # b + c &lt; 25 (exact)
 * s = (abs(b - c) - 1)**2 / (b + c); chi2.sf(s, 1)  # b + c &gt;= 25 (corrected chi-square)
 * </pre>
 */
class McNemarTest {

  @ParameterizedTest
  @CsvSource({
    "3, 12, 3, 0.03515625, true",
    "0, 24, 0, 1.1920928955078125e-07, true",
    "12, 12, 12, 1.0, true",
    "7, 1, 1, 0.0703125, true",
    "10, 25, 5.6, 0.01796047752607879, false",
    "20, 5, 7.84, 0.005110260660855866, false",
    "30, 30, 0.016666666666666666, 0.897278961260083, false"
  })
  void matchesScipy(int b, int c, double statistic, double p, boolean exact) {
    McNemar m = McNemar.test(b, c);
    assertThat(m.exact()).isEqualTo(exact);
    assertThat(m.statistic()).isCloseTo(statistic, within(1e-12));
    assertThat(m.pValue()).isCloseTo(p, within(1e-12 + 1e-9 * p));
  }

  @Test
  void noDiscordantPairsIsPOne() {
    assertThat(McNemar.test(0, 0).pValue()).isEqualTo(1.0);
  }

  @Test
  void countsDiscordantPairsFromCorrectness() {
    boolean[] cand = {true, true, false, false, true};
    boolean[] other = {true, false, true, false, false};
    McNemar m = McNemar.test(cand, other);
    assertThat(m.b()).isEqualTo(2);
    assertThat(m.c()).isEqualTo(1);
  }

  @Test
  void badInputIsNamed() {
    assertThatThrownBy(() -> McNemar.test(-1, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("b must be");
    assertThatThrownBy(() -> McNemar.test(new boolean[2], new boolean[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("candidateCorrect");
  }
}
