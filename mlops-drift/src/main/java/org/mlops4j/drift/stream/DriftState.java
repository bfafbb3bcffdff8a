package org.mlops4j.drift.stream;

/**
 * The state a {@link ConceptDriftDetector} reports after an update.
 *
 * <ul>
 *   <li>{@link #STABLE}: no evidence of change;
 *   <li>{@link #WARNING}: the monitored statistic crossed the warning level (DDM, EDDM, HDDM_A); a
 *       learner would start buffering examples for a possible new model;
 *   <li>{@link #DRIFT}: a change was detected at this update.
 * </ul>
 *
 * @since 0.1.0
 */
public enum DriftState {
  /** No evidence of change. */
  STABLE,
  /** The statistic crossed the warning level but not the drift level. */
  WARNING,
  /** A change was detected at this update. */
  DRIFT
}
