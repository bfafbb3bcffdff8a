package org.mlops4j.drift;

import org.mlops4j.drift.internal.Sorting;
import org.mlops4j.drift.internal.Stats;

/**
 * Wasserstein-1 (earth mover's) distance of two one-dimensional samples, {@code integral |F_u(x) -
 * F_v(x)| dx} over the empirical CDFs (Vallender 1974), as SciPy's {@code
 * scipy.stats.wasserstein_distance(u, v)}; and the same divided by the population standard
 * deviation (ddof = 0) of the reference, a scale-free effect size.
 *
 * @since 0.1.0
 */
public final class Wasserstein {
  private Wasserstein() {}

  /**
   * @throws IllegalArgumentException if a sample is empty or has a non-finite value
   */
  public static double distance(double[] reference, double[] current) {
    Checks.finite("reference", reference);
    Checks.finite("current", current);
    double[] u = reference.clone();
    double[] v = current.clone();
    Sorting.sort(u);
    Sorting.sort(v);
    return Stats.wassersteinSorted(u, u.length, v, v.length);
  }

  /**
   * Distance divided by the reference's standard deviation (ddof = 0).
   *
   * @throws IllegalArgumentException as {@link #distance}, or if the reference is constant
   */
  public static double normalized(double[] reference, double[] current) {
    double d = distance(reference, current);
    double sd = Stats.std(reference, reference.length);
    if (!(sd > 0)) {
      throw new IllegalArgumentException(
          "reference is constant (standard deviation 0): normalized Wasserstein is undefined");
    }
    return d / sd;
  }
}
