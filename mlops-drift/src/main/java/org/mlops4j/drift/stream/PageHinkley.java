package org.mlops4j.drift.stream;

import org.mlops4j.api.internal.Require;

/**
 * The Page–Hinkley test (E. S. Page, "Continuous Inspection Schemes", Biometrika 41(1/2), 1954),
 * with the fading factor of MOA's {@code PageHinkleyDM} and river's {@code PageHinkley}: a
 * cumulative-sum detector of a change in the mean of a real-valued stream.
 *
 * <p><b>Algorithm.</b> With {@code x̄_t} the running mean of the values since the last drift
 * (including x_t), the faded cumulative sums are
 *
 * <pre>
 *   U_t = alpha U_(t-1) + (x_t - x̄_t - delta)    (increases)
 *   L_t = alpha L_(t-1) + (x_t - x̄_t + delta)    (decreases)
 * </pre>
 *
 * (each computed only for the direction watched). Two variants ({@link
 * Builder#variant(DetectorVariant)}) compare them with the threshold lambda differently:
 *
 * <ul>
 *   <li>{@link DetectorVariant#TEXTBOOK} (the default): Page's test, which measures the cumulative
 *       sum from its lowest point: with {@code m_t = min(U_1..U_t)} and {@code M_t =
 *       max(L_1..L_t)}, an increase is detected when {@code U_t - m_t > threshold}, a decrease when
 *       {@code M_t - L_t > threshold}, once {@code t >= minInstances}. River's {@code
 *       drift.PageHinkley} computes the same statistics.
 *   <li>{@link DetectorVariant#MOA}: MOA 2024.07.0's {@code
 *       moa.classifiers.core.driftdetection.PageHinkleyDM}, which compares the faded sum itself,
 *       with no minimum subtracted: an increase is detected when {@code U_t > threshold}, tested
 *       from value {@code minInstances - 1} on (MOA's counter runs one ahead; the 29th value with
 *       the default). The drift indices equal MOA's. MOA watches increases only; {@link
 *       Direction#DOWN} here mirrors it ({@code L_t < -threshold}).
 * </ul>
 *
 * With the fading factor the sum {@code U_t} of a stationary stream hovers around {@code -delta /
 * (1 - alpha)} (-50 with the defaults) and its distance from its own running minimum often exceeds
 * lambda, so the textbook variant raises more false alarms than MOA's on long stationary streams
 * (35 against 5 on 100,000 N(0, 1) values of {@code docs/MOA.md}); with {@code alpha(1.0)} it is
 * Page's original test. On {@link DriftState#DRIFT} the statistics restart from zero. Page–Hinkley
 * never reports {@link DriftState#WARNING}.
 *
 * <p><b>Defaults</b> (MOA, scikit-multiflow, river): {@code minInstances} = 30, {@code delta} =
 * 0.005 (magnitude of changes tolerated), {@code threshold} (lambda) = 50, {@code alpha} = 1 -
 * 0.0001 (fading factor), direction {@link Direction#UP} (an error that increases; river's default
 * is both), variant {@link DetectorVariant#TEXTBOOK}.
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
  private final DetectorVariant variant;
  private final boolean moa;
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
    this.variant = b.variant;
    this.moa = variant == DetectorVariant.MOA;
    this.watchUp = direction != Direction.DOWN;
    this.watchDown = direction != Direction.UP;
    clearStatistics();
  }

  /**
   * @return a Page–Hinkley test with min 30 values, delta 0.005, lambda 50, alpha 0.9999, UP, the
   *     textbook variant
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
    if (moa) {
      return moaStep(x);
    }
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

  /** MOA's PageHinkleyDM.input (the same expressions, so the same rounding), both directions. */
  private DriftState moaStep(double x) {
    if (watchUp) {
      sumUp = alpha * sumUp + (x - mean - delta);
    }
    if (watchDown) {
      sumDown = alpha * sumDown + (x - mean + delta);
    }
    if (n + 1 < minInstances) {
      return DriftState.STABLE;
    }
    if ((watchUp && sumUp > threshold) || (watchDown && -sumDown > threshold)) {
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
   * @return the statistic compared with the threshold for increases: U_t - m_t (textbook) or U_t
   *     (MOA); 0 before any value, and always 0 with {@link Direction#DOWN}
   */
  public double statisticUp() {
    if (n == 0 || !watchUp) {
      return 0.0;
    }
    return moa ? sumUp : sumUp - minUp;
  }

  /**
   * @return the statistic compared with the threshold for decreases: M_t - L_t (textbook) or -L_t
   *     (MOA); 0 before any value, and always 0 with {@link Direction#UP}
   */
  public double statisticDown() {
    if (n == 0 || !watchDown) {
      return 0.0;
    }
    return moa ? -sumDown : maxDown - sumDown;
  }

  /**
   * @return the variant, {@link DetectorVariant#TEXTBOOK} unless configured
   */
  public DetectorVariant variant() {
    return variant;
  }

  @Override
  public PageHinkley freshCopy() {
    return builder()
        .minInstances(minInstances)
        .delta(delta)
        .threshold(threshold)
        .alpha(alpha)
        .direction(direction)
        .variant(variant)
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
        + ", variant="
        + variant
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
    private DetectorVariant variant = DetectorVariant.TEXTBOOK;

    private Builder() {}

    /**
     * @param minInstances values before any test, at least 1; default 30 (MOA variant: tests from
     *     value {@code minInstances - 1} on, as MOA's {@code minNumInstances})
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
     * @param variant {@link DetectorVariant#TEXTBOOK} (default) or {@link DetectorVariant#MOA}; see
     *     the class javadoc
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder variant(DetectorVariant variant) {
      this.variant = Require.nonNull(variant, "variant");
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
