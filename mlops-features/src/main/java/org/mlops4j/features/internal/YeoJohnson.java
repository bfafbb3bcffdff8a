package org.mlops4j.features.internal;

import java.util.function.DoubleUnaryOperator;

/**
 * The Yeo-Johnson power transform (Yeo &amp; Johnson 2000, Biometrika 87(4)) and the lambda that
 * maximises its normal log-likelihood, as {@code scipy.stats.yeojohnson} (SciPy 1.17): the same
 * formulas ({@code expm1}/{@code log1p} forms), the same bounds and Brent's bounded minimiser of
 * {@code scipy.optimize.fminbound} with {@code xtol = 1.48e-8}. Uses {@link StrictMath} so that a
 * transformed value has the same bits in every JVM.
 */
public final class YeoJohnson {
  private YeoJohnson() {}

  /** The transform of one value; NaN stays NaN. */
  public static double transform(double x, double lambda) {
    if (x >= 0) {
      if (Math.abs(lambda) < 0x1.0p-52) {
        return StrictMath.log1p(x);
      }
      return StrictMath.expm1(lambda * StrictMath.log1p(x)) / lambda;
    }
    if (x < 0) {
      if (Math.abs(lambda - 2) > 0x1.0p-52) {
        return -StrictMath.expm1((2 - lambda) * StrictMath.log1p(-x)) / (2 - lambda);
      }
      return -StrictMath.log1p(-x);
    }
    return x;
  }

  /** The log-likelihood of lambda (scipy.stats.yeojohnson_llf); +Infinity on a tiny variance. */
  public static double logLikelihood(double[] x, double lambda) {
    int n = x.length;
    double mean = 0;
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = transform(x[i], lambda);
      mean += t[i];
    }
    mean /= n;
    double var = 0;
    double signedLog = 0;
    for (int i = 0; i < n; i++) {
      double d = t[i] - mean;
      var += d * d;
      signedLog += Math.signum(x[i]) * StrictMath.log1p(Math.abs(x[i]));
    }
    var /= n;
    if (var < Double.MIN_NORMAL) {
      return Double.POSITIVE_INFINITY;
    }
    return -n / 2.0 * StrictMath.log(var) + (lambda - 1) * signedLog;
  }

  /**
   * The maximum-likelihood lambda of finite values (scipy.stats.yeojohnson_normmax): 1 when every
   * value is 0.
   */
  public static double fitLambda(double[] x) {
    boolean allZero = true;
    boolean allNegative = true;
    boolean anyNegative = false;
    double maxAbs = 0;
    for (double v : x) {
      allZero &= v == 0;
      allNegative &= v < 0;
      anyNegative |= v < 0;
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
    if (allZero) {
      return 1.0;
    }
    double log1pMax = Math.log1p(20 * maxAbs);
    double logEps = Math.log(Math.ulp(1.0));
    double logTiny = (Math.log(Double.MIN_NORMAL) - logEps) / 2;
    double logMax = (Math.log(Double.MAX_VALUE) + logEps) / 2;
    double lb = logTiny / log1pMax;
    double ub = logMax / log1pMax;
    if (allNegative) {
      double l = 2 - ub;
      ub = 2 - lb;
      lb = l;
    } else if (anyNegative) {
      double l = Math.max(2 - ub, lb);
      ub = Math.min(2 - lb, ub);
      lb = l;
    }
    return fminbound(
        lambda -> {
          double llf = logLikelihood(x, lambda);
          return Double.isInfinite(llf) ? Double.POSITIVE_INFINITY : -llf;
        },
        lb,
        ub,
        1.48e-8,
        500);
  }

  /** Brent's bounded scalar minimiser, a port of scipy.optimize._minimize_scalar_bounded. */
  static double fminbound(
      DoubleUnaryOperator func, double x1, double x2, double xatol, int maxfun) {
    double sqrtEps = Math.sqrt(2.2e-16);
    double goldenMean = 0.5 * (3.0 - Math.sqrt(5.0));
    double a = x1;
    double b = x2;
    double fulc = a + goldenMean * (b - a);
    double nfc = fulc;
    double xf = fulc;
    double rat = 0;
    double e = 0;
    double x;
    double fx = func.applyAsDouble(xf);
    int num = 1;
    double ffulc = fx;
    double fnfc = fx;
    double xm = 0.5 * (a + b);
    double tol1 = sqrtEps * Math.abs(xf) + xatol / 3.0;
    double tol2 = 2.0 * tol1;
    while (Math.abs(xf - xm) > (tol2 - 0.5 * (b - a))) {
      boolean golden = true;
      if (Math.abs(e) > tol1) {
        golden = false;
        double r = (xf - nfc) * (fx - ffulc);
        double q = (xf - fulc) * (fx - fnfc);
        double p = (xf - fulc) * q - (xf - nfc) * r;
        q = 2.0 * (q - r);
        if (q > 0.0) {
          p = -p;
        }
        q = Math.abs(q);
        r = e;
        e = rat;
        if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - xf) && p < q * (b - xf)) {
          rat = (p + 0.0) / q;
          x = xf + rat;
          if ((x - a) < tol2 || (b - x) < tol2) {
            double si = Math.signum(xm - xf) + ((xm - xf) == 0 ? 1 : 0);
            rat = tol1 * si;
          }
        } else {
          golden = true;
        }
      }
      if (golden) {
        e = xf >= xm ? a - xf : b - xf;
        rat = goldenMean * e;
      }
      double si = Math.signum(rat) + (rat == 0 ? 1 : 0);
      x = xf + si * Math.max(Math.abs(rat), tol1);
      double fu = func.applyAsDouble(x);
      num++;
      if (fu <= fx) {
        if (x >= xf) {
          a = xf;
        } else {
          b = xf;
        }
        fulc = nfc;
        ffulc = fnfc;
        nfc = xf;
        fnfc = fx;
        xf = x;
        fx = fu;
      } else {
        if (x < xf) {
          a = x;
        } else {
          b = x;
        }
        if (fu <= fnfc || nfc == xf) {
          fulc = nfc;
          ffulc = fnfc;
          nfc = x;
          fnfc = fu;
        } else if (fu <= ffulc || fulc == xf || fulc == nfc) {
          fulc = x;
          ffulc = fu;
        }
      }
      xm = 0.5 * (a + b);
      tol1 = sqrtEps * Math.abs(xf) + xatol / 3.0;
      tol2 = 2.0 * tol1;
      if (num >= maxfun) {
        break;
      }
    }
    return xf;
  }
}
