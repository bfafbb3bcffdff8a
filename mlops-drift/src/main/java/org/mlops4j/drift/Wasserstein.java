package org.mlops4j.drift;

import org.mlops4j.api.internal.Require;
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
   * The distance. Minimum sample size: one value in each sample. Values near ±Double.MAX_VALUE are
   * handled (their differences are halved, then the sum doubled): the result is infinite only when
   * the distance itself exceeds Double.MAX_VALUE.
   *
   * @return the distance, at least 0
   * @throws NullPointerException if a sample is null
   * @throws IllegalArgumentException if a sample is empty or has a non-finite value
   */
  public static double distance(double[] reference, double[] current) {
    Require.finite(Require.nonEmpty(reference, "reference"), "reference");
    Require.finite(Require.nonEmpty(current, "current"), "current");
    double[] u = reference.clone();
    double[] v = current.clone();
    Sorting.sort(u);
    Sorting.sort(v);
    return Stats.wassersteinSorted(u, u.length, v, v.length);
  }

  /**
   * Distance divided by the reference's standard deviation (ddof = 0). Minimum sample size: one
   * value in the current sample, two distinct values in the reference (a constant reference has no
   * scale). The standard deviation is computed on scaled values when its square would overflow.
   *
   * @return the distance divided by the reference's standard deviation
   * @throws NullPointerException if a sample is null
   * @throws IllegalArgumentException as {@link #distance}, or if the reference is constant
   */
  public static double normalized(double[] reference, double[] current) {
    double d = distance(reference, current);
    double sd = Stats.std(reference, reference.length);
    Require.argument(
        sd > 0, "the reference's standard deviation", "positive (a non-constant reference)", sd);
    return d / sd;
  }
}
