package org.mlops4j.drift.internal;

import org.mlops4j.drift.ColumnKind;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.DriftMethod;

/**
 * The fitted reference of one feature of a baseline: numeric, categorical, or not testable (no
 * value, identifier-like). Immutable.
 */
public sealed interface FeatureReference
    permits NumericReference, CategoricalReference, UntestableReference {

  /**
   * @return the feature's name
   */
  String name();

  /**
   * @return the feature's column type
   */
  ColumnType type();

  /**
   * @return what the fit took the column for
   */
  ColumnKind kind();

  /**
   * @return why the fit took the column for its kind, e.g. {@code "binary: only 0 and 1 in the
   *     reference (200 ones in 2000)"}
   */
  String kindReason();

  /**
   * @return the method that decides the feature's drift
   */
  DriftMethod method();

  /**
   * @return the rows of the reference column, missing and infinite included
   */
  long rows();

  /**
   * @return the reference's missing values (NaN or null)
   */
  long missing();

  /**
   * The reason part of a method override for a kind reason: {@code "; method cvm set for the
   * column"}, or "" without an override.
   */
  static String overrideSuffix(boolean overridden, DriftMethod method) {
    return overridden ? "; method " + method.key() + " set for the column" : "";
  }
}
