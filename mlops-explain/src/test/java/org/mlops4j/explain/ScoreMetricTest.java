package org.mlops4j.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScoreMetricTest {
  static final double[] Y = {1, 0, 1, 1};
  static final double[] P = {0.9, 0.6, 0.4, 1.0};

  @Test
  void metrics_matchHandComputations() {
    // Errors y - p: 0.1, -0.6, 0.6, 0. MSE = (0.01 + 0.36 + 0.36 + 0) / 4 = 0.1825;
    // MAE = (0.1 + 0.6 + 0.6 + 0) / 4 = 0.325; ȳ = 0.75, Σ (y - ȳ)² = 3 · 0.0625 + 0.5625 = 0.75,
    // R² = 1 - 0.73 / 0.75 = 0.02666...; accuracy at 0.5: predictions 1, 1, 0, 1 vs 1, 0, 1, 1 →
    // 2 of 4.
    assertEquals(0.1825, ScoreMetric.meanSquaredError().score(Y, P), 1e-15);
    assertEquals(0.325, ScoreMetric.meanAbsoluteError().score(Y, P), 1e-15);
    assertEquals(1 - 0.73 / 0.75, ScoreMetric.r2().score(Y, P), 1e-15);
    assertEquals(0.5, ScoreMetric.accuracy(0.5).score(Y, P), 0.0);
    assertFalse(ScoreMetric.meanSquaredError().higherIsBetter());
    assertTrue(ScoreMetric.r2().higherIsBetter());
  }

  @Test
  void userMetric_keepsNameAndDirection() {
    ScoreMetric m = ScoreMetric.of("first", true, (y, p) -> p[0]);
    assertEquals("first", m.name());
    assertEquals(0.9, m.score(Y, P), 0.0);
    assertEquals(
        "name must be non-blank, but was ' '",
        assertThrows(IllegalArgumentException.class, () -> ScoreMetric.of(" ", true, (y, p) -> 0))
            .getMessage());
  }
}
