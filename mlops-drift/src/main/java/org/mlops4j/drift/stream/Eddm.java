package org.mlops4j.drift.stream;

import org.mlops4j.api.internal.Require;

/**
 * EDDM, the Early Drift Detection Method of Baena-García, del Campo-Ávila, Fidalgo, Bifet, Gavaldà
 * &amp; Morales-Bueno ("Early Drift Detection Method", 4th ECML PKDD International Workshop on
 * Knowledge Discovery from Data Streams, 2006), on a stream of error indicators (1 = wrong).
 *
 * <p><b>Algorithm.</b> EDDM watches the distance (number of values) between two consecutive errors.
 * At every error it updates the running mean {@code p'} and population standard deviation {@code
 * s'} of these distances (Welford's recurrence; the first distance is counted from the start or
 * from the last drift). It keeps the maximum {@code m_max} of {@code p' + 2 s'} and, at each error
 * that does not raise the maximum, tests {@code ratio = (p' + 2 s') / m_max}:
 *
 * <ul>
 *   <li>{@code ratio < beta}: {@link DriftState#DRIFT}, and the statistics restart from zero;
 *   <li>{@code ratio < alpha}: {@link DriftState#WARNING};
 *   <li>otherwise {@link DriftState#STABLE}.
 * </ul>
 *
 * A value 0 (correct prediction) does not change the statistics; the state stays what the last
 * error made it. Errors becoming more frequent shrink the distances, so the ratio falls.
 *
 * <p><b>Variants</b> ({@link Builder#variant(DetectorVariant)}). The paper has EDDM search for a
 * drift only once 30 errors have happened, and does not say when the maximum starts:
 *
 * <ul>
 *   <li>{@link DetectorVariant#MOA} (the default): as MOA 2024.07.0's {@code
 *       moa.classifiers.core.driftdetection.EDDM}: the maximum is kept from the first error once 30
 *       values have been seen (MOA's fixed {@code FDDM_MINNUMINSTANCES}), and the tests run only
 *       with more than {@code minErrors} errors (at least 31 with the default). The drift and
 *       warning indices equal MOA's.
 *   <li>{@link DetectorVariant#TEXTBOOK}: the maximum and the tests both from the {@code
 *       minErrors}-th error on, whatever the number of values.
 * </ul>
 *
 * River's {@code drift.binary.EDDM} keeps the maximum after 30 values and tests with more than 30
 * errors as MOA, but from the 31st value and with the sample (n - 1) standard deviation: see {@code
 * docs/MOA.md}.
 *
 * <p><b>Defaults</b> (the paper's and MOA's): {@code alpha} (warning) = 0.95, {@code beta} (drift)
 * = 0.90, {@code minErrors} = 30, variant {@link DetectorVariant#MOA}.
 *
 * @since 0.1.0
 */
public final class Eddm extends AbstractDetector {

  /** Default warning threshold alpha, 0.95. */
  public static final double DEFAULT_ALPHA = 0.95;

  /** Default drift threshold beta, 0.90. */
  public static final double DEFAULT_BETA = 0.90;

  /** Default number of errors before any test, 30. */
  public static final int DEFAULT_MIN_ERRORS = 30;

  /** MOA's {@code FDDM_MINNUMINSTANCES}: the maximum is kept once this many values were seen. */
  private static final long MOA_MIN_INSTANCES = 30;

  private final double alpha;
  private final double beta;
  private final int minErrors;
  private final DetectorVariant variant;
  private final boolean moa;

  private long n;
  private long lastError;
  private long errors;
  private double mean;
  private double m2;
  private double maxM2s;
  private DriftState between = DriftState.STABLE;

  private Eddm(Builder b) {
    this.alpha = b.alpha;
    this.beta = b.beta;
    this.minErrors = b.minErrors;
    this.variant = b.variant;
    this.moa = variant == DetectorVariant.MOA;
  }

  /**
   * @return an EDDM with alpha 0.95, beta 0.90, 30 errors, the MOA variant
   */
  public static Eddm defaults() {
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
    if (value == 0.0) {
      return between;
    }
    errors++;
    double distance = n - lastError;
    lastError = n;
    double delta = distance - mean;
    mean += delta / errors;
    m2 += delta * (distance - mean);
    if (moa) {
      DriftState state = moaTest();
      if (state != DriftState.DRIFT) {
        between = state; // after a drift the statistics were cleared: STABLE until the next error
      }
      return state;
    }
    if (errors < minErrors) {
      return between = DriftState.STABLE;
    }
    double m2s = mean + 2.0 * Math.sqrt(m2 / errors);
    if (m2s > maxM2s) {
      maxM2s = m2s;
      return between = DriftState.STABLE;
    }
    double ratio = m2s / maxM2s;
    if (ratio < beta) {
      clearStatistics();
      return DriftState.DRIFT;
    }
    return between = ratio < alpha ? DriftState.WARNING : DriftState.STABLE;
  }

  /** MOA's EDDM.input after the statistics of an error are updated. */
  private DriftState moaTest() {
    double m2s = mean + 2.0 * Math.sqrt(m2 / errors);
    if (m2s > maxM2s) {
      if (n >= MOA_MIN_INSTANCES) {
        maxM2s = m2s;
      }
      return DriftState.STABLE;
    }
    if (n < MOA_MIN_INSTANCES || errors <= minErrors) {
      return DriftState.STABLE;
    }
    double ratio = m2s / maxM2s;
    if (ratio < beta) {
      clearStatistics();
      return DriftState.DRIFT;
    }
    return ratio < alpha ? DriftState.WARNING : DriftState.STABLE;
  }

  @Override
  void clearStatistics() {
    n = 0;
    lastError = 0;
    errors = 0;
    mean = 0;
    m2 = 0;
    maxM2s = 0;
    between = DriftState.STABLE;
  }

  /**
   * @return the mean distance p' between errors since the last drift (0 before any error)
   */
  public double meanDistance() {
    return mean;
  }

  /**
   * @return the population standard deviation s' of the distances since the last drift
   */
  public double distanceStandardDeviation() {
    return errors == 0 ? 0.0 : Math.sqrt(m2 / errors);
  }

  /**
   * @return the number of errors since the last drift
   */
  public long errorsSinceDrift() {
    return errors;
  }

  /**
   * @return the variant, {@link DetectorVariant#MOA} unless configured
   */
  public DetectorVariant variant() {
    return variant;
  }

  @Override
  public Eddm freshCopy() {
    return builder().alpha(alpha).beta(beta).minErrors(minErrors).variant(variant).build();
  }

  @Override
  public String toString() {
    return "Eddm[alpha="
        + alpha
        + ", beta="
        + beta
        + ", minErrors="
        + minErrors
        + ", variant="
        + variant
        + ", meanDistance="
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
   * Builder of {@link Eddm}; alpha and beta are checked against each other in {@link #build()}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private double alpha = DEFAULT_ALPHA;
    private double beta = DEFAULT_BETA;
    private int minErrors = DEFAULT_MIN_ERRORS;
    private DetectorVariant variant = DetectorVariant.MOA;

    private Builder() {}

    /**
     * @param alpha warning threshold in (0, 1); default 0.95
     * @return this builder
     * @throws IllegalArgumentException if not in (0, 1)
     */
    public Builder alpha(double alpha) {
      this.alpha = Require.openUnit(alpha, "alpha");
      return this;
    }

    /**
     * @param beta drift threshold in (0, 1); default 0.90
     * @return this builder
     * @throws IllegalArgumentException if not in (0, 1)
     */
    public Builder beta(double beta) {
      this.beta = Require.openUnit(beta, "beta");
      return this;
    }

    /**
     * @param minErrors errors before any test, at least 1; default 30. The MOA variant tests only
     *     with more than {@code minErrors} errors (MOA's {@code m_minNumErrors}), the textbook one
     *     from the {@code minErrors}-th error on.
     * @return this builder
     * @throws IllegalArgumentException if &lt; 1
     */
    public Builder minErrors(int minErrors) {
      this.minErrors = requireAtLeast("minErrors", minErrors, 1);
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
     * @throws IllegalStateException if beta &gt; alpha
     */
    public Eddm build() {
      Require.state(
          beta <= alpha, "beta (" + beta + ") must not be greater than alpha (" + alpha + ")");
      return new Eddm(this);
    }
  }
}
