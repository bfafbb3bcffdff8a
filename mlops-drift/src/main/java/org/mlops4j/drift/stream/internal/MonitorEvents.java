package org.mlops4j.drift.stream.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.mlops4j.drift.FeatureDrift;
import org.mlops4j.drift.stream.AlertListener;
import org.mlops4j.drift.stream.AlertType;
import org.mlops4j.drift.stream.DriftAlert;
import org.mlops4j.drift.stream.DriftMonitor;
import org.mlops4j.drift.stream.WindowReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts of a monitor and its report listeners: builds the alerts of a closed window (one per
 * drifted feature, one for prediction drift), logs every alert at WARN through SLF4J (logger {@code
 * org.mlops4j.drift.stream.DriftMonitor}) and passes it to the alert listeners in order; a listener
 * that throws is logged and skipped. Not thread-safe: the monitor calls it under its evaluation
 * lock.
 */
public final class MonitorEvents {
  private static final Logger LOG = LoggerFactory.getLogger(DriftMonitor.class);

  /** The subject of a prediction-drift alert. */
  public static final String PREDICTION = "prediction";

  private final List<AlertListener> listeners;
  private final List<Consumer<WindowReport>> reportListeners;
  private long raised;

  /**
   * @param listeners alert listeners, in order
   * @param reportListeners window report listeners, in order
   */
  public MonitorEvents(
      List<AlertListener> listeners, List<Consumer<WindowReport>> reportListeners) {
    this.listeners = List.copyOf(listeners);
    this.reportListeners = List.copyOf(reportListeners);
  }

  /**
   * Raises the alerts of a closed window: {@link AlertType#DATA_DRIFT} per drifted feature of its
   * drift report, then {@link AlertType#PREDICTION_DRIFT} if its scores drifted.
   */
  public void windowClosed(WindowReport report, double psiThreshold, Instant at) {
    report
        .driftReport()
        .ifPresent(
            r -> {
              for (FeatureDrift f : r.drifted()) {
                raise(
                    new DriftAlert(
                        AlertType.DATA_DRIFT,
                        at,
                        report.index(),
                        f.feature(),
                        f.statistic(),
                        Double.NaN,
                        "feature '"
                            + f.feature()
                            + "' drifted in window "
                            + report.index()
                            + ": "
                            + f));
              }
            });
    if (report.predictionDrift()) {
      double psi = report.predictionPsi().orElse(Double.NaN);
      raise(
          new DriftAlert(
              AlertType.PREDICTION_DRIFT,
              at,
              report.index(),
              PREDICTION,
              psi,
              psiThreshold,
              String.format(
                  Locale.ROOT,
                  "score PSI %.4f > %.4f in window %d (n=%d)",
                  psi,
                  psiThreshold,
                  report.index(),
                  report.observations())));
    }
  }

  /** Logs an alert and passes it to every listener. */
  public void raise(DriftAlert alert) {
    raised++;
    LOG.warn("{}", alert);
    for (AlertListener l : listeners) {
      try {
        l.onAlert(alert);
      } catch (RuntimeException e) {
        LOG.error("alert listener {} failed on {}", l, alert, e);
      }
    }
  }

  /** Passes a window's report to every report listener. */
  public void report(WindowReport report) {
    LOG.debug("{}", report);
    for (Consumer<WindowReport> l : reportListeners) {
      try {
        l.accept(report);
      } catch (RuntimeException e) {
        LOG.error("window report listener {} failed on window {}", l, report.index(), e);
      }
    }
  }

  /**
   * @return the number of alerts raised
   */
  public long raised() {
    return raised;
  }
}
