package org.mlops4j.serving.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedDifferenceTest {

  @Test
  void interval_matchesNumpy() {
    double[] champion = {0.5, 1.0, 0.25, 2.0, 0.0};
    double[] challenger = {0.25, 1.5, 0.0, 1.0, 0.5};
    PairedDifference p = new PairedDifference();
    for (int i = 0; i < champion.length; i++) {
      p.add(champion[i], challenger[i]);
    }
    // numpy: a=np.array([0.5,1,0.25,2,0]); b=np.array([0.25,1.5,0,1,0.5]); d=b-a
    //   d.mean() -> -0.1; scipy.stats.norm.ppf(0.975)*d.std(ddof=1)/np.sqrt(5) ->
    // 0.5500135290423885
    assertEquals(5, p.count());
    assertEquals(-0.1, p.mean(), 1e-15);
    assertEquals(0.75, p.championMean(), 1e-15);
    assertEquals(0.65, p.challengerMean(), 1e-15);
    assertEquals(HALF, p.halfWidth(), 1e-12);
  }

  private static final double HALF = 0.5500135290423885;

  @Test
  void fewerThanTwoPairs_haveNoInterval() {
    PairedDifference p = new PairedDifference();
    assertTrue(Double.isNaN(p.mean()));
    p.add(1, 0);
    assertTrue(Double.isNaN(p.halfWidth()));
  }
}
