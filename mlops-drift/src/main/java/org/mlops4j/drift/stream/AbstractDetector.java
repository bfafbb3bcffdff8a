package org.mlops4j.drift.stream;

import org.mlops4j.api.internal.Require;

/** Counters and state shared by the detectors; subclasses implement {@link #step(double)}. */
abstract class AbstractDetector implements ConceptDriftDetector {

  private DriftState state = DriftState.STABLE;
  private long updates;
  private long drifts;
  private long warnings;

  @Override
  public final DriftState update(double value) {
    Require.finite(value, "value");
    DriftState s = step(value);
    updates++;
    if (s != DriftState.STABLE) {
      if (s == DriftState.DRIFT) {
        drifts++;
      } else {
        warnings++;
      }
    }
    state = s;
    return s;
  }

  /** Processes one finite value and returns the new state. */
  abstract DriftState step(double value);

  /** Clears the detector's own statistics (not the counters). */
  abstract void clearStatistics();

  @Override
  public final DriftState state() {
    return state;
  }

  @Override
  public final void reset() {
    clearStatistics();
    state = DriftState.STABLE;
    updates = 0;
    drifts = 0;
    warnings = 0;
  }

  @Override
  public final long updates() {
    return updates;
  }

  @Override
  public final long drifts() {
    return drifts;
  }

  @Override
  public final long warnings() {
    return warnings;
  }

  static int requireAtLeast(String name, int v, int min) {
    Require.argument(v >= min, name, "at least " + min, v);
    return v;
  }

  static void requireBinary(double value) {
    Require.argument(value == 0.0 || value == 1.0, "value", "an error indicator 0 or 1", value);
  }
}
