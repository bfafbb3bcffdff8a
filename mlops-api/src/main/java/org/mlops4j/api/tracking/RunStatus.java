package org.mlops4j.api.tracking;

/**
 * The status of a tracking run, with the integer codes of MLflow's {@code RunStatus} as they are
 * written to a run's {@code meta.yaml}: 1 RUNNING, 2 SCHEDULED, 3 FINISHED, 4 FAILED, 5 KILLED.
 *
 * @since 0.1.0
 */
public enum RunStatus {
  /** The run is in progress (code 1). */
  RUNNING(1),
  /** The run is scheduled but has not started (code 2). */
  SCHEDULED(2),
  /** The run ended normally (code 3). */
  FINISHED(3),
  /** The work inside the run threw (code 4). */
  FAILED(4),
  /** The run was stopped from outside (code 5). */
  KILLED(5);

  private final int code;

  RunStatus(int code) {
    this.code = code;
  }

  /**
   * @return MLflow's integer code for this status, 1 to 5
   */
  public int code() {
    return code;
  }

  /**
   * @return true for FINISHED, FAILED and KILLED
   */
  public boolean isTerminal() {
    return this == FINISHED || this == FAILED || this == KILLED;
  }

  /**
   * @param code MLflow's integer code, 1 to 5
   * @return the status with that code
   * @throws IllegalArgumentException if the code is not 1 to 5
   */
  public static RunStatus ofCode(int code) {
    for (RunStatus s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new IllegalArgumentException("code must be 1 to 5 (MLflow RunStatus), but was " + code);
  }
}
