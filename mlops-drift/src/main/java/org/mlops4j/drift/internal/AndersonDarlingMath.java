package org.mlops4j.drift.internal;

import org.mlops4j.api.internal.Require;

/**
 * The two-sample Anderson–Darling test on sorted samples (Scholz &amp; Stephens 1987, k = 2,
 * midrank), as {@code org.mlops4j.drift.AndersonDarling} documents it; shared with the fitted
 * baselines.
 */
public final class AndersonDarlingMath {
  private static final double[] B0 = {0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085};
  private static final double[] B1 = {-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615};
  private static final double[] B2 = {-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154};
  private static final double[] SIG = {0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001};

  private AndersonDarlingMath() {}

  /**
   * @return {standardised statistic, interpolated p-value} of two sorted finite samples
   * @throws IllegalArgumentException if the pooled sample has fewer than two distinct values or
   *     fewer than 4 values
   */
  public static double[] testSorted(double[] x, double[] y) {
    int n1 = x.length;
    int n2 = y.length;
    int total = n1 + n2;
    double bigN = total;
    double a2 = 0;
    double sum1 = 0;
    double sum2 = 0;
    int i = 0;
    int j = 0;
    int distinct = 0;
    while (i < n1 || j < n2) {
      double v = (j >= n2 || (i < n1 && x[i] <= y[j])) ? x[i] : y[j];
      int i0 = i;
      int j0 = j;
      while (i < n1 && x[i] == v) {
        i++;
      }
      while (j < n2 && y[j] == v) {
        j++;
      }
      distinct++;
      double lj = (i - i0) + (j - j0);
      double bj = (i0 + j0) + lj / 2.0;
      double denom = bj * (bigN - bj) - bigN * lj / 4.0;
      double m1 = i - (i - i0) / 2.0;
      double m2 = j - (j - j0) / 2.0;
      double d1 = bigN * m1 - bj * n1;
      double d2 = bigN * m2 - bj * n2;
      sum1 += lj / bigN * d1 * d1 / denom;
      sum2 += lj / bigN * d2 * d2 / denom;
    }
    Require.argument(
        distinct >= 2, "the pooled sample", "of at least two distinct values", "all " + x[0]);
    Require.atLeast(total, SampleSizes.ANDERSON_DARLING_POOLED, "the pooled sample");
    a2 = (sum1 / n1 + sum2 / n2) * (bigN - 1.0) / bigN;
    int k = 2;
    double hh = 1.0 / n1 + 1.0 / n2;
    // h = sum_{i=1}^{N-1} 1/i; g = sum_{t=0}^{N-3} (sum_{i=N-1-t}^{N-1} 1/i) / (t + 2)
    double cum = 0;
    double g = 0;
    for (int t = 0; t <= total - 3; t++) {
      cum += 1.0 / (total - 1 - t);
      g += cum / (t + 2);
    }
    double h = cum + 1;
    double a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * hh;
    double b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * hh - 8 * h + 4 * g - 6;
    double c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * hh + 4 * h;
    double d = (2 * h + 6) * k * k - 4 * h * k;
    double sigmasq =
        (a * bigN * bigN * bigN + b * bigN * bigN + c * bigN + d)
            / ((bigN - 1.0) * (bigN - 2.0) * (bigN - 3.0));
    int m = k - 1;
    double stat = (a2 - m) / Math.sqrt(sigmasq);
    double[] crit = new double[7];
    for (int q = 0; q < 7; q++) {
      crit[q] = B0[q] + B1[q] / Math.sqrt(m) + B2[q] / m;
    }
    double p;
    if (stat < crit[0]) {
      p = 0.25;
    } else if (stat > crit[6]) {
      p = 0.001;
    } else {
      double[] coef = quadraticFit(crit, SIG);
      p = Math.exp(coef[0] * stat * stat + coef[1] * stat + coef[2]);
    }
    return new double[] {stat, p};
  }

  /** Least-squares fit of log(y) = c0 x^2 + c1 x + c2 (normal equations, centred x). */
  private static double[] quadraticFit(double[] x, double[] y) {
    int n = x.length;
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= n;
    double[][] ata = new double[3][3];
    double[] atb = new double[3];
    for (int r = 0; r < n; r++) {
      double u = x[r] - mean;
      double[] row = {u * u, u, 1};
      double ly = Math.log(y[r]);
      for (int p = 0; p < 3; p++) {
        atb[p] += row[p] * ly;
        for (int q = 0; q < 3; q++) {
          ata[p][q] += row[p] * row[q];
        }
      }
    }
    double[] s = solve3(ata, atb); // in centred u: a u^2 + b u + c
    // expand a (x - mean)^2 + b (x - mean) + c
    return new double[] {s[0], s[1] - 2 * s[0] * mean, s[0] * mean * mean - s[1] * mean + s[2]};
  }

  private static double[] solve3(double[][] a, double[] b) {
    double[][] m = new double[3][4];
    for (int r = 0; r < 3; r++) {
      System.arraycopy(a[r], 0, m[r], 0, 3);
      m[r][3] = b[r];
    }
    for (int c = 0; c < 3; c++) {
      int piv = c;
      for (int r = c + 1; r < 3; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
          piv = r;
        }
      }
      double[] t = m[c];
      m[c] = m[piv];
      m[piv] = t;
      for (int r = 0; r < 3; r++) {
        if (r != c) {
          double f = m[r][c] / m[c][c];
          for (int q = c; q < 4; q++) {
            m[r][q] -= f * m[c][q];
          }
        }
      }
    }
    return new double[] {m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]};
  }
}
