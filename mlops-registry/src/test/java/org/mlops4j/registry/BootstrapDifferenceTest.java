package org.mlops4j.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BootstrapDifferenceTest {

  private static final EvaluationMetric ACCURACY = PromotionEvidence.builtIn("accuracy");

  @Test
  void quantileIsNumpysLinearQuantile() {
    // np.quantile([1, 2, 3, 4, 10], [0.025, 0.975]) == [1.1, 9.4] (NumPy 1.24)
    double[] s = {1, 2, 3, 4, 10};
    assertThat(BootstrapDifference.quantile(s, 0.025)).isCloseTo(1.1, within(1e-12));
    assertThat(BootstrapDifference.quantile(s, 0.975)).isCloseTo(9.4, within(1e-12));
  }

  @Test
  void identicalPredictionsDifferByExactlyZero() {
    double[] y = {1, 0, 1, 1, 0, 1};
    double[] p = {1, 1, 1, 0, 0, 1};
    BootstrapDifference d =
        BootstrapDifference.compute("accuracy", ACCURACY, y, p, p, 0.95, 500, 1);
    assertThat(d.estimate()).isZero();
    assertThat(d.lower()).isZero();
    assertThat(d.upper()).isZero();
  }

  @Test
  void alwaysRightAgainstAlwaysWrongIsOneEverywhere() {
    double[] y = {1, 0, 1, 0};
    double[] wrong = {0, 1, 0, 1};
    BootstrapDifference d =
        BootstrapDifference.compute("accuracy", ACCURACY, y, y, wrong, 0.95, 500, 1);
    assertThat(d.lower()).isEqualTo(1.0);
    assertThat(d.upper()).isEqualTo(1.0);
  }

  /**
   * Paired differences d_i = right_cand(i) - right_other(i) with candidate right when i % 5 != 0
   * and the other when i % 4 != 0, n = 400: mean 0.05, standard error 0.029474565 (NumPy: {@code
   * d.std(ddof=0) / sqrt(400)}), normal 95% interval [-0.007769, 0.107769]. The percentile
   * bootstrap of a mean agrees with it to within its Monte Carlo error (about 0.003 with 4000
   * resamples); 0.01 is allowed.
   */
  @Test
  void agreesWithTheNormalIntervalOfAMeanDifference() {
    int n = 400;
    double[] y = new double[n];
    double[] a = new double[n];
    double[] o = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = 1;
      a[i] = i % 5 != 0 ? 1 : 0;
      o[i] = i % 4 != 0 ? 1 : 0;
    }
    BootstrapDifference d =
        BootstrapDifference.compute("accuracy", ACCURACY, y, a, o, 0.95, 4000, 7);
    assertThat(d.estimate()).isCloseTo(0.05, within(1e-12));
    assertThat(d.lower()).isCloseTo(-0.00776908646047661, within(0.01));
    assertThat(d.upper()).isCloseTo(0.10776908646047662, within(0.01));
    assertThat(d.toString()).contains("accuracy difference 0.05");
  }

  @Test
  void badInputIsNamed() {
    assertThatThrownBy(
            () ->
                BootstrapDifference.compute(
                    "m",
                    ACCURACY,
                    new double[] {1, 2},
                    new double[] {1},
                    new double[] {1, 2},
                    0.95,
                    100,
                    1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("candidate");
    assertThatThrownBy(
            () ->
                BootstrapDifference.compute(
                    "m",
                    ACCURACY,
                    new double[] {1},
                    new double[] {1},
                    new double[] {1},
                    0.95,
                    10,
                    1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resamples");
  }
}
