package org.mlops4j.drift.stream;

import org.mlops4j.api.internal.Require;

/**
 * DDM, the Drift Detection Method of Gama, Medas, Castillo &amp; Rodrigues ("Learning with Drift
 * Detection", SBIA 2004, LNCS 3171), on a stream of error indicators (1 = the model was wrong).
 *
 * <p><b>Algorithm.</b> After i values, the error rate is {@code p_i} (the mean of the values) and
 * its standard deviation {@code s_i = sqrt(p_i (1 - p_i) / i)}. DDM keeps the minimum of {@code p_i
 * + s_i} seen so far, with its {@code p_min} and {@code s_min} (updated when {@code p_i + s_i <=
 * p_min + s_min}), and reports
 *
 * <ul>
 *   <li>{@link DriftState#DRIFT} when {@code p_i + s_i > p_min + driftLevel * s_min}; the
 *       statistics then restart from zero;
 *   <li>{@link DriftState#WARNING} when {@code p_i + s_i > p_min + warningLevel * s_min};
 *   <li>{@link DriftState#STABLE} otherwise.
 * </ul>
 *
 * <p><b>Variants</b> ({@link Builder#variant(DetectorVariant)}). The paper relies on the normal
 * approximation of the binomial once the number of examples is large enough (about 30) and does not
 * say at which value the minimum and the tests start; the two variants read this differently:
 *
 * <ul>
 *   <li>{@link DetectorVariant#MOA} (the default): as MOA 2024.07.0's {@code
 *       moa.classifiers.core.driftdetection.DDM}, whose counter runs one ahead of the number of
 *       values: the minimum is updated and the warning tested from value {@code minInstances - 1}
 *       on (the 29th with the default), the drift from value {@code minInstances} on (the 30th);
 *       {@code p_i} is MOA's running mean {@code p_i = p_(i-1) + (x_i - p_(i-1)) / i}. The drift
 *       and warning indices equal MOA's, and {@code minInstances} equals MOA's option {@code
 *       -n/minNumInstances}.
 *   <li>{@link DetectorVariant#TEXTBOOK}: the minimum, the warning and the drift all from value
 *       {@code minInstances} on, with {@code p_i = errors / i}.
 * </ul>
 *
 * River's {@code drift.binary.DDM} starts all three after {@code warm_start} = 30 values, that is
 * from the 31st: see {@code docs/MOA.md}.
 *
 * <p><b>Defaults</b> (the paper's, and MOA's/river's): {@code warningLevel} = 2.0, {@code
 * driftLevel} = 3.0, {@code minInstances} = 30, variant {@link DetectorVariant#MOA}. As in MOA and
 * river, a stream that has no error during its first values gets {@code s_min = 0}, so its first
 * error is a drift.
 *
 * @since 0.1.0
 */
public final class Ddm extends AbstractDetector {

  /** Default warning level, 2.0 standard deviations. */
  public static final double DEFAULT_WARNING_LEVEL = 2.0;

  /** Default drift level, 3.0 standard deviations. */
  public static final double DEFAULT_DRIFT_LEVEL = 3.0;

  /** Default number of values before any test, 30. */
  public static final int DEFAULT_MIN_INSTANCES = 30;

  private final double warningLevel;
  private final double driftLevel;
  private final int minInstances;
  private final DetectorVariant variant;
  private final boolean moa;
  // MOA: the minimum and the warning from value minInstances - 1, the drift from minInstances
  private final long minimumFrom;

  private long n;
  private long errors;
  private double p;
  private double s;
  private double pMin;
  private double sMin;
  private double psMin;

  private Ddm(Builder b) {
    this.warningLevel = b.warningLevel;
    this.driftLevel = b.driftLevel;
    this.minInstances = b.minInstances;
    this.variant = b.variant;
    this.moa = variant == DetectorVariant.MOA;
    this.minimumFrom = moa ? minInstances - 1L : minInstances;
    clearStatistics();
  }

  /**
   * @return a DDM with warning level 2, drift level 3, 30 values before the drift test, the MOA
   *     variant
   */
  public static Ddm defaults() {
    return builder().build();
  }

  /**
   * @return a builder holding the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  DriftState step(double value) {
    requireBinary(value);
    n++;
    if (moa) {
      p = p + (value - p) / n; // MOA's running mean
    } else {
      if (value == 1.0) {
        errors++;
      }
      p = (double) errors / n;
    }
    s = Math.sqrt(p * (1 - p) / n);
    if (n < minimumFrom) {
      return DriftState.STABLE;
    }
    if (p + s <= psMin) {
      pMin = p;
      sMin = s;
      psMin = p + s;
    }
    if (n >= minInstances && p + s > pMin + driftLevel * sMin) {
      clearStatistics();
      return DriftState.DRIFT;
    }
    if (p + s > pMin + warningLevel * sMin) {
      return DriftState.WARNING;
    }
    return DriftState.STABLE;
  }

  @Override
  void clearStatistics() {
    n = 0;
    errors = 0;
    p = 0;
    s = 0;
    pMin = Double.MAX_VALUE;
    sMin = Double.MAX_VALUE;
    psMin = Double.MAX_VALUE;
  }

  /**
   * @return the error rate p_i of the values seen since the last drift (0 before any)
   */
  public double errorRate() {
    return p;
  }

  /**
   * @return s_i = sqrt(p_i (1 - p_i) / i) since the last drift (0 before any)
   */
  public double standardDeviation() {
    return s;
  }

  /**
   * @return the number of values seen since the last drift
   */
  public long instancesSinceDrift() {
    return n;
  }

  /**
   * @return p_min, or NaN before the minimum is first updated (value minInstances - 1 since the
   *     last drift with the MOA variant, minInstances with the textbook one)
   */
  public double minimumErrorRate() {
    return pMin == Double.MAX_VALUE ? Double.NaN : pMin;
  }

  /**
   * @return s_min, or NaN before the minimum is first updated (as {@link #minimumErrorRate()})
   */
  public double minimumStandardDeviation() {
    return sMin == Double.MAX_VALUE ? Double.NaN : sMin;
  }

  /**
   * @return the variant, {@link DetectorVariant#MOA} unless configured
   */
  public DetectorVariant variant() {
    return variant;
  }

  @Override
  public Ddm freshCopy() {
    return builder()
        .warningLevel(warningLevel)
        .driftLevel(driftLevel)
        .minInstances(minInstances)
        .variant(variant)
        .build();
  }

  @Override
  public String toString() {
    return "Ddm[warningLevel="
        + warningLevel
        + ", driftLevel="
        + driftLevel
        + ", minInstances="
        + minInstances
        + ", variant="
        + variant
        + ", p="
        + p
        + ", s="
        + s
        + ", state="
        + state()
        + ", updates="
        + updates()
        + ", drifts="
        + drifts()
        + "]";
  }

  /**
   * Builder of {@link Ddm}. The levels are checked against each other in {@link #build()}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private double warningLevel = DEFAULT_WARNING_LEVEL;
    private double driftLevel = DEFAULT_DRIFT_LEVEL;
    private int minInstances = DEFAULT_MIN_INSTANCES;
    private DetectorVariant variant = DetectorVariant.MOA;

    private Builder() {}

    /**
     * @param warningLevel in standard deviations, positive; default 2.0
     * @return this builder
     * @throws IllegalArgumentException if not positive and finite
     */
    public Builder warningLevel(double warningLevel) {
      this.warningLevel = Require.positive(warningLevel, "warningLevel");
      return this;
    }

    /**
     * @param driftLevel in standard deviations, positive; default 3.0
     * @return this builder
     * @throws IllegalArgumentException if not positive and finite
     */
    public Builder driftLevel(double driftLevel) {
      this.driftLevel = Require.positive(driftLevel, "driftLevel");
      return this;
    }

    /**
     * @param minInstances the first value (counted from 1 since the last drift) tested for a drift,
     *     at least 1; default 30. With the MOA variant the minimum and the warning start one value
     *     earlier (MOA's {@code minNumInstances}); with the textbook variant all tests start here.
     * @return this builder
     * @throws IllegalArgumentException if &lt; 1
     */
    public Builder minInstances(int minInstances) {
      this.minInstances = requireAtLeast("minInstances", minInstances, 1);
      return this;
    }

    /**
     * @param variant {@link DetectorVariant#MOA} (default) or {@link DetectorVariant#TEXTBOOK}; see
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
     * @throws IllegalStateException if driftLevel &lt; warningLevel
     */
    public Ddm build() {
      Require.state(
          driftLevel >= warningLevel,
          "driftLevel ("
              + driftLevel
              + ") must not be lower than warningLevel ("
              + warningLevel
              + ")");
      return new Ddm(this);
    }
  }
}
