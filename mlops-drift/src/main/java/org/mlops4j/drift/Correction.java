package org.mlops4j.drift;

import java.util.Arrays;
import org.mlops4j.api.internal.Require;

/**
 * Multiple-testing correction applied to the per-feature p-values of a {@link DriftReport}.
 *
 * <ul>
 *   <li>{@link #NONE}: raw p-values.
 *   <li>{@link #BONFERRONI}: {@code min(1, p * m)} for m tests (controls the family-wise error).
 *   <li>{@link #BENJAMINI_HOCHBERG}: step-up adjusted p-values {@code min_{k >= i} p_(k) * m / k},
 *       capped at 1 (controls the false discovery rate; Benjamini &amp; Hochberg 1995), as SciPy's
 *       {@code scipy.stats.false_discovery_control(ps, method='bh')}.
 * </ul>
 *
 * <p>Default in {@link DriftDetector}: {@link #BENJAMINI_HOCHBERG}.
 *
 * @since 0.1.0
 */
public enum Correction {
  /** No correction. */
  NONE,
  /** Bonferroni. */
  BONFERRONI,
  /** Benjamini–Hochberg false discovery rate. */
  BENJAMINI_HOCHBERG;

  /**
   * Adjusts p-values.
   *
   * @param pValues raw p-values in [0, 1]
   * @return adjusted p-values, in the input order
   * @throws NullPointerException if pValues is null
   * @throws IllegalArgumentException if a p-value is NaN or outside [0, 1]
   */
  public double[] adjust(double[] pValues) {
    Require.nonNull(pValues, "pValues");
    int m = pValues.length;
    for (int i = 0; i < m; i++) {
      Require.closedUnit(pValues[i], "pValues[" + i + "]");
    }
    double[] out = new double[m];
    return switch (this) {
      case NONE -> pValues.clone();
      case BONFERRONI -> {
        for (int i = 0; i < m; i++) {
          out[i] = Math.min(1.0, pValues[i] * m);
        }
        yield out;
      }
      default -> {
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
          order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(pValues[a], pValues[b]));
        double running = 1.0;
        for (int r = m - 1; r >= 0; r--) {
          int idx = order[r];
          running = Math.min(running, pValues[idx] * m / (r + 1));
          out[idx] = Math.min(1.0, running);
        }
        yield out;
      }
    };
  }
}
