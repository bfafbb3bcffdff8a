package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Unit checks of {@link HistogramCounts} and {@link CategoryCounts}. */
class AccumulatorsTest {

  @Test
  void histogram_usesNumpysRightOpenBinsAndCountsMissingAndInfinite() {
    HistogramCounts h =
        HistogramCounts.over(new double[] {0, 1})
            .addAll(new double[] {-1, 0, 0.5, 1, 2, Double.NaN, Double.POSITIVE_INFINITY});
    // (-inf,0) [0,1) [1,inf): a value on an edge counts in the bin above it, as in
    // numpy.histogram (issue 10); before, (-inf,0] (0,1] (1,inf) gave 2, 2, 1
    assertThat(h.counts()).containsExactly(1, 2, 2);
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
  void histogram_withoutEdges_isOneBin() {
    // a reference whose quantiles are all its minimum or maximum has one PSI bin (issue 10)
    HistogramCounts h = HistogramCounts.over(new double[0]).addAll(new double[] {-1, 0, 5});
    assertThat(h.counts()).containsExactly(3);
  }

  @Test
  void categoryCounts_countNullAsMissing() {
    CategoryCounts c = CategoryCounts.create().addAll(new String[] {"a", null, "b", "a"});
    assertThat(c.counts()).containsEntry("a", 2L).containsEntry("b", 1L);
    assertThat(c.missing()).isEqualTo(1);
  }
}
