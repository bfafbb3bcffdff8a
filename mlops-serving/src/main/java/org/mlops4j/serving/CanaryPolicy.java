package org.mlops4j.serving;

import java.time.Duration;
import java.util.Locale;
import org.mlops4j.api.internal.Require;

/**
 * How a canary release runs and when it is rolled back.
 *
 * <p><b>Routing.</b> A request goes to the canary when its routing key's bucket is below {@code
 * share × 10,000}; the bucket is FNV-1a (32 bits, over the key's UTF-8 bytes) modulo 10,000, so a
 * key always lands on the same side (sticky), across JVMs and restarts, and raising the share only
 * adds keys. Without a routing key, each request is drawn at random with probability {@code share}.
 *
 * <p><b>Rollback.</b> Every {@code checkEvery} canary requests, once it has answered at least
 * {@code minRequests}, the canary is rolled back (its traffic returns to the champion, a {@link
 * ServingEventType#CANARY_ROLLBACK} event is raised) when
 *
 * <ul>
 *   <li>its error rate, (exceptions + labelled answers that were wrong) / canary requests, exceeds
 *       {@code maxErrorRate};
 *   <li>its p99 latency exceeds {@code maxP99Latency};
 *   <li>the PSI of its last scores against the champion's last scores (10 quantile bins of the
 *       champion's, epsilon 1e-4: {@code org.mlops4j.drift.Psi.numeric}) exceeds {@code
 *       maxScorePsi}.
 * </ul>
 *
 * <p>The check runs on the request thread that completes the {@code checkEvery}-th canary call (the
 * PSI sorts at most 1,024 scores): that one request pays for it.
 *
 * <p>Defaults: share 0.05, minRequests 100, checkEvery 50, maxErrorRate 0.05, maxP99Latency 1 s,
 * maxScorePsi 0.25 (the "significant shift" cut-off of PSI).
 *
 * @since 0.1.0
 */
public final class CanaryPolicy {
  private final double share;
  private final int minRequests;
  private final int checkEvery;
  private final double maxErrorRate;
  private final Duration maxP99Latency;
  private final double maxScorePsi;

  private CanaryPolicy(Builder b) {
    this.share = b.share;
    this.minRequests = b.minRequests;
    this.checkEvery = b.checkEvery;
    this.maxErrorRate = b.maxErrorRate;
    this.maxP99Latency = b.maxP99Latency;
    this.maxScorePsi = b.maxScorePsi;
  }

  /**
   * @return share 0.05 and the default bounds
   */
  public static CanaryPolicy defaults() {
    return builder().build();
  }

  /**
   * @return a builder holding the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the share of requests answered by the canary, in (0, 1]
   */
  public double share() {
    return share;
  }

  /**
   * @return canary requests before the bounds are checked
   */
  public int minRequests() {
    return minRequests;
  }

  /**
   * @return canary requests between two checks
   */
  public int checkEvery() {
    return checkEvery;
  }

  /**
   * @return the largest tolerated error rate
   */
  public double maxErrorRate() {
    return maxErrorRate;
  }

  /**
   * @return the largest tolerated p99 latency
   */
  public Duration maxP99Latency() {
    return maxP99Latency;
  }

  /**
   * @return the largest tolerated PSI of canary scores against champion scores
   */
  public double maxScorePsi() {
    return maxScorePsi;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "CanaryPolicy[share=%s, minRequests=%d, checkEvery=%d, maxErrorRate=%s, maxP99Latency=%s,"
            + " maxScorePsi=%s]",
        share,
        minRequests,
        checkEvery,
        maxErrorRate,
        maxP99Latency,
        maxScorePsi);
  }

  /**
   * Builder of {@link CanaryPolicy}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private double share = 0.05;
    private int minRequests = 100;
    private int checkEvery = 50;
    private double maxErrorRate = 0.05;
    private Duration maxP99Latency = Duration.ofSeconds(1);
    private double maxScorePsi = 0.25;

    private Builder() {}

    /**
     * @param share share of requests the canary answers, in (0, 1]; default 0.05
     * @return this builder
     * @throws IllegalArgumentException if not in (0, 1]
     */
    public Builder share(double share) {
      Require.argument(share > 0 && share <= 1, "share", "in (0, 1]", share);
      this.share = share;
      return this;
    }

    /**
     * @param requests canary requests before the bounds are checked, at least 1; default 100
     * @return this builder
     * @throws IllegalArgumentException if &lt; 1
     */
    public Builder minRequests(int requests) {
      this.minRequests = Require.positive(requests, "minRequests");
      return this;
    }

    /**
     * @param requests canary requests between two checks, at least 1; default 50
     * @return this builder
     * @throws IllegalArgumentException if &lt; 1
     */
    public Builder checkEvery(int requests) {
      this.checkEvery = Require.positive(requests, "checkEvery");
      return this;
    }

    /**
     * @param rate largest tolerated error rate, in [0, 1]; default 0.05
     * @return this builder
     * @throws IllegalArgumentException if not in [0, 1]
     */
    public Builder maxErrorRate(double rate) {
      this.maxErrorRate = Require.closedUnit(rate, "maxErrorRate");
      return this;
    }

    /**
     * @param latency largest tolerated p99 latency, positive; default 1 s
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxP99Latency(Duration latency) {
      Require.nonNull(latency, "maxP99Latency");
      Require.argument(
          !latency.isNegative() && !latency.isZero(), "maxP99Latency", "positive", latency);
      this.maxP99Latency = latency;
      return this;
    }

    /**
     * @param psi largest tolerated PSI of canary scores against champion scores, positive; default
     *     0.25
     * @return this builder
     * @throws IllegalArgumentException if not positive and finite
     */
    public Builder maxScorePsi(double psi) {
      Require.argument(psi > 0 && Double.isFinite(psi), "maxScorePsi", "positive and finite", psi);
      this.maxScorePsi = psi;
      return this;
    }

    /**
     * @return the policy
     */
    public CanaryPolicy build() {
      return new CanaryPolicy(this);
    }
  }
}
