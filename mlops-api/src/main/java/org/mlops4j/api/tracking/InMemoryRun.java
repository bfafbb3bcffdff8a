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
 * Micrometer's {@code SimpleMeterRegistry} serves tests of instrumented code: hand it to any {@code
 * logTo(run)} and read back what was logged.
 *
 * <p>It behaves as the file store does, so a test that passes here does not fail on a real store:
 * names checked by MLflow's key rules ({@code ^[/\w.\- ]*$}, at most 250 characters, a normalised
 * relative path), params immutable, a key that is also the folder of another key of the same kind
 * refused ({@code train} and {@code train/loss}), params and metrics refused once the run has ended
 * (tags and artifacts still accepted, as the store accepts them), a folder logged as an artifact
 * kept file by file. Thread-safe; every method returns quickly.
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

  /**
   * @return {@code "0"}, the id of MLflow's default experiment
   */
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

  /**
   * @throws IllegalArgumentException when the key was logged before with another value
   */
  @Override
  public synchronized InMemoryRun logParam(String key, String value) {
    Names.validateKey("param key", key);
    Require.nonNull(value, "value");
    requireRunning("log param '" + key + "'");
    String old = params.get(key);
    if (old != null) {
      if (!old.equals(value)) {
        throw new IllegalArgumentException(
            "param '"
                + key
                + "' was already logged as '"
                + old
                + "' and cannot be changed to '"
                + value
                + "' (params are immutable)");
      }
      return this;
    }
    requireNoFolderClash("param key", key, params.keySet());
    params.put(key, value);
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
    requireRunning("log metric '" + key + "'");
    if (!metrics.containsKey(key)) {
      requireNoFolderClash("metric key", key, metrics.keySet());
    }
    metrics
        .computeIfAbsent(key, k -> new ArrayList<>())
        .add(new Metric(key, value, step, System.currentTimeMillis()));
    return this;
  }

  @Override
  public synchronized InMemoryRun setTag(String key, String value) {
    Names.validateKey("tag key", key);
    Require.nonNull(value, "value");
    if (!tags.containsKey(key)) {
      requireNoFolderClash("tag key", key, tags.keySet());
    }
    tags.put(key, value);
    return this;
  }

  /**
   * Keeps the file's bytes under its file name, or a folder's files under the folder's name.
   *
   * @throws IllegalArgumentException when the file does not exist
   */
  @Override
  public InMemoryRun logArtifact(Path file) {
    Require.nonNull(file, "file");
    requireExists(file);
    String fileName = fileName(file);
    Names.validateKey("artifact file name", fileName);
    return keep(file, fileName);
  }

  /**
   * Keeps the file's bytes under {@code artifactDir/<file name>} (a folder file by file).
   *
   * @throws IllegalArgumentException when the file does not exist or artifactDir is not a valid
   *     relative path
   */
  @Override
  public InMemoryRun logArtifact(Path file, String artifactDir) {
    Require.nonNull(file, "file");
    Names.validateKey("artifactDir", artifactDir);
    requireExists(file);
    String fileName = fileName(file);
    Names.validateKey("artifact file name", fileName);
    return keep(file, artifactDir + "/" + fileName);
  }

  private static void requireExists(Path file) {
    Require.argument(Files.exists(file), "file", "an existing file or folder", "'" + file + "'");
  }

  private static String fileName(Path file) {
    Path name = file.toAbsolutePath().normalize().getFileName();
    return name == null ? "" : name.toString();
  }

  private InMemoryRun keep(Path source, String path) {
    Map<String, byte[]> read = new LinkedHashMap<>();
    try {
      if (Files.isDirectory(source)) {
        try (var paths = Files.walk(source)) {
          for (Path p : (Iterable<Path>) paths::iterator) {
            if (Files.isRegularFile(p)) {
              read.put(
                  path + "/" + source.relativize(p).toString().replace('\\', '/'),
                  Files.readAllBytes(p));
            }
          }
        }
      } else {
        read.put(path, Files.readAllBytes(source));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source.toAbsolutePath(), e);
    }
    synchronized (this) {
      artifacts.putAll(read);
    }
    return this;
  }

  @Override
  public synchronized InMemoryRun logText(String artifactPath, String text) {
    Names.validateKey("artifact path", artifactPath);
    Require.nonNull(text, "text");
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

  /**
   * @throws IllegalArgumentException when status is not terminal (FINISHED, FAILED, KILLED)
   */
  @Override
  public synchronized void end(RunStatus endStatus) {
    Require.nonNull(endStatus, "status");
    Require.argument(
        endStatus.isTerminal(), "status", "terminal (FINISHED, FAILED or KILLED)", endStatus);
    if (!status.isTerminal()) {
      status = endStatus;
    }
  }

  /** Ends a running run {@code FINISHED}; nothing when it has ended already. */
  @Override
  public void close() {
    end(RunStatus.FINISHED);
  }

  /**
   * @return the params logged so far, in logging order
   */
  public synchronized Map<String, String> params() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /**
   * @return the tags set so far
   */
  public synchronized Map<String, String> tags() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /**
   * @return the latest value of every metric key, in the order keys were first logged
   */
  public synchronized Map<String, Double> latestMetrics() {
    Map<String, Double> out = new LinkedHashMap<>();
    metrics.forEach((k, v) -> out.put(k, v.get(v.size() - 1).value()));
    return Collections.unmodifiableMap(out);
  }

  /**
   * @return the latest value logged under the key, or empty
   */
  public synchronized Optional<Double> latestMetric(String key) {
    List<Metric> points = metrics.get(Require.nonNull(key, "key"));
    return points == null ? Optional.empty() : Optional.of(points.get(points.size() - 1).value());
  }

  /**
   * @return every point logged under the key, in logging order (empty when none)
   */
  public synchronized List<Metric> metricHistory(String key) {
    return List.copyOf(metrics.getOrDefault(Require.nonNull(key, "key"), List.of()));
  }

  /**
   * @return the artifact paths logged so far
   */
  public synchronized List<String> artifactPaths() {
    return List.copyOf(artifacts.keySet());
  }

  /**
   * @return the text of an artifact (UTF-8), or empty when none was logged at that path
   */
  public synchronized Optional<String> artifactText(String artifactPath) {
    byte[] b = artifacts.get(Require.nonNull(artifactPath, "artifactPath"));
    return b == null
        ? Optional.empty()
        : Optional.of(new String(b, java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * @return the cause given to {@link #fail(Throwable)}, or empty
   */
  public synchronized Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  private void requireRunning(String what) {
    Require.state(
        status == RunStatus.RUNNING, "run " + id + " has ended (" + status + "); cannot " + what);
  }

  /** The store's rule: a key cannot also be the folder of another key of the same kind. */
  private void requireNoFolderClash(String kind, String key, Iterable<String> existing) {
    for (String other : existing) {
      if (other.startsWith(key + "/") || key.startsWith(other + "/")) {
        throw new IllegalArgumentException(
            kind
                + " '"
                + key
                + "' clashes with "
                + kind
                + " '"
                + other
                + "' of run "
                + id
                + ": a key cannot also be the folder of another key");
      }
    }
  }

  /**
   * @return {@code InMemoryRun[name, status, n params, n metrics, n artifacts]}
   */
  @Override
  public synchronized String toString() {
    return "InMemoryRun["
        + name
        + ", "
        + status
        + ", "
        + params.size()
        + " params, "
        + metrics.size()
        + " metrics, "
        + artifacts.size()
        + " artifacts]";
  }
}
