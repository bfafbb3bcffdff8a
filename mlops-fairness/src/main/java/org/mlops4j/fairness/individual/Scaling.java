package org.mlops4j.fairness.individual;

/**
 * How features are rescaled, column by column, before distances are computed. Statistics are
 * computed on the data being scored (as a scikit-learn scaler fitted on the same X).
 *
 * <ul>
 *   <li>{@link #NONE} (the default) &mdash; raw features, as AIF360's {@code consistency} uses
 *       them;
 *   <li>{@link #STANDARDIZE} &mdash; z-score {@code (x - mean) / sd} with the population standard
 *       deviation (divisor n, as scikit-learn's {@code StandardScaler});
 *   <li>{@link #MIN_MAX} &mdash; {@code (x - min) / (max - min)}, into [0, 1] (as {@code
 *       MinMaxScaler}).
 * </ul>
 *
 * <p>A constant column (sd or range 0) is only shifted, never divided by zero (scale 1, as
 * scikit-learn does), so it contributes nothing to any distance.
 *
 * @since 0.1.0
 */
public enum Scaling {
  /** Raw features. */
  NONE,
  /** Z-score with the population standard deviation. */
  STANDARDIZE,
  /** Min-max into [0, 1]. */
  MIN_MAX;

  /** Returns a scaled copy (or the input itself for NONE); the input is never modified. */
  double[][] apply(double[][] x) {
    if (this == NONE) {
      return x;
    }
    int n = x.length;
    int d = x[0].length;
    double[] shift = new double[d];
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      if (this == STANDARDIZE) {
        double mean = 0;
        for (double[] row : x) {
          mean += row[j];
        }
        mean /= n;
        double ss = 0;
        for (double[] row : x) {
          double dev = row[j] - mean;
          ss += dev * dev;
        }
        double sd = Math.sqrt(ss / n);
        shift[j] = mean;
        scale[j] = sd == 0 ? 1 : sd;
      } else {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : x) {
          min = Math.min(min, row[j]);
          max = Math.max(max, row[j]);
        }
        shift[j] = min;
        scale[j] = max - min == 0 ? 1 : max - min;
      }
    }
    double[][] out = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        out[i][j] = (x[i][j] - shift[j]) / scale[j];
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
