package org.mlops4j.drift.stream;

import org.mlops4j.api.internal.Require;

/**
 * The Page–Hinkley test (E. S. Page, "Continuous Inspection Schemes", Biometrika 41(1/2), 1954),
 * with the fading factor of MOA's {@code PageHinkleyDM} and river's {@code PageHinkley}: a
 * cumulative-sum detector of a change in the mean of a real-valued stream.
 *
 * <p><b>Algorithm.</b> With {@code x̄_t} the running mean of the values since the last drift
 * (including x_t), the cumulative sums and their extremes are
 *
 * <pre>
 *   U_t = alpha U_(t-1) + (x_t - x̄_t - delta)    m_t = min(U_1..U_t)
 *   L_t = alpha L_(t-1) + (x_t - x̄_t + delta)    M_t = max(L_1..L_t)
 * </pre>
 *
 * (each computed only for the direction watched) and, once {@code t >= minInstances}, an increase
 * is detected when {@code U_t - m_t > threshold} ({@link Direction#UP}), a decrease when {@code M_t
 * - L_t > threshold} ({@link Direction#DOWN}), either with {@link Direction#BOTH}. On {@link
 * DriftState#DRIFT} the statistics restart from zero. Page–Hinkley never reports {@link
 * DriftState#WARNING}.
 *
 * <p><b>Defaults</b> (MOA, scikit-multiflow, river): {@code minInstances} = 30, {@code delta} =
 * 0.005 (magnitude of changes tolerated), {@code threshold} (lambda) = 50, {@code alpha} = 1 -
 * 0.0001 (fading factor), direction {@link Direction#UP} (an error that increases).
 *
 * @since 0.1.0
 */
public final class PageHinkley extends AbstractDetector {

  /**
   * Which changes of the mean are detected.
   *
   * @since 0.1.0
   */
  public enum Direction {
    /** Increases only. */
    UP,
    /** Decreases only. */
    DOWN,
    /** Increases and decreases. */
    BOTH
  }

  /** Default number of values before any test, 30. */
  public static final int DEFAULT_MIN_INSTANCES = 30;

  /** Default delta, 0.005. */
  public static final double DEFAULT_DELTA = 0.005;

  /** Default threshold lambda, 50. */
  public static final double DEFAULT_THRESHOLD = 50.0;

  /** Default fading factor alpha, 1 - 0.0001. */
  public static final double DEFAULT_ALPHA = 1 - 0.0001;

  private final int minInstances;
  private final double delta;
  private final double threshold;
  private final double alpha;
  private final Direction direction;
  private final boolean watchUp;
  private final boolean watchDown;

  private long n;
  private double mean;
  private double sumUp;
  private double minUp;
  private double sumDown;
  private double maxDown;

  private PageHinkley(Builder b) {
    this.minInstances = b.minInstances;
    this.delta = b.delta;
    this.threshold = b.threshold;
    this.alpha = b.alpha;
    this.direction = b.direction;
    this.watchUp = direction != Direction.DOWN;
    this.watchDown = direction != Direction.UP;
    clearStatistics();
  }

  /**
   * @return a Page–Hinkley test with min 30 values, delta 0.005, lambda 50, alpha 0.9999, UP
   */
  public static PageHinkley defaults() {
    return builder().build();
  }

  /**
   * @return a builder holding the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  DriftState step(double x) {
    n++;
    mean += (x - mean) / n;
    double dev = x - mean;
    boolean drift = false;
    if (watchUp) {
      sumUp = alpha * sumUp + dev - delta;
      if (sumUp < minUp) {
        minUp = sumUp;
      }
      drift = sumUp - minUp > threshold;
    }
    if (watchDown) {
      sumDown = alpha * sumDown + dev + delta;
      if (sumDown > maxDown) {
        maxDown = sumDown;
      }
      drift |= maxDown - sumDown > threshold;
    }
    if (drift && n >= minInstances) {
      clearStatistics();
      return DriftState.DRIFT;
    }
    return DriftState.STABLE;
  }

  @Override
  void clearStatistics() {
    n = 0;
    mean = 0;
    sumUp = 0;
    sumDown = 0;
    minUp = Double.POSITIVE_INFINITY;
    maxDown = Double.NEGATIVE_INFINITY;
  }

  /**
   * @return the running mean since the last drift (0 before any value)
   */
  public double mean() {
    return mean;
  }

  /**
   * @return U_t, the cumulative sum for increases (0 before any value)
   */
  public double cumulativeSumUp() {
    return sumUp;
  }

  /**
   * @return U_t - m_t, the statistic compared with the threshold for increases (0 before any value,
   *     and always 0 with {@link Direction#DOWN})
   */
  public double statisticUp() {
    return n == 0 || !watchUp ? 0.0 : sumUp - minUp;
  }

  /**
   * @return M_t - L_t, the statistic compared with the threshold for decreases (0 before any value,
   *     and always 0 with {@link Direction#UP})
   */
  public double statisticDown() {
    return n == 0 || !watchDown ? 0.0 : maxDown - sumDown;
  }

  @Override
  public PageHinkley freshCopy() {
    return builder()
        .minInstances(minInstances)
        .delta(delta)
        .threshold(threshold)
        .alpha(alpha)
        .direction(direction)
        .build();
  }

  @Override
  public String toString() {
    return "PageHinkley[delta="
        + delta
        + ", threshold="
        + threshold
        + ", alpha="
        + alpha
        + ", direction="
        + direction
        + ", mean="
        + mean
        + ", state="
        + state()
        + ", updates="
        + updates()
        + ", drifts="
        + drifts()
        + "]";
  }

  /**
   * Builder of {@link PageHinkley}; every setter validates its argument.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private int minInstances = DEFAULT_MIN_INSTANCES;
    private double delta = DEFAULT_DELTA;
    private double threshold = DEFAULT_THRESHOLD;
    private double alpha = DEFAULT_ALPHA;
    private Direction direction = Direction.UP;

    private Builder() {}

    /**
     * @param minInstances values before any test, at least 1; default 30
     * @return this builder
     * @throws IllegalArgumentException if &lt; 1
     */
    public Builder minInstances(int minInstances) {
      this.minInstances = requireAtLeast("minInstances", minInstances, 1);
      return this;
    }

    /**
     * @param delta tolerated magnitude of change, non-negative; default 0.005
     * @return this builder
     * @throws IllegalArgumentException if negative or not finite
     */
    public Builder delta(double delta) {
      this.delta = Require.nonNegative(delta, "delta");
      return this;
    }

    /**
     * @param threshold lambda, positive; default 50
     * @return this builder
     * @throws IllegalArgumentException if not positive and finite
     */
    public Builder threshold(double threshold) {
      this.threshold = Require.positive(threshold, "threshold");
      return this;
    }

    /**
     * @param alpha fading factor in (0, 1]; default 0.9999
     * @return this builder
     * @throws IllegalArgumentException if not in (0, 1]
     */
    public Builder alpha(double alpha) {
      Require.argument(alpha > 0 && alpha <= 1, "alpha", "in (0, 1]", alpha);
      this.alpha = alpha;
      return this;
    }

    /**
     * @param direction the changes detected; default UP
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder direction(Direction direction) {
      this.direction = Require.nonNull(direction, "direction");
      return this;
    }

    /**
     * @return a new detector
     */
    public PageHinkley build() {
      return new PageHinkley(this);
    }
  }
}
