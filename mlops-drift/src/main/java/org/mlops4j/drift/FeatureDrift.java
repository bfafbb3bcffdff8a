package org.mlops4j.drift;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mlops4j.api.internal.Require;

/**
 * The drift verdict of one feature, reference vs current: what the column was taken for ({@link
 * #kind()}) and why, the deciding method, its statistic and p-value (raw and after the report's
 * multiple-testing correction), the effect sizes, the verdict, and the counts of missing (NaN /
 * null) and infinite values.
 *
 * <p>Verdict: {@code drifted} is true when (the method has no p-value, or its adjusted p-value is
 * below {@link DriftDetector#alpha()}) and the effect-size gate passes ({@code effectGate}: numeric
 * PSI &ge; {@link DriftDetector#psiGate()} or Wasserstein/std &ge; {@link
 * DriftDetector#wassersteinGate()}; categorical Jensen–Shannon distance &ge; {@link
 * DriftDetector#jsGate()}); or, under {@link MissingPolicy#IGNORE_AND_REPORT}, when the missing-or-
 * infinite rate changed significantly. The metrics are never NaN: when the reference is constant,
 * {@code wasserstein_std} falls back to the raw distance and {@code note} says so.
 *
 * <p>Not tested ({@link #tested()} false, {@code statistic} NaN, no p-value, not drifted by a test,
 * no part in the multiple-testing correction, and a {@code note} that says why), so that one column
 * does not stop the report of the others: a feature too small for its test; a column without a
 * value in the reference ({@link ColumnKind#EMPTY}) or in the current; an identifier-like column
 * ({@link ColumnKind#IDENTIFIER}). Only a missing-rate change can make such a feature drift, and
 * not an identifier's: its missing-rate change is shown ({@code missingRateDrifted}, the metrics,
 * the note) but the identifier is never drifted.
 *
 * <p>{@code metrics} holds every computed number under stable keys (those that apply): numeric
 * {@code ks}, {@code ks_p}, {@code psi}, {@code psi_bins} (the effective number of PSI bins: fewer
 * than {@link DriftDetector#bins()} when tied quantiles were dropped, see {@link Psi}), {@code
 * wasserstein}, {@code wasserstein_std}, {@code outside_domain_share} (share of current values
 * outside {0, 1} for a binary reference), {@code cvm}, {@code cvm_p}, {@code ad}, {@code ad_p},
 * {@code z}, {@code z_p}, {@code share_ones_ref}, {@code share_ones_cur}; categorical {@code chi2},
 * {@code chi2_p}, {@code chi2_dof}, {@code psi}, {@code js}, {@code unseen_share} (or, for a column
 * capped at {@link DriftDetector#maxCategories()}, {@code other_share_ref} and {@code
 * other_share_cur}); both {@code missing_rate_ref}, {@code missing_rate_cur}, {@code
 * missing_rate_p} (when a side has missing or infinite values).
 *
 * @param feature column name
 * @param type column type: how the data was given
 * @param kind what the comparison took the column for (see {@link ColumnKind})
 * @param kindReason why, for instance {@code "binary: only 0 and 1 in the reference (200 ones in
 *     2000)"} or {@code "identifier-like: 5000 distinct values in 5000 (100.0%, above
 *     identifierShare 95.0%)"}
 * @param method the deciding method
 * @param tested whether the deciding method could be applied (see above)
 * @param statistic the deciding method's statistic (PSI, distance or test statistic); NaN when the
 *     feature could not be tested
 * @param pValue the deciding method's raw p-value, empty for methods without one and when the
 *     feature could not be tested
 * @param adjustedPValue the p-value after the report's correction (equal to the raw one for a
 *     single feature), empty for methods without one
 * @param effectGate whether the effect-size gate passes
 * @param drifted the verdict
 * @param psiLevel the reading of the feature's PSI ({@link PsiLevel#STABLE} when none was computed)
 * @param referenceCount reference values used by the methods (finite / non-null)
 * @param currentCount current values used by the methods
 * @param referenceMissing reference NaN / null count
 * @param currentMissing current NaN / null count
 * @param referenceInfinite reference ±Infinity count (numeric)
 * @param currentInfinite current ±Infinity count (numeric)
 * @param missingRateDrifted whether the missing-or-infinite rate changed (two-proportion z-test, p
 *     below alpha)
 * @param metrics every computed number, by stable key
 * @param shares binned distributions for plots (empty for a column not tested for want of values or
 *     as an identifier)
 * @param note an explanation when something was degenerate, capped or not tested, else ""
 * @param valueShares for a discrete numeric column, the share of each value, reference vs current:
 *     present when the column is of kind {@link ColumnKind#NUMERIC}, the reference is kept as its
 *     sorted sample (not a sketch), every finite reference and current value is a whole number (of
 *     magnitude at most 2^53) and the two sides together have at most {@value #MAX_DISCRETE_VALUES}
 *     distinct values. Labels are the values written as integers ({@code "0"}, {@code "1"}, {@code
 *     "-3"}), in numeric order; the shares are counts over each side's finite values ({@code
 *     referenceCount}, {@code currentCount}; all 0 for a side without a value), 0 for a value only
 *     the other side has. The statistics do not use them (PSI keeps its bins in {@code shares}):
 *     they are for the reports, which draw such a column by value. Binary columns have {@code
 *     share_ones_ref} and {@code share_ones_cur} instead.
 * @since 0.1.0
 */
public record FeatureDrift(
    String feature,
    ColumnType type,
    ColumnKind kind,
    String kindReason,
    DriftMethod method,
    boolean tested,
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
    String note,
    Optional<BinShares> valueShares) {

  /**
   * The most distinct values (reference and current together) of a numeric column whose values are
   * all whole numbers for it to carry {@link #valueShares()}: 20, enough for small counts
   * (children, prior purchases, ratings on a 0 to 10 scale) and few enough for one bar pair per
   * value on a chart of the report.
   */
  public static final int MAX_DISCRETE_VALUES = 20;

  /**
   * Copies the metrics map (insertion order kept).
   *
   * @throws NullPointerException if a component is null
   */
  public FeatureDrift {
    Require.nonNull(feature, "feature");
    Require.nonNull(type, "type");
    Require.nonNull(kind, "kind");
    Require.nonNull(kindReason, "kindReason");
    Require.nonNull(method, "method");
    Require.nonNull(pValue, "pValue");
    Require.nonNull(adjustedPValue, "adjustedPValue");
    Require.nonNull(psiLevel, "psiLevel");
    Require.nonNull(shares, "shares");
    Require.nonNull(note, "note");
    Require.nonNull(valueShares, "valueShares");
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

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        tested()
            ? String.format(
                Locale.ROOT, "%s [%s] %s=%.6g", feature, kind.key(), method.key(), statistic)
            : String.format(
                Locale.ROOT, "%s [%s] %s not tested", feature, kind.key(), method.key()));
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
