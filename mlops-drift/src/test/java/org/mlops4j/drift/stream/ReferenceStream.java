package org.mlops4j.drift.stream;

import java.util.SplittableRandom;

/**
 * The generator of the reference streams of the MOA cross-check ({@code docs/MOA.md}, fixture
 * {@code src/test/resources/moa/moa-2024.07.0.json}): the tests regenerate every stream from its
 * parameters, and the throwaway driver that ran MOA 2024.07.0 compiled this same file.
 *
 * <p>A stream is {@code length} values drawn with {@code new SplittableRandom(seed)}. Its level at
 * index i (0-based) is piecewise linear through the points {@code (t_k, v_k)} of {@code level}
 * (constant before the first point and after the last): {@code v_(k-1) + (v_k - v_(k-1)) ((i -
 * t_(k-1)) / (t_k - t_(k-1)))} for {@code t_(k-1) < i <= t_k}. An abrupt change is two points one
 * index apart, a gradual one two points further apart.
 *
 * <ul>
 *   <li>{@code bernoulli}: the level is the error rate p_i; value {@code u < p_i ? 1 : 0} with
 *       {@code u = nextDouble()} (one draw per value, as {@link Streams#bernoulli});
 *   <li>{@code gaussian}: the level is the mean; value {@code mean_i + sd * z}, z a standard normal
 *       from two draws by Box–Muller, cosine branch ({@code sqrt(-2 ln(1 - u1)) cos(2 pi u2)}, as
 *       {@link Streams#gauss}).
 * </ul>
 *
 * Only {@code java.util.SplittableRandom} and {@code java.lang.Math} are used, whose results are
 * specified (SplittableRandom's algorithm; {@code Math.log}/{@code cos}/{@code sqrt} on the JDKs we
 * build with), so the streams are the same bits on every run.
 */
final class ReferenceStream {

  private ReferenceStream() {}

  /**
   * @param kind {@code bernoulli} or {@code gaussian}
   * @param seed seed of the SplittableRandom
   * @param length number of values
   * @param level points (index, level), indices increasing
   * @param sd standard deviation of a gaussian stream (ignored for bernoulli)
   * @return the stream
   */
  static double[] generate(String kind, long seed, int length, double[][] level, double sd) {
    boolean gaussian;
    if (kind.equals("gaussian")) {
      gaussian = true;
    } else if (kind.equals("bernoulli")) {
      gaussian = false;
    } else {
      throw new IllegalArgumentException("kind must be bernoulli or gaussian, but was " + kind);
    }
    SplittableRandom r = new SplittableRandom(seed);
    double[] xs = new double[length];
    for (int i = 0; i < length; i++) {
      double v = level(level, i);
      if (gaussian) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        xs[i] = v + sd * (Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2));
      } else {
        xs[i] = r.nextDouble() < v ? 1 : 0;
      }
    }
    return xs;
  }

  /** The piecewise-linear level at index i. */
  static double level(double[][] points, int i) {
    if (i <= points[0][0]) {
      return points[0][1];
    }
    for (int k = 1; k < points.length; k++) {
      if (i <= points[k][0]) {
        double t0 = points[k - 1][0];
        double v0 = points[k - 1][1];
        double t1 = points[k][0];
        double v1 = points[k][1];
        return v0 + (v1 - v0) * ((i - t0) / (t1 - t0));
      }
    }
    return points[points.length - 1][1];
  }
}
