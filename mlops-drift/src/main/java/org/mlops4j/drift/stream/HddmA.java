package org.mlops4j.drift.stream;

import org.mlops4j.api.internal.Require;

/**
 * HDDM_A, the Hoeffding-based drift detection method with the average test (A-test) of
 * Frías-Blanco, del Campo-Ávila, Ramos-Jiménez, Morales-Bueno, Ortiz-Díaz &amp; Caballero-Mota
 * ("Online and Non-Parametric Drift Detection Methods Based on Hoeffding's Bounds", IEEE TKDE
 * 27(3), 810–823, 2015), for values in [0, 1] (usually error indicators).
 *
 * <p><b>Algorithm.</b> Let {@code n} and {@code c} be the number and the sum of the values since
 * the last drift, and {@code eps(k) = sqrt(1/(2k) · ln(1/driftConfidence))} Hoeffding's bound for a
 * mean of k values. A cut point (n_min, c_min) is moved to the present whenever {@code c_min/n_min
 * + eps(n_min) >= c/n + eps(n)}: it marks the prefix whose upper bound on the mean is lowest
 * (symmetrically (n_max, c_max), moved when {@code c_max/n_max - eps(n_max) <= c/n - eps(n)}, for
 * decreases). The A-test compares the prefix mean with the mean of all values: with {@code m = (n -
 * n_min) / n_min · (1/n)} and {@code bound(conf) = sqrt(m/2 · ln(2/conf))},
 *
 * <ul>
 *   <li>{@link DriftState#DRIFT} when {@code c/n - c_min/n_min >= bound(driftConfidence)} (and the
 *       statistics restart from zero);
 *   <li>{@link DriftState#WARNING} when {@code c/n - c_min/n_min >= bound(warningConfidence)};
 *   <li>{@link DriftState#STABLE} otherwise.
 * </ul>
 *
 * <p><b>Decreases.</b> With {@code twoSided(true)} (the default) the same test on {@code
 * c_max/n_max - c/n} with {@code bound(driftConfidence)} detects a significant decrease of the
 * mean, and what happens then depends on {@code reportDecreases}:
 *
 * <ul>
 *   <li>{@code false} (the default): as MOA 2024.07.0's {@code
 *       moa.classifiers.core.driftdetection.HDDM_A_Test} with its default {@code -t Two-sided}, the
 *       statistics restart from zero silently: the update reports what the increase test said (no
 *       drift for the decrease), and later increases are measured from the new, lower level. For an
 *       error rate a decrease means the model got better, which is no reason to retrain.
 *   <li>{@code true}: the decrease is reported as {@link DriftState#DRIFT} (and, below it, its
 *       warning level with {@code bound(warningConfidence)} as {@link DriftState#WARNING}), as
 *       river's {@code drift.binary.HDDMA(two_sided_test=True)} does; for a stream whose decreases
 *       matter as much as its increases.
 * </ul>
 *
 * With {@code twoSided(false)} (MOA's {@code -t One-sided}, river's default) decreases are ignored.
 * The defaults, and {@code twoSided(false)}, give MOA's drift and warning indices (the arithmetic
 * is MOA's, expression for expression, so ties round alike).
 *
 * <p><b>Defaults</b> (MOA's {@code HDDM_A_Test}; the confidences are the paper's): {@code
 * driftConfidence} = 0.001, {@code warningConfidence} = 0.005, two-sided, decreases not reported.
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
  private final boolean reportDecreases;
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
    this.reportDecreases = b.reportDecreases;
    this.lnInvDrift = Math.log(1.0 / driftConfidence);
    this.lnTwoOverDrift = Math.log(2.0 / driftConfidence);
    this.lnTwoOverWarning = Math.log(2.0 / warningConfidence);
  }

  /**
   * @return an HDDM_A with drift confidence 0.001, warning confidence 0.005, two-sided, decreases
   *     restarting silently (MOA's defaults)
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
    // MOA's expressions, in MOA's order
    double epsN = Math.sqrt(1.0 / (2 * n) * lnInvDrift);
    if (cMin / nMin + Math.sqrt(1.0 / (2 * nMin) * lnInvDrift) >= c / n + epsN) {
      cMin = c;
      nMin = n;
    }
    if (cMax / nMax - Math.sqrt(1.0 / (2 * nMax) * lnInvDrift) <= c / n - epsN) {
      cMax = c;
      nMax = n;
    }
    if (reportDecreases) {
      if (increase(lnTwoOverDrift) || decrease(lnTwoOverDrift)) {
        clearStatistics();
        return DriftState.DRIFT;
      }
      if (increase(lnTwoOverWarning) || decrease(lnTwoOverWarning)) {
        return DriftState.WARNING;
      }
      return DriftState.STABLE;
    }
    DriftState state;
    if (increase(lnTwoOverDrift)) {
      clearStatistics();
      state = DriftState.DRIFT;
    } else if (increase(lnTwoOverWarning)) {
      state = DriftState.WARNING;
    } else {
      state = DriftState.STABLE;
    }
    if (twoSided && decrease(lnTwoOverDrift)) {
      clearStatistics(); // MOA: a significant decrease restarts the statistics, silently
    }
    return state;
  }

  /** MOA's meanIncr: c/n - c_min/n_min &gt;= sqrt(m/2 ln(2/conf)). */
  private boolean increase(double lnTwoOverConfidence) {
    if (nMin == n) {
      return false;
    }
    double m = (double) (n - nMin) / nMin * (1.0 / n);
    return c / n - cMin / nMin >= Math.sqrt(m / 2 * lnTwoOverConfidence);
  }

  /** MOA's meanDecr: c_max/n_max - c/n &gt;= sqrt(m/2 ln(2/conf)). */
  private boolean decrease(double lnTwoOverConfidence) {
    if (nMax == n) {
      return false;
    }
    double m = (double) (n - nMax) / nMax * (1.0 / n);
    return cMax / nMax - c / n >= Math.sqrt(m / 2 * lnTwoOverConfidence);
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
        .reportDecreases(reportDecreases)
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
        + ", reportDecreases="
        + reportDecreases
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
    private boolean twoSided = true;
    private boolean reportDecreases;

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
     * @param twoSided also test for decreases; default true (MOA's {@code -t Two-sided}); false is
     *     MOA's {@code -t One-sided}, increases only
     * @return this builder
     */
    public Builder twoSided(boolean twoSided) {
      this.twoSided = twoSided;
      return this;
    }

    /**
     * @param reportDecreases report a significant decrease as DRIFT (and its warning level as
     *     WARNING) instead of restarting silently as MOA does; default false. Needs {@code
     *     twoSided(true)}.
     * @return this builder
     */
    public Builder reportDecreases(boolean reportDecreases) {
      this.reportDecreases = reportDecreases;
      return this;
    }

    /**
     * @return a new detector
     * @throws IllegalStateException if warningConfidence &lt; driftConfidence, or reportDecreases
     *     without twoSided
     */
    public HddmA build() {
      Require.state(
          twoSided || !reportDecreases,
          "reportDecreases(true) needs twoSided(true): a one-sided test sees no decrease");
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
