package org.mlops4j.drift;

import org.mlops4j.api.internal.Require;
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
   * Distance of two weight vectors. Minimum: a positive total on each side.
   *
   * @throws NullPointerException if a vector is null
   * @throws IllegalArgumentException on a length mismatch, a negative or non-finite weight, or an
   *     all-zero vector
   */
  public static double distance(double[] p, double[] q) {
    Require.nonNull(p, "p");
    Require.nonNull(q, "q");
    Require.sameLength(q.length, "q", p.length, "p");
    check("p", p);
    check("q", q);
    return Stats.jensenShannon(p, q);
  }

  /**
   * Distance of the category shares (reference categories plus the unseen bucket).
   *
   * @throws NullPointerException if a sample or one of its labels is null
   * @throws IllegalArgumentException if a sample is empty
   */
  public static double categorical(String[] reference, String[] current) {
    Psi.checkLabels(reference, "reference");
    Psi.checkLabels(current, "current");
    long[][] c = Psi.categoryCounts(reference, current);
    return Stats.jensenShannon(Stats.toDouble(c[0]), Stats.toDouble(c[1]));
  }

  private static void check(String name, double[] w) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      Require.nonNegative(w[i], name + "[" + i + "]");
      s += w[i];
    }
    Require.argument(s > 0, name, "weights with a positive total", "all zero");
  }
}
