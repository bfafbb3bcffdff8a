package org.mlops4j.drift.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.drift.BinShares;
import org.mlops4j.drift.ColumnKind;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.DriftMethod;

/**
 * Everything {@link FeatureEvaluator} computed for one feature before the multiple-testing
 * correction and the verdict. Filled once by the evaluator, then read.
 */
public final class FeatureEvaluation {
  String feature = "";
  ColumnType type = ColumnType.NUMERIC;
  ColumnKind kind = ColumnKind.NUMERIC;
  String kindReason = "";
  DriftMethod method = DriftMethod.KOLMOGOROV_SMIRNOV;
  double statistic;
  double pValue = Double.NaN;
  boolean effectGate;
  double psi;
  long refCount;
  long curCount;
  long refMissing;
  long curMissing;
  long refInfinite;
  long curInfinite;
  boolean missingRateDrifted;
  final Map<String, Double> metrics = new LinkedHashMap<>();
  @Nullable BinShares shares;

  /** Shares per value of a discrete numeric column, or null (see {@code FeatureDrift}). */
  @Nullable BinShares valueShares;

  String note = "";

  /**
   * False when the samples are too small or degenerate for the deciding test, or the column has no
   * value on a side or is identifier-like.
   */
  boolean tested = true;

  FeatureEvaluation() {}

  /**
   * @return whether the deciding method has a p-value and could be applied
   */
  boolean hasPValue() {
    return method.hasPValue() && tested;
  }

  /**
   * @return the feature's name
   */
  public String feature() {
    return feature;
  }
}
