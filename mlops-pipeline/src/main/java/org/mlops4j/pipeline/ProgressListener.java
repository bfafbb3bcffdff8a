package org.mlops4j.pipeline;

/**
 * Receives the progress of a pipeline run. Methods may be called from several threads at once
 * (independent stages run in parallel); every method does nothing by default.
 *
 * @since 0.1.0
 */
public interface ProgressListener {

  /** A listener that ignores everything. */
  ProgressListener NONE = new ProgressListener() {};

  /**
   * A stage's work is about to start.
   *
   * @param stage the stage name
   * @param reason why it runs, e.g. {@code input 'data/raw.csv' changed}
   */
  default void stageStarted(String stage, String reason) {}

  /**
   * A stage reported progress through {@link StageContext#progress(double, String)}.
   *
   * @param stage the stage name
   * @param fraction done so far, in [0, 1]
   * @param message what is being done
   */
  default void progress(String stage, double fraction, String message) {}

  /**
   * A stage is done: ran, restored, skipped, failed or not run.
   *
   * @param outcome what happened
   */
  default void stageFinished(StageOutcome outcome) {}
}
