package org.mlops4j.drift.stream;

import java.time.Instant;
import java.util.Locale;

/**
 * An alert raised by a {@link DriftMonitor} and passed to its {@link AlertListener}s.
 *
 * @param kind what was detected
 * @param time when (the monitor's clock)
 * @param window index of the window the alert belongs to (for concept drift and retraining
 *     triggered by it: the window in progress)
 * @param subject the feature name for {@link Kind#DATA_DRIFT}, {@code "prediction"} for {@link
 *     Kind#PREDICTION_DRIFT}, the detector's class name for {@link Kind#CONCEPT_DRIFT}, {@code
 *     "model"} for {@link Kind#RETRAINING}
 * @param statistic the statistic that crossed its threshold (test statistic, PSI, number of
 *     drifted windows or of concept drifts)
 * @param threshold the threshold it crossed, or NaN where the test decides by itself (a feature
 *     check's own verdict, a detector's rule)
 * @param message a human-readable description
 * @since 0.1.0
 */
public record DriftAlert(
    Kind kind,
    Instant time,
    long window,
    String subject,
    double statistic,
    double threshold,
    String message) {

  /**
   * What an alert is about.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** An input feature drifted in a window. */
    DATA_DRIFT,
    /** The score distribution of a window drifted from the reference scores. */
    PREDICTION_DRIFT,
    /** The concept-drift detector fed with labelled feedback reported DRIFT. */
    CONCEPT_DRIFT,
    /** The retraining policy fired. */
    RETRAINING
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "DriftAlert[%s %s window=%d %s: %s]", kind, time, window,
        subject, message);
  }
}
