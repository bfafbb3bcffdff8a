package org.mlops4j.drift.stream;

import java.time.Instant;
import java.util.Locale;
import org.mlops4j.api.internal.Require;

/**
 * An alert raised by a {@link DriftMonitor} and passed to its {@link AlertListener}s.
 *
 * @param type what was detected
 * @param time when (the monitor's clock)
 * @param window index of the window the alert belongs to (for concept drift and retraining
 *     triggered by it: the window in progress)
 * @param subject the feature name for {@link AlertType#DATA_DRIFT}, {@code "prediction"} for {@link
 *     AlertType#PREDICTION_DRIFT}, the detector's class name for {@link AlertType#CONCEPT_DRIFT},
 *     {@code "model"} for {@link AlertType#RETRAINING}
 * @param statistic the statistic that crossed its threshold (test statistic, PSI, number of drifted
 *     windows or of concept drifts)
 * @param threshold the threshold it crossed, or NaN where the method decides by itself (a feature's
 *     verdict, a detector's rule)
 * @param message a human-readable description
 * @since 0.1.0
 */
public record DriftAlert(
    AlertType type,
    Instant time,
    long window,
    String subject,
    double statistic,
    double threshold,
    String message) {

  /**
   * @throws NullPointerException if a component is null
   */
  public DriftAlert {
    Require.nonNull(type, "type");
    Require.nonNull(time, "time");
    Require.nonNull(subject, "subject");
    Require.nonNull(message, "message");
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "DriftAlert[%s %s window=%d %s: %s]", type, time, window, subject, message);
  }
}
