package org.mlops4j.explain.internal;

/** Small dense linear algebra for the Kernel SHAP regression. */
public final class Linear {
  private Linear() {}

  /**
   * Solves {@code A x = b} by Gaussian elimination with partial pivoting; A and b are not changed.
   *
   * @return x, or null when A is singular (a pivot below 1e-12 times the largest entry)
   */
  public static double @org.jspecify.annotations.Nullable [] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    double scale = 0;
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
      for (int j = 0; j < n; j++) {
        scale = Math.max(scale, Math.abs(a[i][j]));
      }
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
          p = r;
        }
      }
      if (Math.abs(m[p][c]) <= 1e-12 * scale) {
        return null;
      }
      double[] t = m[p];
      m[p] = m[c];
      m[c] = t;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        if (f != 0) {
          for (int j = c; j <= n; j++) {
            m[r][j] -= f * m[c][j];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = m[i][n];
      for (int j = i + 1; j < n; j++) {
        s -= m[i][j] * x[j];
      }
      x[i] = s / m[i][i];
    }
    return x;
  }
}
