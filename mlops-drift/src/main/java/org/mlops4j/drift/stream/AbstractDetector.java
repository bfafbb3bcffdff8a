package org.mlops4j.drift.stream;

/** Counters and state shared by the detectors; subclasses implement {@link #step(double)}. */
abstract class AbstractDetector implements ConceptDriftDetector {

  private DriftState state = DriftState.STABLE;
  private long updates;
  private long drifts;
  private long warnings;

  @Override
  public final DriftState update(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite, but was " + value);
    }
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

  static double requireOpenUnit(String name, double v) {
    if (!(v > 0 && v < 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1), but was " + v);
    }
    return v;
  }

  static double requirePositive(String name, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be positive and finite, but was " + v);
    }
    return v;
  }

  static double requireNonNegative(String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be non-negative and finite, but was " + v);
    }
    return v;
  }

  static int requireAtLeast(String name, int v, int min) {
    if (v < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", but was " + v);
    }
    return v;
  }

  static void requireBinary(double value) {
    if (value != 0.0 && value != 1.0) {
      throw new IllegalArgumentException(
          "value must be an error indicator 0 or 1, but was " + value);
    }
  }
}
