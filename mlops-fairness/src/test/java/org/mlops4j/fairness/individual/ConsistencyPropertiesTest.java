package org.mlops4j.fairness.individual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class ConsistencyPropertiesTest {

  /** For 0/1 predictions every term |y_i - mean| is in [0, 1], so the score is in [0, 1]. */
  @Property(tries = 40)
  void consistencyOfBinaryPredictions_isBetweenZeroAndOne(
      @ForAll @IntRange(min = 3, max = 200) int n,
      @ForAll @IntRange(min = 1, max = 4) int d,
      @ForAll @IntRange(min = 1, max = 10) int k,
      @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = random.nextInt(5);
      }
      y[i] = random.nextBoolean() ? 1 : 0;
    }
    double c = Consistency.builder().k(Math.min(k, n - 1)).build().audit(x, y).consistency();
    assertThat(c).isBetween(0.0, 1.0);
  }

  /**
   * Reordering the rows (continuous features, so no distance ties) does not change the score; nor
   * does a positive affine change of any column under z-score scaling.
   */
  @Property(tries = 30)
  void consistency_isInvariantToRowOrderAndToColumnUnitsUnderStandardization(
      @ForAll @IntRange(min = 8, max = 150) int n,
      @ForAll @DoubleRange(min = 0.01, max = 100) double unit,
      @ForAll @DoubleRange(min = -50, max = 50) double shift,
      @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][3];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = random.nextDouble();
      }
      y[i] = random.nextDouble() < x[i][0] ? 1 : 0;
    }
    Consistency c = Consistency.builder().k(4).scaling(Scaling.STANDARDIZE).build();
    double base = c.audit(x, y).consistency();

    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    double[][] px = new double[n][];
    double[] py = new double[n];
    double[][] sx = new double[n][];
    for (int i = 0; i < n; i++) {
      px[i] = x[perm[i]];
      py[i] = y[perm[i]];
      sx[i] = new double[] {x[i][0] * unit + shift, x[i][1], x[i][2]};
    }
    assertThat(c.audit(px, py).consistency()).isCloseTo(base, within(1e-12));
    assertThat(c.audit(sx, y).consistency()).isCloseTo(base, within(1e-12));
  }
}
