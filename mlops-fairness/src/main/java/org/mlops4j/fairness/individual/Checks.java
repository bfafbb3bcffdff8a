package org.mlops4j.fairness.individual;

/** Argument checks shared by the individual-fairness entry points. */
final class Checks {
  private Checks() {}

  static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  /** Checks a non-empty, rectangular, finite matrix and returns its number of columns. */
  static int matrix(double[][] x, String name) {
    notNull(x, name);
    if (x.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    notNull(x[0], name + "[0]");
    int d = x[0].length;
    if (d == 0) {
      throw new IllegalArgumentException(name + "[0] must have at least one column");
    }
    for (int i = 0; i < x.length; i++) {
      double[] row = notNull(x[i], name + "[" + i + "]");
      if (row.length != d) {
        throw new IllegalArgumentException(
            name + "[" + i + "] has length " + row.length + " but " + name + "[0] has length " + d);
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(row[j])) {
          throw new IllegalArgumentException(
              name + "[" + i + "][" + j + "] must be finite, but was " + row[j]);
        }
      }
    }
    return d;
  }

  static void finite(double[] v, String name) {
    notNull(v, name);
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] must be finite, but was " + v[i]);
      }
    }
  }
}
