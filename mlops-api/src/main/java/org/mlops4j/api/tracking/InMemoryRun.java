package org.mlops4j.api.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Names;
import org.mlops4j.api.internal.Require;

/**
 * A {@link Run} that keeps everything in memory, for users' unit tests and notebooks, as
 * Micrometer's {@code SimpleMeterRegistry} serves tests of instrumented code: hand it to any
 * {@code logTo(run)} and read back what was logged.
 *
 * <p>It checks names as the file store does (MLflow's key rules: {@code ^[/\w.\- ]*$}, at most 250
 * characters, a normalised relative path) and keeps params immutable, so a test that passes here
 * does not fail on a real store. Thread-safe; every method returns quickly.
 *
 * <pre>{@code
 * InMemoryRun run = InMemoryRun.create("test");
 * report.logTo(run);
 * assertThat(run.latestMetric("drift.age.ks")).hasValue(0.43);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class InMemoryRun implements Run {
  private final String id = UUID.randomUUID().toString().replace("-", "");
  private final String name;
  private final Map<String, String> params = new LinkedHashMap<>();
  private final Map<String, String> tags = new LinkedHashMap<>();
  private final Map<String, List<Metric>> metrics = new LinkedHashMap<>();
  private final Map<String, byte[]> artifacts = new LinkedHashMap<>();
  private RunStatus status = RunStatus.RUNNING;
  private @Nullable Throwable failure;

  private InMemoryRun(String name) {
    this.name = name;
  }

  /**
   * A new run in status {@code RUNNING}.
   *
   * @param name the run's name
   * @throws NullPointerException when name is null
   */
  public static InMemoryRun create(String name) {
    return new InMemoryRun(Require.nonNull(name, "name"));
  }

  @Override
  public String id() {
    return id;
  }

  /** @return {@code "0"}, the id of MLflow's default experiment */
  @Override
  public String experimentId() {
    return "0";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized RunStatus status() {
    return status;
  }

  /** @throws IllegalArgumentException when the key was logged before with another value */
  @Override
  public synchronized InMemoryRun logParam(String key, String value) {
    Names.validateKey("param key", key);
    Require.nonNull(value, "value");
    checkOpen();
    String old = params.putIfAbsent(key, value);
    if (old != null && !old.equals(value)) {
      throw new IllegalArgumentException(
          "param '" + key + "' was already logged as '" + old + "' and cannot be changed to '"
              + value + "' (params are immutable)");
    }
    return this;
  }

  @Override
  public synchronized InMemoryRun logParams(Map<String, ?> values) {
    Require.nonNull(values, "params");
    values.forEach((k, v) -> logParam(k, String.valueOf(Require.nonNull(v, "params[" + k + "]"))));
    return this;
  }

  @Override
  public InMemoryRun logMetric(String key, double value) {
    return logMetric(key, value, 0);
  }

  @Override
  public synchronized InMemoryRun logMetric(String key, double value, long step) {
    Names.validateKey("metric key", key);
    checkOpen();
    metrics
        .computeIfAbsent(key, k -> new ArrayList<>())
        .add(new Metric(key, value, step, System.currentTimeMillis()));
    return this;
  }

  @Override
  public synchronized InMemoryRun setTag(String key, String value) {
    Names.validateKey("tag key", key);
    Require.nonNull(value, "value");
    checkOpen();
    tags.put(key, value);
    return this;
  }

  /** Keeps the file's bytes under its file name. */
  @Override
  public InMemoryRun logArtifact(Path file) {
    return logArtifact(file, "");
  }

  /** Keeps the file's bytes under {@code artifactDir/<file name>}. */
  @Override
  public InMemoryRun logArtifact(Path file, String artifactDir) {
    Require.nonNull(file, "file");
    Require.nonNull(artifactDir, "artifactDir");
    Path fileName = Require.nonNull(file.getFileName(), "file name");
    String path = artifactDir.isEmpty() ? fileName.toString() : artifactDir + "/" + fileName;
    Names.validateKey("artifact path", path);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
    }
    synchronized (this) {
      checkOpen();
      artifacts.put(path, bytes);
    }
    return this;
  }

  @Override
  public synchronized InMemoryRun logText(String artifactPath, String text) {
    Names.validateKey("artifact path", artifactPath);
    Require.nonNull(text, "text");
    checkOpen();
    artifacts.put(artifactPath, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return this;
  }

  /** Nothing to flush: everything is in memory already. */
  @Override
  public void flush() {}

  /** Ends the run {@code FAILED} and keeps the cause ({@link #failure()}). */
  @Override
  public synchronized void fail(Throwable cause) {
    Require.nonNull(cause, "cause");
    if (!status.isTerminal()) {
      failure = cause;
      status = RunStatus.FAILED;
    }
  }

  /** @throws IllegalArgumentException when status is not terminal (FINISHED, FAILED, KILLED) */
  @Override
  public synchronized void end(RunStatus endStatus) {
    Require.nonNull(endStatus, "status");
    Require.argument(endStatus.isTerminal(), "status", "FINISHED, FAILED or KILLED", endStatus);
    if (!status.isTerminal()) {
      status = endStatus;
    }
  }

  /** Ends a running run {@code FINISHED}; nothing when it has ended already. */
  @Override
  public void close() {
    end(RunStatus.FINISHED);
  }

  /** @return the params logged so far, in logging order */
  public synchronized Map<String, String> params() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** @return the tags set so far */
  public synchronized Map<String, String> tags() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /** @return the latest value of every metric key, in the order keys were first logged */
  public synchronized Map<String, Double> latestMetrics() {
    Map<String, Double> out = new LinkedHashMap<>();
    metrics.forEach((k, v) -> out.put(k, v.get(v.size() - 1).value()));
    return Collections.unmodifiableMap(out);
  }

  /** @return the latest value logged under the key, or empty */
  public synchronized Optional<Double> latestMetric(String key) {
    List<Metric> points = metrics.get(Require.nonNull(key, "key"));
    return points == null ? Optional.empty() : Optional.of(points.get(points.size() - 1).value());
  }

  /** @return every point logged under the key, in logging order (empty when none) */
  public synchronized List<Metric> metricHistory(String key) {
    return List.copyOf(metrics.getOrDefault(Require.nonNull(key, "key"), List.of()));
  }

  /** @return the artifact paths logged so far */
  public synchronized List<String> artifactPaths() {
    return List.copyOf(artifacts.keySet());
  }

  /** @return the text of an artifact (UTF-8), or empty when none was logged at that path */
  public synchronized Optional<String> artifactText(String artifactPath) {
    byte[] b = artifacts.get(Require.nonNull(artifactPath, "artifactPath"));
    return b == null
        ? Optional.empty()
        : Optional.of(new String(b, java.nio.charset.StandardCharsets.UTF_8));
  }

  /** @return the cause given to {@link #fail(Throwable)}, or empty */
  public synchronized Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  private void checkOpen() {
    Require.state(!status.isTerminal(), "run '" + name + "' has ended (" + status + "); nothing more can be logged");
  }

  /** @return {@code InMemoryRun[name, status, n params, n metrics, n artifacts]} */
  @Override
  public synchronized String toString() {
    return "InMemoryRun[" + name + ", " + status + ", " + params.size() + " params, "
        + metrics.size() + " metrics, " + artifacts.size() + " artifacts]";
  }
}
