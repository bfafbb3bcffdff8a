package org.mlops4j.pipeline;

import java.time.Duration;
import org.mlops4j.api.internal.Require;

/**
 * What happened to one stage in a run, or would happen in {@link Pipeline#status()}.
 *
 * @param stage the stage name
 * @param action what was done
 * @param reason why, e.g. {@code up to date} or {@code param 'split' changed: 0.2 -> 0.3}
 * @param duration time spent on the stage in this run (zero in a status)
 * @since 0.1.0
 */
public record StageOutcome(String stage, Action action, String reason, Duration duration) {

  /** What a run does with a stage. */
  public enum Action {
    /** The work ran and its outputs were stored and put in place. */
    RAN,
    /** Outputs were restored from the run cache: the same inputs, params and code ran before. */
    RESTORED,
    /** Nothing to do: inputs, params, code version and outputs match the lock. */
    SKIPPED,
    /**
     * The work threw, broke the rules (undeclared or missing outputs), or an input no longer
     * exists; nothing was put in place.
     */
    FAILED,
    /** Not attempted because a stage it depends on failed. */
    NOT_RUN,
    /** In a status: the stage would run (or be restored). */
    STALE
  }

  /**
   * Canonical constructor.
   *
   * @throws NullPointerException if an argument is null
   */
  public StageOutcome {
    Require.nonNull(stage, "stage");
    Require.nonNull(action, "action");
    Require.nonNull(reason, "reason");
    Require.nonNull(duration, "duration");
  }

  @Override
  public String toString() {
    return stage
        + ": "
        + action
        + " ("
        + reason
        + (duration.isZero() ? "" : ", " + duration.toMillis() + " ms")
        + ")";
  }
}
