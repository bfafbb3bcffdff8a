package org.mlops4j.drift.internal;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.numbers.gamma.LogGamma;
import org.mlops4j.api.internal.Require;

/**
 * Two-sample Cramér–von Mises test (Anderson 1962) with SciPy's conventions: statistic T from
 * average ranks; exact p-value (lattice paths, Xiao, Gordon &amp; Yakovlev 2006) when both samples
 * have at most 20 values, else the asymptotic p-value of the normalised statistic from the limiting
 * one-sample distribution (Csörgő &amp; Faraway 1996, eq. 1.2).
 */
public final class CramerVonMisesMath {

  private CramerVonMisesMath() {}

  /**
   * @return {T, p, U} for two sorted samples
   * @throws IllegalArgumentException if a sample has fewer than 2 values
   */
  public static double[] test(double[] x, double[] y) {
    int nx = x.length;
    int ny = y.length;
    Require.atLeast(nx, SampleSizes.CRAMER_VON_MISES_EACH, "sample1");
    Require.atLeast(ny, SampleSizes.CRAMER_VON_MISES_EACH, "sample2");
    double[] rx = new double[nx];
    double[] ry = new double[ny];
    int i = 0;
    int j = 0;
    long pos = 0;
    while (i < nx || j < ny) {
      double v = (j >= ny || (i < nx && x[i] <= y[j])) ? x[i] : y[j];
      int i0 = i;
      int j0 = j;
      while (i < nx && x[i] == v) {
        i++;
      }
      while (j < ny && y[j] == v) {
        j++;
      }
      long g = (i - i0) + (j - j0);
      double avg = pos + (g + 1) / 2.0;
      for (int a = i0; a < i; a++) {
        rx[a] = avg;
      }
      for (int b = j0; b < j; b++) {
        ry[b] = avg;
      }
      pos += g;
    }
    double sx = 0;
    for (int a = 0; a < nx; a++) {
      double d = rx[a] - (a + 1);
      sx += d * d;
    }
    double sy = 0;
    for (int b = 0; b < ny; b++) {
      double d = ry[b] - (b + 1);
      sy += d * d;
    }
    double u = nx * sx + ny * sy;
    double k = (double) nx * ny;
    double n = nx + ny;
    double t = u / (k * n) - (4 * k - 1) / (6 * n);
    double p = Math.max(nx, ny) <= 20 ? exactP(u, nx, ny) : asymptoticP(t, nx, ny);
    return new double[] {t, p, u};
  }

  static double asymptoticP(double t, int nx, int ny) {
    double n = nx + ny;
    double k = (double) nx * ny;
    double et = (1 + 1 / n) / 6;
    double vt = (n + 1) * (4 * k * n - 3 * ((double) nx * nx + (double) ny * ny) - 2 * k);
    vt = vt / (45 * n * n * 4 * k);
    double tn = 1.0 / 6 + (t - et) / Math.sqrt(45 * vt);
    if (tn < 0.003) {
      return 1.0;
    }
    return Math.max(0.0, 1.0 - cdfInf(tn));
  }

  /** Limiting CDF of the one-sample statistic; terms added until one is below 1e-7. */
  static double cdfInf(double x) {
    double tot = 0;
    for (int k = 0; ; k++) {
      double u =
          Math.exp(LogGamma.value(k + 0.5) - LogGamma.value(k + 1.0))
              / (Math.pow(Math.PI, 1.5) * Math.sqrt(x));
      double y = 4 * k + 1;
      double q = y * y / (16 * x);
      double z = u * Math.sqrt(y) * expTimesBesselK14(q);
      tot += z;
      if (Math.abs(z) < 1e-7) {
        return tot;
      }
    }
  }

  /** exp(-q) K_{1/4}(q) from K_nu(q) = int_0^inf exp(-q cosh t) cosh(nu t) dt (trapezoid). */
  static double expTimesBesselK14(double q) {
    double h = 0.02;
    double sum = 0.5; // t = 0: exp(-q(cosh 0 - 1)) cosh 0 = 1, halved
    for (int i = 1; i < 100_000; i++) {
      double t = i * h;
      double f = Math.exp(-q * (Math.cosh(t) - 1)) * Math.cosh(t / 4);
      sum += f;
      if (f < 1e-20 * sum) {
        break;
      }
    }
    return Math.exp(-2 * q) * sum * h;
  }

  /** Exact P(U >= u) over all interleavings of nx and ny values. */
  static double exactP(double s, int m, int n) {
    long g = KolmogorovSmirnovDistribution.gcd(m, n);
    long lcm = m / g * n;
    long a = lcm / m;
    long b = lcm / n;
    long mn = (long) m * n;
    double zeta =
        Math.floor((double) lcm * lcm * (m + n) * (6 * s - mn * (4.0 * mn - 1)) / (6.0 * mn * mn));
    // prev.get(v): map accumulated value -> path count at (v, u-1)
    java.util.List<Map<Long, Long>> prev = new java.util.ArrayList<>();
    for (int u = 0; u <= n; u++) {
      java.util.List<Map<Long, Long>> cur = new java.util.ArrayList<>();
      for (int v = 0; v <= m; v++) {
        Map<Long, Long> tmp = new HashMap<>();
        if (u == 0 && v == 0) {
          tmp.put(0L, 1L);
        }
        if (v > 0) {
          cur.get(v - 1).forEach((key, c) -> tmp.merge(key, c, Long::sum));
        }
        if (u > 0) {
          prev.get(v).forEach((key, c) -> tmp.merge(key, c, Long::sum));
        }
        long d = a * v - b * u;
        long add = d * d;
        Map<Long, Long> shifted = new HashMap<>();
        tmp.forEach((key, c) -> shifted.put(key + add, c));
        cur.add(shifted);
      }
      prev = cur;
    }
    double total = 0;
    double hit = 0;
    for (Map.Entry<Long, Long> e : prev.get(m).entrySet()) {
      total += e.getValue();
      if (e.getKey() >= zeta) {
        hit += e.getValue();
      }
    }
    return hit / total;
  }
}
