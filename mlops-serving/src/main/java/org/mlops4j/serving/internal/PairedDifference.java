package org.mlops4j.serving.internal;

/**
 * Running mean and variance (Welford) of paired differences {@code d = challenger - champion} of
 * per-request losses, and the normal-approximation interval {@code mean(d) +- z * sd(d) / sqrt(n)},
 * sd with n - 1 (Bessel). Not thread-safe: callers synchronise.
 */
public final class PairedDifference {
  /** The 0.975 quantile of the standard normal ({@code scipy.stats.norm.ppf(0.975)}). */
  public static final double Z_975 = 1.959963984540054;

  private long n;
  private double mean;
  private double m2;
  private double championSum;
  private double challengerSum;

  /**
   * @param champion the champion's loss on one request
   * @param challenger the challenger's loss on the same request
   */
  public void add(double champion, double challenger) {
    double d = challenger - champion;
    n++;
    double delta = d - mean;
    mean += delta / n;
    m2 += delta * (d - mean);
    championSum += champion;
    challengerSum += challenger;
  }

  /**
   * @return pairs added
   */
  public long count() {
    return n;
  }

  /**
   * @return mean champion loss, NaN without pairs
   */
  public double championMean() {
    return n == 0 ? Double.NaN : championSum / n;
  }

  /**
   * @return mean challenger loss, NaN without pairs
   */
  public double challengerMean() {
    return n == 0 ? Double.NaN : challengerSum / n;
  }

  /**
   * @return mean difference, NaN without pairs
   */
  public double mean() {
    return n == 0 ? Double.NaN : mean;
  }

  /**
   * @return half the width of the 95% interval, NaN with fewer than 2 pairs
   */
  public double halfWidth() {
    if (n < 2) {
      return Double.NaN;
    }
    return Z_975 * Math.sqrt(m2 / (n - 1)) / Math.sqrt(n);
  }
}
