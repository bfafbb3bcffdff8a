package org.mlops4j.fairness.individual;

import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;

/** The check of a feature matrix shared by the individual-fairness engines, through Require. */
final class FeatureRows {
  private FeatureRows() {}

  /**
   * Checks a non-empty, rectangular, finite matrix.
   *
   * @return its number of columns
   * @throws NullPointerException if the matrix or a row is null
   * @throws IllegalArgumentException if it is empty, has no column, is ragged or not finite
   */
  static int requireMatrix(double @Nullable [][] x, String name) {
    Require.nonNull(x, name);
    Require.argument(x.length > 0, name, "non-empty", "an empty array");
    Require.nonNull(x[0], name + "[0]");
    int d = x[0].length;
    Require.argument(d > 0, name + "[0]", "non-empty", "an empty array");
    for (int i = 0; i < x.length; i++) {
      double[] row = x[i];
      if (row == null) {
        Require.nonNull(row, name + "[" + i + "]");
      }
      if (row.length != d) {
        Require.sameLength(row.length, name + "[" + i + "]", d, name + "[0]");
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(row[j])) {
          throw new IllegalArgumentException(
              Require.mustBe(name + "[" + i + "][" + j + "]", "finite", row[j]));
        }
      }
    }
    return d;
  }
}
