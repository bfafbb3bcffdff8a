package org.mlops4j.drift.stream;

import org.mlops4j.api.internal.Require;

/**
 * HDDM_A, the Hoeffding-based drift detection method with the average test (A-test) of
 * Frías-Blanco, del Campo-Ávila, Ramos-Jiménez, Morales-Bueno, Ortiz-Díaz &amp; Caballero-Mota
 * ("Online and Non-Parametric Drift Detection Methods Based on Hoeffding's Bounds", IEEE TKDE
 * 27(3), 810–823, 2015), for values in [0, 1] (usually error indicators).
 *
 * <p><b>Algorithm.</b> Let {@code n} and {@code c} be the number and the sum of the values since
 * the last drift, and {@code eps(k) = sqrt(ln(1/driftConfidence) / (2k))} Hoeffding's bound for a
 * mean of k values. A cut point (n_min, c_min) is moved to the present whenever {@code c_min/n_min
 * + eps(n_min) >= c/n + eps(n)}: it marks the prefix whose upper bound on the mean is lowest
 * (symmetrically (n_max, c_max) for decreases). The A-test compares the prefix mean with the mean
 * of all values: with {@code m = 1/n_min - 1/n} and {@code bound(conf) = sqrt(m/2 · ln(2/conf))},
 *
 * <ul>
 *   <li>{@link DriftState#DRIFT} when {@code c/n - c_min/n_min >= bound(driftConfidence)} (and the
 *       statistics restart from zero);
 *   <li>{@link DriftState#WARNING} when {@code c/n - c_min/n_min >= bound(warningConfidence)};
 *   <li>with {@code twoSided(true)}, the same tests on {@code c_max/n_max - c/n} detect decreases.
 * </ul>
 *
 * <p><b>Defaults</b> (the paper's and MOA's {@code HDDM_A_Test}): {@code driftConfidence} = 0.001,
 * {@code warningConfidence} = 0.005, one-sided (only increases of the error are detected). Unlike
 * MOA, a decrease detected in two-sided mode is reported as {@link DriftState#DRIFT}.
 *
 * @since 0.1.0
 */
public final class HddmA extends AbstractDetector {

  /** Default drift confidence, 0.001. */
  public static final double DEFAULT_DRIFT_CONFIDENCE = 0.001;

  /** Default warning confidence, 0.005. */
  public static final double DEFAULT_WARNING_CONFIDENCE = 0.005;

  private final double driftConfidence;
  private final double warningConfidence;
  private final boolean twoSided;
  private final double lnInvDrift;
  private final double lnTwoOverDrift;
  private final double lnTwoOverWarning;

  private long n;
  private double c;
  private long nMin;
  private double cMin;
  private long nMax;
  private double cMax;

  private HddmA(Builder b) {
    this.driftConfidence = b.driftConfidence;
    this.warningConfidence = b.warningConfidence;
    this.twoSided = b.twoSided;
    this.lnInvDrift = Math.log(1.0 / driftConfidence);
    this.lnTwoOverDrift = Math.log(2.0 / driftConfidence);
    this.lnTwoOverWarning = Math.log(2.0 / warningConfidence);
  }

  /**
   * @return an HDDM_A with drift confidence 0.001, warning confidence 0.005, one-sided
   */
  public static HddmA defaults() {
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
    Require.closedUnit(value, "value");
    n++;
    c += value;
    if (nMin == 0) {
      nMin = n;
      cMin = c;
    }
    if (nMax == 0) {
      nMax = n;
      cMax = c;
    }
    double mean = c / n;
    double epsN = Math.sqrt(lnInvDrift / (2.0 * n));
    if (cMin / nMin + Math.sqrt(lnInvDrift / (2.0 * nMin)) >= mean + epsN) {
      nMin = n;
      cMin = c;
    }
    if (cMax / nMax - Math.sqrt(lnInvDrift / (2.0 * nMax)) <= mean - epsN) {
      nMax = n;
      cMax = c;
    }
    double upDiff = nMin == n ? Double.NEGATIVE_INFINITY : mean - cMin / nMin;
    double upM = nMin == n ? 0 : 1.0 / nMin - 1.0 / n;
    double downDiff = nMax == n ? Double.NEGATIVE_INFINITY : cMax / nMax - mean;
    double downM = nMax == n ? 0 : 1.0 / nMax - 1.0 / n;
    if (upDiff >= Math.sqrt(upM / 2.0 * lnTwoOverDrift)
        || (twoSided && downDiff >= Math.sqrt(downM / 2.0 * lnTwoOverDrift))) {
      clearStatistics();
      return DriftState.DRIFT;
    }
    if (upDiff >= Math.sqrt(upM / 2.0 * lnTwoOverWarning)
        || (twoSided && downDiff >= Math.sqrt(downM / 2.0 * lnTwoOverWarning))) {
      return DriftState.WARNING;
    }
    return DriftState.STABLE;
  }

  @Override
  void clearStatistics() {
    n = 0;
    c = 0;
    nMin = 0;
    cMin = 0;
    nMax = 0;
    cMax = 0;
  }

  /**
   * @return the mean of the values since the last drift (0 before any)
   */
  public double mean() {
    return n == 0 ? 0.0 : c / n;
  }

  /**
   * @return the length n_min of the prefix with the lowest upper bound (0 before any value)
   */
  public long cutPoint() {
    return nMin;
  }

  @Override
  public HddmA freshCopy() {
    return builder()
        .driftConfidence(driftConfidence)
        .warningConfidence(warningConfidence)
        .twoSided(twoSided)
        .build();
  }

  @Override
  public String toString() {
    return "HddmA[driftConfidence="
        + driftConfidence
        + ", warningConfidence="
        + warningConfidence
        + ", twoSided="
        + twoSided
        + ", mean="
        + mean()
        + ", state="
        + state()
        + ", updates="
        + updates()
        + ", drifts="
        + drifts()
        + "]";
  }

  /**
   * Builder of {@link HddmA}; the confidences are checked against each other in {@link #build()}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private double driftConfidence = DEFAULT_DRIFT_CONFIDENCE;
    private double warningConfidence = DEFAULT_WARNING_CONFIDENCE;
    private boolean twoSided;

    private Builder() {}

    /**
     * @param driftConfidence in (0, 1); default 0.001
     * @return this builder
     * @throws IllegalArgumentException if not in (0, 1)
     */
    public Builder driftConfidence(double driftConfidence) {
      this.driftConfidence = Require.openUnit(driftConfidence, "driftConfidence");
      return this;
    }

    /**
     * @param warningConfidence in (0, 1); default 0.005
     * @return this builder
     * @throws IllegalArgumentException if not in (0, 1)
     */
    public Builder warningConfidence(double warningConfidence) {
      this.warningConfidence = Require.openUnit(warningConfidence, "warningConfidence");
      return this;
    }

    /**
     * @param twoSided also detect decreases; default false (one-sided, increases only)
     * @return this builder
     */
    public Builder twoSided(boolean twoSided) {
      this.twoSided = twoSided;
      return this;
    }

    /**
     * @return a new detector
     * @throws IllegalStateException if warningConfidence &lt; driftConfidence
     */
    public HddmA build() {
      Require.state(
          warningConfidence >= driftConfidence,
          "warningConfidence ("
              + warningConfidence
              + ") must not be lower than driftConfidence ("
              + driftConfidence
              + ")");
      return new HddmA(this);
    }
  }
}
