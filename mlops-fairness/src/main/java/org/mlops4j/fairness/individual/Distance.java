package org.mlops4j.fairness.individual;

import org.mlops4j.api.internal.Require;

/**
 * A distance between two feature vectors of the same length, used to find neighbours ({@link
 * Consistency}) and to measure how far apart two individuals are ({@link LipschitzAudit}).
 *
 * <p>Built-in distances:
 *
 * <ul>
 *   <li>{@link #euclidean()} &mdash; {@code sqrt(sum_j (a_j - b_j)^2)}, the default everywhere (as
 *       in scikit-learn's {@code NearestNeighbors}, Minkowski with p = 2);
 *   <li>{@link #manhattan()} &mdash; {@code sum_j |a_j - b_j|}.
 * </ul>
 *
 * <p>Any lambda {@code (a, b) -> ...} is a distance too; give it a name with {@link #of(String,
 * Distance)} so that results and logs say which one was used. A custom distance must be
 * non-negative and symmetric; {@link Consistency} searches neighbours under a custom distance by
 * brute force (the built-in ones use a k-d tree): exactly up to 10,000 rows by default, by sampling
 * query rows above that, see there.
 *
 * <pre>{@code
 * Distance chebyshev = Distance.of("chebyshev", (a, b) -> {
 *   double m = 0;
 *   for (int j = 0; j < a.length; j++) m = Math.max(m, Math.abs(a[j] - b[j]));
 *   return m;
 * });
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Distance {

  /**
   * @param a a feature vector
   * @param b a feature vector of the same length
   * @return the distance between a and b, non-negative
   */
  double between(double[] a, double[] b);

  /**
   * @return a short name for reports and logs; "custom" unless given by {@link #of}
   */
  default String name() {
    return "custom";
  }

  /**
   * @return the Euclidean (L2) distance
   */
  static Distance euclidean() {
    return StandardDistance.EUCLIDEAN;
  }

  /**
   * @return the Manhattan (L1, city-block) distance
   */
  static Distance manhattan() {
    return StandardDistance.MANHATTAN;
  }

  /**
   * Names a custom distance.
   *
   * @param name the name shown in results, for example "chebyshev"
   * @param distance the distance function
   * @return a distance with that name
   * @throws NullPointerException if name or distance is null
   * @throws IllegalArgumentException if name is blank
   */
  static Distance of(String name, Distance distance) {
    Require.nonBlank(name, "name");
    Require.nonNull(distance, "distance");
    return new NamedDistance(name, distance);
  }
}
