package org.mlops4j.drift.stream;

import org.mlops4j.api.internal.Require;

/**
 * DDM, the Drift Detection Method of Gama, Medas, Castillo &amp; Rodrigues ("Learning with Drift
 * Detection", SBIA 2004, LNCS 3171), on a stream of error indicators (1 = the model was wrong).
 *
 * <p><b>Algorithm.</b> After i values, the error rate is {@code p_i = errors / i} and its standard
 * deviation {@code s_i = sqrt(p_i (1 - p_i) / i)}. Once {@code i >= minInstances}, DDM keeps the
 * minimum of {@code p_i + s_i} seen so far, with its {@code p_min} and {@code s_min} (updated when
 * {@code p_i + s_i <= p_min + s_min}), and reports
 *
 * <ul>
 *   <li>{@link DriftState#DRIFT} when {@code p_i + s_i > p_min + driftLevel * s_min}; the
 *       statistics then restart from zero;
 *   <li>{@link DriftState#WARNING} when {@code p_i + s_i > p_min + warningLevel * s_min};
 *   <li>{@link DriftState#STABLE} otherwise.
 * </ul>
 *
 * <p><b>Defaults</b> (the paper's, and MOA's/river's): {@code warningLevel} = 2.0, {@code
 * driftLevel} = 3.0, {@code minInstances} = 30. As in those implementations, a stream that has no
 * error during its first {@code minInstances} values gets {@code s_min = 0}, so its first error is
 * a drift.
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

  private long n;
  private long errors;
  private double p;
  private double s;
  private double pMin;
  private double sMin;

  private Ddm(Builder b) {
    this.warningLevel = b.warningLevel;
    this.driftLevel = b.driftLevel;
    this.minInstances = b.minInstances;
    clearStatistics();
  }

  /**
   * @return a DDM with warning level 2, drift level 3, at least 30 values
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
    if (value == 1.0) {
      errors++;
    }
    p = (double) errors / n;
    s = Math.sqrt(p * (1 - p) / n);
    if (n < minInstances) {
      return DriftState.STABLE;
    }
    if (p + s <= pMin + sMin) {
      pMin = p;
      sMin = s;
    }
    if (p + s > pMin + driftLevel * sMin) {
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
   * @return p_min, or NaN while fewer than minInstances values were seen since the last drift
   */
  public double minimumErrorRate() {
    return pMin == Double.MAX_VALUE ? Double.NaN : pMin;
  }

  /**
   * @return s_min, or NaN while fewer than minInstances values were seen since the last drift
   */
  public double minimumStandardDeviation() {
    return sMin == Double.MAX_VALUE ? Double.NaN : sMin;
  }

  @Override
  public Ddm freshCopy() {
    return builder()
        .warningLevel(warningLevel)
        .driftLevel(driftLevel)
        .minInstances(minInstances)
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
     * @param minInstances values before any test, at least 1; default 30
     * @return this builder
     * @throws IllegalArgumentException if &lt; 1
     */
    public Builder minInstances(int minInstances) {
      this.minInstances = requireAtLeast("minInstances", minInstances, 1);
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
