package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Unit checks of {@link HistogramCounts}, {@link CategoryCounts}, {@link QuantileSketch}. */
class AccumulatorsTest {

  @Test
  void histogram_usesRightClosedBinsAndCountsMissingAndInfinite() {
    HistogramCounts h = HistogramCounts.over(new double[] {0, 1})
        .addAll(new double[] {-1, 0, 0.5, 1, 2, Double.NaN, Double.POSITIVE_INFINITY});
    assertThat(h.counts()).containsExactly(2, 2, 1); // (-inf,0] (0,1] (1,inf)
    assertThat(h.missing()).isEqualTo(1);
    assertThat(h.infinite()).isEqualTo(1);
    assertThat(h.total()).isEqualTo(5);
  }

  @Test
  void histogram_rejectsDecreasingEdgesAndForeignMerges() {
    assertThatThrownBy(() -> HistogramCounts.over(new double[] {1, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("edges must be non-decreasing but edges[1] = 0.0 < 1.0");
    assertThatThrownBy(() -> HistogramCounts.over(new double[] {0}).merge(HistogramCounts.over(new double[] {1})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot merge histograms with different edges");
  }

  @Test
  void categoryCounts_countNullAsMissing() {
    CategoryCounts c = CategoryCounts.create().addAll(new String[] {"a", null, "b", "a"});
    assertThat(c.counts()).containsEntry("a", 2L).containsEntry("b", 1L);
    assertThat(c.missing()).isEqualTo(1);
  }

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
        .hasMessage("p must be in [0, 1] but was 1.5");
    assertThatThrownBy(() -> QuantileSketch.create().rank(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sketch is empty");
  }
}
