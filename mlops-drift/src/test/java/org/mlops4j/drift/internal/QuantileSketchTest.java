package org.mlops4j.drift.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Unit checks of {@link QuantileSketch}. */
class QuantileSketchTest {

  @Test
  void quantileSketch_isExactBelowKAndRejectsBadRanks() {
    QuantileSketch s = QuantileSketch.create().addAll(new double[] {3, 1, 2, 4, Double.NaN});
    assertThat(s.isExact()).isTrue();
    assertThat(s.count()).isEqualTo(4);
    assertThat(s.missing()).isEqualTo(1);
    assertThat(s.rank(2)).isEqualTo(0.5);
    assertThat(s.quantile(1.0)).isEqualTo(4);
    assertThatThrownBy(() -> s.quantile(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("p must be in [0, 1], but was 1.5");
    assertThatThrownBy(() -> QuantileSketch.create().rank(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the sketch is empty: add values before asking for ranks");
  }
}
