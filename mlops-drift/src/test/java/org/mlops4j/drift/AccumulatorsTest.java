package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Unit checks of {@link HistogramCounts} and {@link CategoryCounts}. */
class AccumulatorsTest {

  @Test
  void histogram_usesRightClosedBinsAndCountsMissingAndInfinite() {
    HistogramCounts h =
        HistogramCounts.over(new double[] {0, 1})
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
        .hasMessage("edges[1] must be at least edges[0] = 1.0, but was 0.0");
    assertThatThrownBy(
            () ->
                HistogramCounts.over(new double[] {0})
                    .merge(HistogramCounts.over(new double[] {1})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the edges of other must be these [0.0], but was [1.0]");
  }

  @Test
  void categoryCounts_countNullAsMissing() {
    CategoryCounts c = CategoryCounts.create().addAll(new String[] {"a", null, "b", "a"});
    assertThat(c.counts()).containsEntry("a", 2L).containsEntry("b", 1L);
    assertThat(c.missing()).isEqualTo(1);
  }
}
