package org.mlops4j.drift;

import org.mlops4j.drift.internal.Stats;

/**
 * Jensen–Shannon distance with logarithm base 2, so it lies in [0, 1]: {@code sqrt((KL(p||m) +
 * KL(q||m)) / 2)} with {@code m = (p + q) / 2}, after normalising p and q to sum 1 (Lin 1991;
 * Endres &amp; Schindelin 2003), as SciPy's {@code scipy.spatial.distance.jensenshannon(p, q,
 * base=2)}.
 *
 * @since 0.1.0
 */
public final class JensenShannon {
  private JensenShannon() {}

  /**
   * Distance of two weight vectors.
   *
   * @throws IllegalArgumentException on a length mismatch, a negative or non-finite weight, or an
   *     all-zero vector
   */
  public static double distance(double[] p, double[] q) {
    if (p.length != q.length) {
      throw new IllegalArgumentException(
          "length mismatch: p has " + p.length + " entries but q has " + q.length);
    }
    check("p", p);
    check("q", q);
    return Stats.jensenShannon(p, q);
  }

  /** Distance of the category shares (reference categories plus the unseen bucket). */
  public static double categorical(String[] reference, String[] current) {
    Checks.categories("reference", reference);
    Checks.categories("current", current);
    long[][] c = Psi.categoryCounts(reference, current);
    return Stats.jensenShannon(toDouble(c[0]), toDouble(c[1]));
  }

  static double[] toDouble(long[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }

  private static void check(String name, double[] w) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] must be finite and >= 0 but was " + w[i]);
      }
      s += w[i];
    }
    if (s == 0) {
      throw new IllegalArgumentException(name + " must not be all zero");
    }
  }
}
