package org.mlops4j.drift.stream;

/**
 * Receives the alerts of a {@link DriftMonitor}, synchronously, in the order they are raised, on
 * the thread that caused them. A listener that throws is logged and skipped; the others still run.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AlertListener {

  /**
   * @param alert the alert (immutable)
   */
  void onAlert(DriftAlert alert);
}
