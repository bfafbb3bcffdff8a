package org.mlops4j.fairness.internal;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Seeded bootstrap of per-group confusion counts. Internal.
 *
 * <p>Resampling rows with replacement and counting them is the same as drawing the cell counts from
 * a multinomial distribution with the observed cell frequencies, so replicates are drawn from the
 * counts alone (sequential binomials), in time independent of the number of rows. Stratified: each
 * group keeps its size (a multinomial per group). Not stratified: all rows are resampled together
 * (one multinomial over every group and cell), so group sizes vary. A cell's resampled weight is
 * its drawn row count times the cell's mean weight.
 */
public final class Bootstrap {

  private Bootstrap() {}

  /**
   * @param rows rows[g][c] observed row counts per group and cell
   * @param weights weights[g][c] observed weights
   * @param stratified keep each group's size
   * @param resamples number of replicates
   * @param seed random seed
   * @param statistic maps replicate weights [g][c] to statistics (NaN = undefined)
   * @return [replicate][statistic]
   */
  public static double[][] run(
      long[][] rows,
      double[][] weights,
      boolean stratified,
      int resamples,
      long seed,
      Function<double[][], double[]> statistic) {
    SplittableRandom random = new SplittableRandom(seed);
    UniformRandomProvider rng = random::nextLong;
    int groups = rows.length;
    double[][] meanWeight = new double[groups][4];
    long total = 0;
    for (int g = 0; g < groups; g++) {
      for (int c = 0; c < 4; c++) {
        meanWeight[g][c] = rows[g][c] > 0 ? weights[g][c] / rows[g][c] : 0;
        total += rows[g][c];
      }
    }
    double[][] out = new double[resamples][];
    long[] flat = new long[groups * 4];
    long[] drawn = new long[groups * 4];
    for (int g = 0; g < groups; g++) {
      System.arraycopy(rows[g], 0, flat, 4 * g, 4);
    }
    for (int b = 0; b < resamples; b++) {
      if (stratified) {
        for (int g = 0; g < groups; g++) {
          multinomial(flat, 4 * g, 4, drawn, rng);
        }
      } else {
        multinomial(flat, 0, flat.length, drawn, rng);
      }
      double[][] w = new double[groups][4];
      for (int g = 0; g < groups; g++) {
        for (int c = 0; c < 4; c++) {
          w[g][c] = drawn[4 * g + c] * meanWeight[g][c];
        }
      }
      out[b] = statistic.apply(w);
    }
    if (total < 0) {
      throw new AssertionError();
    }
    return out;
  }

  /**
   * Draws Binomial(n, p) for any long n: the sum of independent binomials over chunks of at most
   * {@link Integer#MAX_VALUE} trials is Binomial(n, p) (a merged GroupCounts may hold more rows
   * than an int counts).
   */
  static long binomial(long n, double p, UniformRandomProvider rng) {
    long x = 0;
    for (long left = n; left > 0; left -= Integer.MAX_VALUE) {
      int trials = (int) Math.min(left, Integer.MAX_VALUE);
      x += BinomialDistribution.of(trials, p).createSampler(rng).sample();
    }
    return x;
  }

  /** Draws a multinomial with n = sum(counts[from..from+len)) and p proportional to counts. */
  private static void multinomial(
      long[] counts, int from, int len, long[] out, UniformRandomProvider rng) {
    long n = 0;
    for (int i = from; i < from + len; i++) {
      n += counts[i];
    }
    long remainingN = n;
    long remainingMass = n;
    for (int i = from; i < from + len; i++) {
      long c = counts[i];
      if (remainingN == 0 || c == 0) {
        out[i] = 0;
      } else if (c == remainingMass) {
        out[i] = remainingN;
        remainingN = 0;
      } else {
        double p = (double) c / remainingMass;
        long x = binomial(remainingN, p, rng);
        out[i] = x;
        remainingN -= x;
      }
      remainingMass -= c;
    }
  }
}
