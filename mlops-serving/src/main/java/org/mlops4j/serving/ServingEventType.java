package org.mlops4j.serving;

/**
 * What a {@link ServingEvent} reports.
 *
 * @since 0.1.0
 */
public enum ServingEventType {
  /** A new version was loaded, verified and swapped in (champion or challenger). */
  SWAPPED,
  /** A version failed to resolve, verify or load; the old one keeps serving (an alert). */
  LOAD_FAILED,
  /** The canary crossed a bound and its traffic went back to the champion (an alert). */
  CANARY_ROLLBACK,
  /** The drift monitor raised an alert (its {@code DriftAlert} is in the message). */
  MONITOR_ALERT,
  /** The retraining rule fired and the callback was started. */
  RETRAINING_STARTED,
  /** The retraining callback threw (an alert). */
  RETRAINING_FAILED
}
