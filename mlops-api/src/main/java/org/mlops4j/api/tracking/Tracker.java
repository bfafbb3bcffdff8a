package org.mlops4j.api.tracking;

import java.util.List;
import java.util.Optional;

/**
 * The entry point of experiment tracking: creates experiments and runs, and queries what they
 * recorded. The local implementation is {@code org.mlops4j.core.tracking.LocalTracker}, which
 * writes a store that MLflow reads ({@code mlflow ui --backend-store-uri ./mlruns}).
 *
 * <pre>{@code
 * try (Tracker tracker = LocalTracker.open()) {
 *   double auc = tracker.run("churn", "baseline", run -> {
 *     run.logParam("lr", "0.01");
 *     run.logMetric("auc", 0.91);
 *     return 0.91;
 *   });
 *   Optional<RunRecord> best = tracker.bestRun("churn", "auc", MetricGoal.MAXIMIZE);
 * }
 * }</pre>
 *
 * <p>{@code run(...)} takes work that returns a value; {@code runVoid(...)} takes a block that
 * returns nothing (two names because Java cannot tell the two kinds of lambda apart).
 *
 * <p>Implementations are safe for concurrent use. Queries read the store as it is on disk; points
 * logged but not yet flushed by a run of this tracker are not seen until {@link Run#flush()}.
 *
 * @since 0.1.0
 */
public interface Tracker extends AutoCloseable {

  /**
   * Returns the active experiment with this name, creating it if there is none.
   *
   * @throws NullPointerException if the name is null
   * @throws IllegalArgumentException if the name is blank
   * @throws IllegalStateException if a deleted experiment has this name
   */
  Experiment experiment(String name);

  /**
   * @return the active experiment with this name, or empty
   */
  Optional<Experiment> findExperiment(String name);

  /**
   * @return the active experiments, in id order ({@code "0"} first)
   */
  List<Experiment> experiments();

  /**
   * @return all experiments, active and deleted, in id order
   */
  List<Experiment> allExperiments();

  /**
   * Starts a run in the experiment (created if needed).
   *
   * @return the run, RUNNING; close it to end it FINISHED
   */
  Run startRun(String experimentName, String runName);

  /**
   * @return a builder for a run in the experiment (created if needed)
   */
  RunBuilder newRun(String experimentName);

  /**
   * Runs the work in a new run: FINISHED if it returns, FAILED (with the failure recorded) if it
   * throws, in which case the exception is rethrown (a checked one wrapped in an {@link
   * org.mlops4j.api.MlopsException} {@code "run '<name>' failed: <cause>"}).
   *
   * @return the work's result
   */
  <T> T run(String experimentName, String runName, RunWork<T> work);

  /** As {@link #run(String, String, RunWork)}, for work that returns nothing. */
  void runVoid(String experimentName, String runName, RunAction work);

  /**
   * @return the active runs of the experiment, most recently started first; empty if there is no
   *     such experiment
   */
  List<RunRecord> runs(String experimentName);

  /**
   * @return the active runs of the experiment that pass the filter, most recently started first
   */
  List<RunRecord> runs(String experimentName, RunFilter filter);

  /**
   * @return all runs of the experiment, active and deleted, most recently started first
   */
  List<RunRecord> allRuns(String experimentName);

  /**
   * @return the run with this id, in any experiment, active or deleted; or empty
   * @throws IllegalArgumentException if the id is not a valid run id
   */
  Optional<RunRecord> findRun(String runId);

  /**
   * The active run of the experiment with the best latest value of the metric; runs without the
   * metric or with a NaN latest value are not candidates. Ties go to the earlier-started run.
   *
   * @return the best run, or empty if no run has the metric
   */
  Optional<RunRecord> bestRun(String experimentName, String metricKey, MetricGoal goal);

  /**
   * Every point of the run's metric, in the order they were logged.
   *
   * @return the history; empty if the run never logged the metric
   * @throws IllegalArgumentException if there is no such run or the key is not a valid name
   */
  List<Metric> metricHistory(String runId, String metricKey);

  /**
   * @return the runs side by side
   * @throws IllegalArgumentException if a run id is unknown
   */
  RunComparison compare(String... runIds);

  /** Writes every point logged so far by this tracker's runs before returning. */
  void flush();

  /**
   * Flushes, ends the runs still in progress as {@link RunStatus#KILLED}, and stops any background
   * writer. Idempotent.
   */
  @Override
  void close();
}
