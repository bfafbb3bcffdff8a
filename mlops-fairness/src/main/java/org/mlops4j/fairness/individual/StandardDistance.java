package org.mlops4j.fairness.individual;

/** The built-in distances, which the k-d tree knows how to prune for. */
abstract class StandardDistance implements Distance {
  static final StandardDistance EUCLIDEAN =
      new StandardDistance("euclidean") {
        @Override
        public double between(double[] a, double[] b) {
          return Math.sqrt(reduced(a, b));
        }

        @Override
        double reduced(double[] a, double[] b) {
          return squared(a, 0, b, 0, a.length);
        }
      };

  static final StandardDistance MANHATTAN =
      new StandardDistance("manhattan") {
        @Override
        public double between(double[] a, double[] b) {
          return reduced(a, b);
        }

        @Override
        double reduced(double[] a, double[] b) {
          return absolute(a, 0, b, 0, a.length);
        }
      };

  private final String label;

  private StandardDistance(String label) {
    this.label = label;
  }

  @Override
  public String name() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }

  /** A monotone transform of the distance that is a sum over axes (squared for Euclidean). */
  abstract double reduced(double[] a, double[] b);

  /**
   * Squared Euclidean distance of a[aOff..aOff+d) and b[bOff..bOff+d), summed in two interleaved
   * accumulators (faster; every caller uses this one function, so results are bit-identical between
   * the k-d tree and brute force).
   */
  static double squared(double[] a, int aOff, double[] b, int bOff, int d) {
    double s0 = 0;
    double s1 = 0;
    int j = 0;
    for (; j + 1 < d; j += 2) {
      double e0 = a[aOff + j] - b[bOff + j];
      double e1 = a[aOff + j + 1] - b[bOff + j + 1];
      s0 += e0 * e0;
      s1 += e1 * e1;
    }
    if (j < d) {
      double e = a[aOff + j] - b[bOff + j];
      s0 += e * e;
    }
    return s0 + s1;
  }

  /** Manhattan distance, as {@link #squared}. */
  static double absolute(double[] a, int aOff, double[] b, int bOff, int d) {
    double s0 = 0;
    double s1 = 0;
    int j = 0;
    for (; j + 1 < d; j += 2) {
      s0 += Math.abs(a[aOff + j] - b[bOff + j]);
      s1 += Math.abs(a[aOff + j + 1] - b[bOff + j + 1]);
    }
    if (j < d) {
      s0 += Math.abs(a[aOff + j] - b[bOff + j]);
    }
    return s0 + s1;
  }
}
