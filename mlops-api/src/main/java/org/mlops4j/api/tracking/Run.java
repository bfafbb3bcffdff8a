package org.mlops4j.api.tracking;

import java.nio.file.Path;
import java.util.Map;

/**
 * A tracking run in progress: the handle through which params, metrics, tags and artifacts are
 * logged. A run is {@link AutoCloseable}: closing it ends it as {@link RunStatus#FINISHED} unless
 * it was already ended, for example as {@link RunStatus#FAILED} by {@link #fail(Throwable)}.
 *
 * <pre>{@code
 * try (Run run = tracker.startRun("churn", "baseline")) {
 *   run.logParam("lr", "0.01");
 *   for (int epoch = 0; epoch < 10; epoch++) {
 *     run.logMetric("loss", loss[epoch], epoch);
 *   }
 * }
 * }</pre>
 *
 * <p>Names (param, metric and tag keys, artifact paths) follow MLflow's rules: letters, digits,
 * {@code _ - . / space}, at most 250 characters, no {@code ..}, no leading {@code /}; and, so that
 * two names that look alike or that another file system takes for one are never two keys: no
 * invisible (zero-width, format) characters, Unicode normalization form NFC, no segment that
 * Windows reserves for a device ({@code CON}, {@code aux.txt}, ...), no segment ending in {@code .}
 * or a space. Anything else is rejected with {@link IllegalArgumentException}, naming the rule,
 * before it touches the file system; a null argument is a {@link NullPointerException} naming it. A
 * param is immutable: logging a different value for the same key fails.
 *
 * <p>Implementations are safe for concurrent use by many threads. Logging a metric is cheap on the
 * caller's thread; the point reaches the store at the latest at {@link #flush()} or {@link
 * #close()}.
 *
 * @since 0.1.0
 */
public interface Run extends AutoCloseable {

  /**
   * @return the run's id (32 lowercase hex characters in the local store)
   */
  String id();

  /**
   * @return the id of the experiment the run belongs to
   */
  String experimentId();

  /**
   * @return the run's display name
   */
  String name();

  /**
   * @return the run's status now; RUNNING until it is ended
   */
  RunStatus status();

  /**
   * Logs a param. Logging the same value again is allowed; a different value fails.
   *
   * @return this run
   * @throws NullPointerException if the key or the value is null
   * @throws IllegalArgumentException if the key is not a valid name or already has a different
   *     value
   */
  Run logParam(String key, String value);

  /**
   * Logs each entry as a param, with {@link String#valueOf(Object)} of the value.
   *
   * @return this run
   * @throws IllegalArgumentException as {@link #logParam(String, String)}
   */
  Run logParams(Map<String, ?> params);

  /**
   * Logs a metric point at step 0 with the current time.
   *
   * @return this run
   * @throws IllegalArgumentException if the key is not a valid name
   */
  Run logMetric(String key, double value);

  /**
   * Logs a metric point at the given step with the current time. NaN and infinities are recorded as
   * such.
   *
   * @return this run
   * @throws IllegalArgumentException if the key is not a valid name
   */
  Run logMetric(String key, double value, long step);

  /**
   * Sets a tag; a later value replaces an earlier one.
   *
   * @return this run
   * @throws NullPointerException if the key or the value is null
   * @throws IllegalArgumentException if the key is not a valid name
   */
  Run setTag(String key, String value);

  /**
   * Copies a file (or a directory, recursively) into the run's artifacts, under its own name.
   *
   * @return this run
   * @throws IllegalArgumentException if the file does not exist
   */
  Run logArtifact(Path file);

  /**
   * Copies a file (or a directory, recursively) into the run's artifacts under {@code artifactDir},
   * a relative path such as {@code "reports/drift"}.
   *
   * @return this run
   * @throws IllegalArgumentException if the file does not exist or artifactDir is not a valid name
   */
  Run logArtifact(Path file, String artifactDir);

  /**
   * Writes text (UTF-8) as an artifact at {@code artifactPath}, for example {@code
   * "drift/report.html"}; the write is atomic.
   *
   * @return this run
   * @throws IllegalArgumentException if artifactPath is not a valid name
   */
  Run logText(String artifactPath, String text);

  /** Writes every point logged so far to the store before returning. */
  void flush();

  /**
   * Ends the run as {@link RunStatus#FAILED} and records the failure (its class and message as a
   * tag, its stack trace as an artifact). Does nothing if the run has already ended.
   */
  void fail(Throwable cause);

  /**
   * Ends the run with the given terminal status. Does nothing if the run has already ended.
   *
   * @throws IllegalArgumentException if the status is not terminal
   */
  void end(RunStatus status);

  /** Ends the run as {@link RunStatus#FINISHED}, unless it has already ended. */
  @Override
  void close();
}
