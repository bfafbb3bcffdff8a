package org.mlops4j.api.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.mlops4j.api.internal.Require;

/**
 * A run as read back from a store: its {@code meta.yaml}, its params and tags, and the latest point
 * of each metric. The full history of a metric comes from {@link Tracker#metricHistory(String,
 * String)}.
 *
 * <p>The latest point of a metric is MLflow's: the point with the largest step, then the largest
 * timestamp, then the largest value.
 *
 * @param runId the run's id, also the name of its folder
 * @param experimentId the id of the experiment the run belongs to
 * @param name the run's name ({@code run_name}, or the {@code mlflow.runName} tag)
 * @param status the run's status
 * @param startTime when the run started (millisecond precision)
 * @param endTime when the run ended; empty while it runs
 * @param user the user who started the run
 * @param lifecycleStage active, or deleted
 * @param artifactUri the URI of the run's artifact folder
 * @param params the params, by key, in key order
 * @param tags the tags, by key, in key order
 * @param metrics the latest point of each metric, by key, in key order
 * @since 0.1.0
 */
public record RunRecord(
    String runId,
    String experimentId,
    String name,
    RunStatus status,
    Instant startTime,
    Optional<Instant> endTime,
    String user,
    LifecycleStage lifecycleStage,
    String artifactUri,
    Map<String, String> params,
    Map<String, String> tags,
    Map<String, Metric> metrics) {

  /**
   * The tag in which a running run records that its process is alive: the time, in milliseconds
   * since the epoch, of the latest heartbeat (written when the run starts, then at most every
   * heartbeat interval while it runs; mlops4j's {@code LocalTracker}).
   */
  public static final String HEARTBEAT_TAG = "mlops4j.heartbeat";

  /** Canonical constructor; copies the maps into immutable, key-ordered maps. */
  public RunRecord {
    Require.nonNull(runId, "runId");
    Require.nonNull(experimentId, "experimentId");
    Require.nonNull(name, "name");
    Require.nonNull(status, "status");
    Require.nonNull(startTime, "startTime");
    Require.nonNull(endTime, "endTime");
    Require.nonNull(user, "user");
    Require.nonNull(lifecycleStage, "lifecycleStage");
    Require.nonNull(artifactUri, "artifactUri");
    params = Collections.unmodifiableMap(new TreeMap<>(Require.nonNull(params, "params")));
    tags = Collections.unmodifiableMap(new TreeMap<>(Require.nonNull(tags, "tags")));
    metrics = Collections.unmodifiableMap(new TreeMap<>(Require.nonNull(metrics, "metrics")));
  }

  /**
   * @return the param's value, or empty if the run has no such param
   */
  public Optional<String> param(String key) {
    return Optional.ofNullable(params.get(key));
  }

  /**
   * @return the tag's value, or empty if the run has no such tag
   */
  public Optional<String> tag(String key) {
    return Optional.ofNullable(tags.get(key));
  }

  /**
   * @return the latest value of the metric, or empty if the run never logged it
   */
  public OptionalDouble metric(String key) {
    Metric m = metrics.get(key);
    return m == null ? OptionalDouble.empty() : OptionalDouble.of(m.value());
  }

  /**
   * @return true unless the run has been deleted
   */
  public boolean isActive() {
    return lifecycleStage == LifecycleStage.ACTIVE;
  }

  /**
   * @return the time of the run's latest heartbeat ({@link #HEARTBEAT_TAG}), or empty if it has
   *     none or it is not a number of milliseconds
   */
  public Optional<Instant> lastHeartbeat() {
    String v = tags.get(HEARTBEAT_TAG);
    if (v == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.ofEpochMilli(Long.parseLong(v.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the run is probably dead: it still says {@link RunStatus#RUNNING} but its process has
   * not recorded a heartbeat for longer than {@code silence} (a process killed with {@code kill -9}
   * or a power loss cannot end its runs).
   *
   * @param now the current time
   * @param silence how long without a heartbeat makes a run probably dead (a few heartbeat
   *     intervals)
   * @return the time of the last heartbeat when the run is probably dead since then, else empty
   *     (also for a run without heartbeats, written by MLflow or an older mlops4j)
   */
  public Optional<Instant> probablyDeadSince(Instant now, Duration silence) {
    Require.nonNull(now, "now");
    Require.nonNull(silence, "silence");
    if (status != RunStatus.RUNNING) {
      return Optional.empty();
    }
    return lastHeartbeat().filter(h -> h.plus(silence).isBefore(now));
  }
}
