package org.mlops4j.drift.internal;

import org.apache.commons.numbers.gamma.LogGamma;

/**
 * P-values of the two-sample Kolmogorov–Smirnov statistic, following the choices of SciPy's {@code
 * ks_2samp} (exact lattice-path probabilities; Smirnov's asymptotic distribution evaluated as the
 * one-sample distribution at n = round(mn/(m+n)) for the two-sided test, Hodges' eq. 5.3 for the
 * one-sided tests). Own implementation of the published algorithms:
 *
 * <ul>
 *   <li>Exact: probability of a random interleaving path of (n1, n2) steps leaving the band; Hodges
 *       (1957), Kim &amp; Jennrich (1973).
 *   <li>One-sample two-sided distribution: Simard &amp; L'Ecuyer (2011) choice of methods: Durbin
 *       matrix (Marsaglia, Tsang &amp; Wang 2003), 2·Smirnov (Birnbaum &amp; Tingey 1951), Pelz
 *       &amp; Good (1976).
 * </ul>
 */
public final class KolmogorovSmirnovDistribution {

  private static final double PI2 = Math.PI * Math.PI;
  private static final double PI4 = PI2 * PI2;
  private static final double PI6 = PI4 * PI2;
  private static final double SQRT2PI = Math.sqrt(2 * Math.PI);
  private static final double SQRT3 = Math.sqrt(3);
  private static final double MIN_LOG = -708.0;

  private KolmogorovSmirnovDistribution() {}

  /** Alternative as int: 0 two-sided, 1 greater (F1 - F2), 2 less (F2 - F1). */
  public static final int TWO_SIDED = 0;

  public static final int GREATER = 1;
  public static final int LESS = 2;

  /** True when SciPy's exact method is attempted for these sizes (lcm fits a 32-bit int). */
  public static boolean exactFeasible(int n1, int n2) {
    long g = gcd(n1, n2);
    double n1g = n1 / g;
    double n2g = n2 / g;
    return n1g < Integer.MAX_VALUE / n2g;
  }

  public static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  /**
   * Exact P(D >= h/lcm) where D is the two-sided, greater or less statistic; h is the integer
   * deviation in units of 1/lcm(n1, n2).
   */
  public static double exactSf(int n1, int n2, long h, int alternative) {
    if (h <= 0) {
      return 1.0;
    }
    if (alternative == TWO_SIDED) {
      return exactSfTwoSidedBand(n1, n2, h);
    }
    return exactSfFull(n1, n2, h, alternative);
  }

  /**
   * Two-sided exact P(D >= h/lcm) visiting only the band of lattice points with |dev| &lt; h (plus
   * the first points outside it, where mass leaves): O(n1 * band width).
   */
  static double exactSfTwoSidedBand(int n1, int n2, long h) {
    long g = gcd(n1, n2);
    long b1 = n2 / g;
    long b2 = n1 / g;
    int total = n1 + n2;
    double[] u = new double[n2 + 1];
    double outside = 0.0;
    int hi = (int) Math.min(n2, Math.floorDiv(h - 1, b2));
    u[0] = 1.0;
    for (int j = 1; j <= hi; j++) {
      u[j] = u[j - 1] * (double) (n2 - j + 1) / (total - j + 1);
    }
    if (hi + 1 <= n2) {
      outside += u[hi] * (double) (n2 - hi) / (total - hi);
    }
    int prevLo = 0;
    int prevHi = hi;
    for (int i = 1; i <= n1; i++) {
      long base = i * b1;
      int lo = (int) Math.max(0, Math.floorDiv(base - h, b2) + 1);
      hi = (int) Math.min(n2, Math.floorDiv(base + h - 1, b2));
      int px = n1 - i + 1;
      // mass stepping from (i-1, j) to (i, j) below the band leaves it
      int lowEnd = Math.min(lo - 1, prevHi);
      for (int j = prevLo; j <= lowEnd; j++) {
        outside += u[j] * px / (total - i - j + 1);
      }
      double prev = 0.0;
      for (int j = lo; j <= hi; j++) {
        double up = j >= prevLo && j <= prevHi ? u[j] : 0.0;
        double mass = (up * px + prev * (n2 - j + 1)) / (total - i - j + 1);
        u[j] = mass;
        prev = mass;
      }
      if (hi >= lo && hi + 1 <= n2) {
        outside += prev * (double) (n2 - hi) / (total - i - hi);
      }
      if (hi < lo) {
        break; // the band is empty from here on: all mass has left
      }
      prevLo = lo;
      prevHi = hi;
    }
    return clip(outside);
  }

  /** Exact P(D >= h/lcm) over the full lattice, any alternative: O(n1 * n2). */
  static double exactSfFull(int n1, int n2, long h, int alternative) {
    long g = gcd(n1, n2);
    long b1 = n2 / g; // lcm / n1
    long b2 = n1 / g; // lcm / n2
    int total = n1 + n2;
    double[] u = new double[n2 + 1];
    double outside = 0.0;
    // row i = 0
    u[0] = 1.0;
    for (int j = 1; j <= n2; j++) {
      double mass = u[j - 1] * (double) (n2 - j + 1) / (total - j + 1);
      if (isOutside(-j * b2, h, alternative)) {
        outside += mass;
        mass = 0.0;
      }
      u[j] = mass;
    }
    for (int i = 1; i <= n1; i++) {
      long base = i * b1;
      // j = 0
      double fromLeft = u[0] * (double) (n1 - i + 1) / (total - i + 1);
      double m0 = fromLeft;
      if (isOutside(base, h, alternative)) {
        outside += m0;
        m0 = 0.0;
      }
      u[0] = m0;
      double prev = m0;
      for (int j = 1; j <= n2; j++) {
        int rem = total - i - j + 1;
        double mass = (u[j] * (n1 - i + 1) + prev * (n2 - j + 1)) / rem;
        if (mass != 0.0 && isOutside(base - j * b2, h, alternative)) {
          outside += mass;
          mass = 0.0;
        }
        u[j] = mass;
        prev = mass;
      }
    }
    return clip(outside);
  }

  private static boolean isOutside(long dev, long h, int alternative) {
    return switch (alternative) {
      case GREATER -> dev >= h;
      case LESS -> -dev >= h;
      default -> dev >= h || -dev >= h;
    };
  }

  /** Asymptotic p-value as SciPy's ks_2samp(method='asymp'). */
  public static double asymptoticSf(int n1, int n2, double d, int alternative) {
    double m = Math.max(n1, n2);
    double n = Math.min(n1, n2);
    double en = m * n / (m + n);
    if (alternative == TWO_SIDED) {
      return kolmogorovSf((int) Math.rint(en), d);
    }
    double z = Math.sqrt(en) * d;
    double expt = -2 * z * z - 2 * z * (m + 2 * n) / Math.sqrt(m * n * (m + n)) / 3.0;
    return clip(Math.exp(expt));
  }

  /** P(D_n >= x) of the one-sample two-sided KS statistic (Simard &amp; L'Ecuyer 2011 choices). */
  public static double kolmogorovSf(int n, double x) {
    if (x >= 1.0) {
      return 0.0;
    }
    if (x <= 0.0) {
      return 1.0;
    }
    double t = n * x;
    if (t <= 1.0) {
      if (t <= 0.5) {
        return 1.0;
      }
      double cdf;
      if (n <= 140) {
        cdf = 1.0;
        for (int i = 1; i <= n; i++) {
          cdf *= i * (1.0 / n) * (2 * t - 1);
        }
      } else {
        cdf = Math.exp(LogGamma.value(n + 1.0) - n * Math.log(n) + n * Math.log(2 * t - 1));
      }
      return clip(1.0 - cdf);
    }
    if (t >= n - 1) {
      return clip(2 * Math.pow(1.0 - x, n));
    }
    if (x >= 0.5) {
      return clip(2 * smirnovSf(n, x));
    }
    double nx2 = t * x;
    if (n <= 140) {
      if (nx2 <= 4) {
        // SciPy uses Pomeranz's recursion above nx^2 = 0.754693; both are exact.
        return clip(1.0 - durbinCdf(n, x));
      }
      return clip(2 * smirnovSf(n, x));
    }
    if (nx2 >= 370.0) {
      return 0.0;
    }
    if (nx2 >= 2.2) {
      return clip(2 * smirnovSf(n, x));
    }
    double cdf;
    if (n <= 100000 && n * Math.pow(x, 1.5) <= 1.4) {
      cdf = durbinCdf(n, x);
    } else {
      cdf = pelzGoodCdf(n, x);
    }
    return clip(1.0 - cdf);
  }

  /** P(D+_n >= x), exact Birnbaum–Tingey sum evaluated in log space. */
  public static double smirnovSf(int n, double x) {
    if (x <= 0) {
      return 1.0;
    }
    if (x >= 1) {
      return 0.0;
    }
    int jmax = (int) Math.floor(n * (1 - x));
    double sum;
    if (n >= 200_000) {
      // two halves, run on two threads where there are two cores; the upper half starts on the
      // 1,024-term anchor grid of smirnovTerms, so every term is computed exactly as in one
      // sequential sweep and only the order of the final addition differs
      int mid = ((jmax / 2) & ~1023) - 1;
      if (Stats.twoCores()) {
        java.util.concurrent.ForkJoinTask<Double> upper =
            java.util.concurrent.ForkJoinPool.commonPool()
                .submit(() -> smirnovTerms(n, x, mid + 1, jmax));
        sum = smirnovTerms(n, x, 0, mid) + upper.join();
      } else {
        sum = smirnovTerms(n, x, 0, mid) + smirnovTerms(n, x, mid + 1, jmax);
      }
    } else {
      sum = smirnovTerms(n, x, 0, jmax);
    }
    return clip(x * sum);
  }

  /**
   * Sum of the Birnbaum–Tingey terms j = from..to. log C(n, j) by the recurrence log C(n, j) = log
   * C(n, j-1) + log((n-j+1)/j), one log per term instead of three log-gamma calls, re-anchored with
   * log-gamma every 1,024 terms (relative error of the sum about 1e-12).
   */
  static double smirnovTerms(int n, double x, int from, int to) {
    double logNf = LogGamma.value(n + 1.0);
    double logC = 0.0;
    double sum = 0.0;
    for (int j = from; j <= to; j++) {
      if (((j - from) & 1023) == 0) {
        // re-anchor every 1,024 terms so the recurrence's rounding cannot accumulate
        logC = logNf - LogGamma.value(j + 1.0) - LogGamma.value(n - j + 1.0);
      } else {
        logC += Math.log((double) (n - j + 1) / j);
      }
      double a = 1 - x - (double) j / n;
      if (a <= 0) {
        continue;
      }
      double lt = logC + (j - 1) * Math.log(x + (double) j / n) + (n - j) * Math.log(a);
      if (lt > -745) {
        sum += Math.exp(lt);
      }
    }
    return sum;
  }

  /** Durbin's matrix formula for {@code P(D_n <= d)}, Marsaglia–Tsang–Wang scaling. */
  public static double durbinCdf(int n, double d) {
    if (d >= 1.0) {
      return 1.0;
    }
    double nd = n * d;
    if (nd <= 0.5) {
      return 0.0;
    }
    int k = (int) Math.ceil(nd);
    double h = k - nd;
    int m = 2 * k - 1;
    double[] v = new double[m];
    double[] w = new double[m];
    double fac = 1.0;
    for (int j = 1; j <= m; j++) {
      w[j - 1] = fac;
      fac /= j;
      v[j - 1] = (1.0 - Math.pow(h, j)) * fac;
    }
    double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
    v[m - 1] = (1.0 + tt) * fac;
    double[][] hm = new double[m][m];
    for (int i = 1; i < m; i++) {
      for (int r = i - 1; r < m; r++) {
        hm[r][i] = w[r - i + 1];
      }
    }
    for (int r = 0; r < m; r++) {
      hm[r][0] = v[r];
    }
    for (int c = 0; c < m; c++) {
      hm[m - 1][c] = v[m - 1 - c];
    }
    double[][] pw = new double[m][m];
    for (int i = 0; i < m; i++) {
      pw[i][i] = 1.0;
    }
    int nn = n;
    int expnt = 0;
    int hexpnt = 0;
    final double ep128 = Math.scalb(1.0, 128);
    final double em128 = Math.scalb(1.0, -128);
    while (nn > 0) {
      if (nn % 2 == 1) {
        pw = multiply(pw, hm);
        expnt += hexpnt;
      }
      hm = multiply(hm, hm);
      hexpnt *= 2;
      if (Math.abs(hm[k - 1][k - 1]) > ep128) {
        for (double[] row : hm) {
          for (int c = 0; c < m; c++) {
            row[c] /= ep128;
          }
        }
        hexpnt += 128;
      }
      nn /= 2;
    }
    double p = pw[k - 1][k - 1];
    for (int i = 1; i <= n; i++) {
      p = i * p / n;
      if (Math.abs(p) < em128) {
        p *= ep128;
        expnt -= 128;
      }
    }
    if (expnt != 0) {
      p = Math.scalb(p, expnt);
    }
    return clip(p);
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int m = a.length;
    double[][] c = new double[m][m];
    for (int i = 0; i < m; i++) {
      double[] ci = c[i];
      double[] ai = a[i];
      for (int k = 0; k < m; k++) {
        double aik = ai[k];
        if (aik == 0.0) {
          continue;
        }
        double[] bk = b[k];
        for (int j = 0; j < m; j++) {
          ci[j] += aik * bk[j];
        }
      }
    }
    return c;
  }

  /** Pelz &amp; Good (1976) approximation of {@code P(D_n <= x)}. */
  public static double pelzGoodCdf(int n, double x) {
    if (x <= 0.0) {
      return 0.0;
    }
    if (x >= 1.0) {
      return 1.0;
    }
    double z = Math.sqrt(n) * x;
    double z2 = z * z;
    double z3 = z2 * z;
    double z4 = z2 * z2;
    double z6 = z4 * z2;
    double qlog = -PI2 / 8 / z2;
    if (qlog < MIN_LOG) {
      return 0.0;
    }
    double q = Math.exp(qlog);
    double k1a = -z2;
    double k1b = PI2 / 4;
    double k2a = 6 * z6 + 2 * z4;
    double k2b = (2 * z4 - 5 * z2) * PI2 / 4;
    double k2c = PI4 * (1 - 2 * z2) / 16;
    double k3d = PI6 * (5 - 30 * z2) / 64;
    double k3c = PI4 * (-60 * z2 + 212 * z4) / 16;
    double k3b = PI2 * (135 * z4 - 96 * z6) / 4;
    double k3a = -30 * z6 - 90 * Math.pow(z, 8);
    double[] k03 = new double[4];
    int maxk = (int) Math.ceil(16 * z / Math.PI);
    for (int k = maxk; k > 0; k--) {
      double mm = 2 * k - 1;
      double m2 = mm * mm;
      double m4 = m2 * m2;
      double m6 = m4 * m2;
      double qp = Math.pow(q, 8 * k);
      double[] coeffs = {
        1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6
      };
      for (int i = 0; i < 4; i++) {
        k03[i] = k03[i] * qp + coeffs[i];
      }
    }
    double[] div = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
    for (int i = 0; i < 4; i++) {
      k03[i] = k03[i] * q * SQRT2PI / div[i];
    }
    double q2 = Math.exp(-PI2 / 2 / z2);
    double k2extra = 0.0;
    double k3extra = 0.0;
    double sqrt3z = SQRT3 * z;
    for (int k = maxk; k > 0; k--) {
      double ks2 = (double) k * k;
      double qp = Math.pow(q2, ks2);
      k2extra += ks2 * qp;
      double kspi = Math.PI * k;
      k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ks2 * qp;
    }
    k03[2] += k2extra * PI2 * SQRT2PI / (-36 * z3);
    k03[3] += k3extra * PI2 * SQRT2PI / (216 * z6);
    double sum = 0.0;
    for (int i = 0; i < 4; i++) {
      sum += k03[i] / Math.pow(n, i / 2.0);
    }
    return sum;
  }

  public static double clip(double p) {
    return p < 0 ? 0.0 : (p > 1 ? 1.0 : p);
  }
}
