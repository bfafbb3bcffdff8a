package org.mlops4j.drift;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.mlops4j.api.internal.Require;

/**
 * The drift verdict of one feature, reference vs current: the deciding method, its statistic and
 * p-value (raw and after the report's multiple-testing correction), the effect sizes, the verdict,
 * and the counts of missing (NaN / null) and infinite values.
 *
 * <p>Verdict: {@code drifted} is true when (the method has no p-value, or its adjusted p-value is
 * below {@link DriftDetector#alpha()}) and the effect-size gate passes ({@code effectGate}: numeric
 * PSI &ge; {@link DriftDetector#psiGate()} or Wasserstein/std &ge; {@link
 * DriftDetector#wassersteinGate()}; categorical Jensen–Shannon distance &ge; {@link
 * DriftDetector#jsGate()}); or, under {@link MissingPolicy#IGNORE_AND_REPORT}, when the missing-or-
 * infinite rate changed significantly. The metrics are never NaN: when the reference is constant,
 * {@code wasserstein_std} falls back to the raw distance and {@code note} says so. A feature too
 * small for its test is reported rather than refused ({@link #tested()} false, {@code statistic}
 * NaN, no p-value, not drifted by the test, and a {@code note}), so that one small column does not
 * stop the report of the others.
 *
 * <p>{@code metrics} holds every computed number under stable keys (those that apply): numeric
 * {@code ks}, {@code ks_p}, {@code psi}, {@code wasserstein}, {@code wasserstein_std}, {@code cvm},
 * {@code cvm_p}, {@code ad}, {@code ad_p}, {@code z}, {@code z_p}, {@code share_ones_ref}, {@code
 * share_ones_cur}; categorical {@code chi2}, {@code chi2_p}, {@code chi2_dof}, {@code psi}, {@code
 * js}, {@code unseen_share}; both {@code missing_rate_ref}, {@code missing_rate_cur}, {@code
 * missing_rate_p} (when a side has missing or infinite values).
 *
 * @param feature column name
 * @param type column type
 * @param method the deciding method
 * @param statistic the deciding method's statistic (PSI, distance or test statistic); NaN when the
 *     feature could not be tested
 * @param pValue the deciding method's raw p-value, empty for methods without one and when the
 *     feature could not be tested
 * @param adjustedPValue the p-value after the report's correction (equal to the raw one for a
 *     single feature), empty for methods without one
 * @param effectGate whether the effect-size gate passes
 * @param drifted the verdict
 * @param psiLevel the reading of the feature's PSI
 * @param referenceCount reference values used by the methods (finite / non-null)
 * @param currentCount current values used by the methods
 * @param referenceMissing reference NaN / null count
 * @param currentMissing current NaN / null count
 * @param referenceInfinite reference ±Infinity count (numeric)
 * @param currentInfinite current ±Infinity count (numeric)
 * @param missingRateDrifted whether the missing-or-infinite rate changed (two-proportion z-test, p
 *     below alpha)
 * @param metrics every computed number, by stable key
 * @param shares binned distributions for plots
 * @param note an explanation when something was degenerate (e.g. constant reference), else ""
 * @since 0.1.0
 */
public record FeatureDrift(
    String feature,
    ColumnType type,
    DriftMethod method,
    double statistic,
    OptionalDouble pValue,
    OptionalDouble adjustedPValue,
    boolean effectGate,
    boolean drifted,
    PsiLevel psiLevel,
    long referenceCount,
    long currentCount,
    long referenceMissing,
    long currentMissing,
    long referenceInfinite,
    long currentInfinite,
    boolean missingRateDrifted,
    Map<String, Double> metrics,
    BinShares shares,
    String note) {

  /**
   * Copies the metrics map (insertion order kept).
   *
   * @throws NullPointerException if a component is null
   */
  public FeatureDrift {
    Require.nonNull(feature, "feature");
    Require.nonNull(type, "type");
    Require.nonNull(method, "method");
    Require.nonNull(pValue, "pValue");
    Require.nonNull(adjustedPValue, "adjustedPValue");
    Require.nonNull(psiLevel, "psiLevel");
    Require.nonNull(shares, "shares");
    Require.nonNull(note, "note");
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(Require.nonNull(metrics, "metrics")));
  }

  /**
   * @param key a metric key such as {@code "psi"}
   * @return the metric
   * @throws IllegalArgumentException if the metric was not computed for this feature
   */
  public double metric(String key) {
    Double v = metrics.get(key);
    if (v == null) {
      throw new IllegalArgumentException(
          Require.mustBe(
              "metric of feature '" + feature + "'",
              "one of " + metrics.keySet(),
              "'" + key + "'"));
    }
    return v;
  }

  /**
   * Whether the deciding method could be applied. False only for a test whose minimum sample size
   * the feature's finite values do not reach, or whose samples are degenerate (Cramér–von Mises:
   * fewer than 2 values on a side; Anderson–Darling: fewer than 4 values in all, or a single
   * distinct value): then {@link #statistic()} is NaN, {@link #pValue()} and {@link
   * #adjustedPValue()} are empty, the feature takes no part in the multiple-testing correction,
   * only a missing-rate change can make it drift, and {@link #note()} says why.
   *
   * @return false when the deciding test could not be applied
   */
  public boolean tested() {
    return !(method.hasPValue() && pValue.isEmpty());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        tested()
            ? String.format(
                Locale.ROOT,
                "%s [%s] %s=%.6g",
                feature,
                type.name().toLowerCase(Locale.ROOT),
                method.key(),
                statistic)
            : String.format(
                Locale.ROOT,
                "%s [%s] %s not tested",
                feature,
                type.name().toLowerCase(Locale.ROOT),
                method.key()));
    pValue.ifPresent(p -> sb.append(String.format(Locale.ROOT, " p=%.4g", p)));
    adjustedPValue.ifPresent(p -> sb.append(String.format(Locale.ROOT, " adj=%.4g", p)));
    Double psi = metrics.get("psi");
    if (psi != null) {
      sb.append(
          String.format(
              Locale.ROOT, " psi=%.4f(%s)", psi, psiLevel.name().toLowerCase(Locale.ROOT)));
    }
    sb.append(drifted ? " DRIFT" : " ok");
    sb.append(String.format(Locale.ROOT, " n=%d/%d", referenceCount, currentCount));
    if (referenceMissing + currentMissing + referenceInfinite + currentInfinite > 0) {
      sb.append(
          String.format(
              Locale.ROOT,
              " missing=%d/%d inf=%d/%d%s",
              referenceMissing,
              currentMissing,
              referenceInfinite,
              currentInfinite,
              missingRateDrifted ? " (rate drift)" : ""));
    }
    if (!note.isEmpty()) {
      sb.append(" (").append(note).append(')');
    }
    return sb.toString();
  }
}
