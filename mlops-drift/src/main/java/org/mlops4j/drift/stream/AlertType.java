package org.mlops4j.drift.stream;

/**
 * What a {@link DriftAlert} is about.
 *
 * @since 0.1.0
 */
public enum AlertType {
  /** An input feature drifted in a window (its {@code FeatureDrift} in the window's report). */
  DATA_DRIFT,
  /** The score distribution of a window drifted from the reference scores (PSI). */
  PREDICTION_DRIFT,
  /** The concept-drift detector fed with labelled feedback reported {@link DriftState#DRIFT}. */
  CONCEPT_DRIFT,
  /** The {@link RetrainingPolicy} fired. */
  RETRAINING
}
