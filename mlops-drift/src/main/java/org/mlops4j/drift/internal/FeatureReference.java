package org.mlops4j.drift.internal;

import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.DriftMethod;

/** The fitted reference of one feature of a baseline: numeric or categorical. Immutable. */
public sealed interface FeatureReference permits NumericReference, CategoricalReference {

  /**
   * @return the feature's name
   */
  String name();

  /**
   * @return the feature's column type
   */
  ColumnType type();

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
}
