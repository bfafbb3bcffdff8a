package org.mlops4j.slices.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SliceStatisticsTest {

  @Test
  void benjaminiHochberg_matchesScipy() {
    // scipy 1.17.1: stats.false_discovery_control([0.01, 0.04, 0.03, 0.2, 0.005, 0.04],
    // method="bh") = [0.03, 0.048, 0.048, 0.2, 0.03, 0.048]
    double[] q =
        SliceStatistics.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.2, 0.005, 0.04});
    assertArrayEquals(new double[] {0.03, 0.048, 0.048, 0.2, 0.03, 0.048}, q, 1e-15);
  }

  @Test
  void proportions_withoutAnyError_isNotWorse() {
    // pooled rate 0: z undefined (statsmodels gives nan); here z 0 and p 1
    SliceStatistics.Comparison c = SliceStatistics.proportions(0, 50, 0, 100, 0.95);
    assertEquals(0, c.statistic());
    assertEquals(1, c.pValue());
    assertEquals(0, c.effectSize());
  }

  @Test
  void welch_withConstantGroups_isCertainWhenWorse() {
    // scipy: ttest_ind([2,2,2], [1,1,1], equal_var=False, alternative='greater') gives t=inf, p=0
    SliceStatistics.Comparison c = SliceStatistics.welch(2, 0, 3, 1, 0, 3, 0.95);
    assertEquals(Double.POSITIVE_INFINITY, c.statistic());
    assertEquals(0, c.pValue());
    assertEquals(Double.POSITIVE_INFINITY, c.effectSize());
    assertEquals(2, c.interval().lower());
  }
}
