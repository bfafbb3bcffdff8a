package org.mlops4j.core.tracking;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.AtomicFiles.Durability;
import org.mlops4j.api.internal.Names;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.api.tracking.RunStatus;
import org.mlops4j.core.tracking.internal.DvcLiveWriter;
import org.mlops4j.core.tracking.internal.MetricSink;
import org.mlops4j.core.tracking.internal.StoreLinks;
import org.mlops4j.core.tracking.internal.Yaml;

/**
 * A run of a {@link LocalTracker}, writing into its folder of the store: every file atomically
 * ({@link Durability#ATOMIC}, temporary files in the run's folder, outside {@code params/}, {@code
 * metrics/}, {@code tags/} and {@code artifacts/}), metric lines appended by the tracker's writer
 * thread. Every name that becomes a path (keys, artifact paths, the names of the files of a logged
 * folder) passes {@link Names#validateKey}; nothing is written through a folder of the run that is
 * a symbolic link ({@link StoreLinks}).
 */
final class LocalRun implements Run {

  /** The tag recording a failure's class and message. */
  static final String ERROR_TAG = "mlops4j.error";

  /** The tag of the run's name, which MLflow keeps equal to {@code run_name} in meta.yaml. */
  static final String RUN_NAME_TAG = "mlflow.runName";

  /** The artifact holding a failure's stack trace. */
  static final String ERROR_ARTIFACT = "error.txt";

  private final LocalTracker tracker;
  private final String id;
  private final String experimentId;
  private volatile String name;
  private final Path dir;
  private final Map<String, @Nullable Object> meta;
  private final MetricSink sink;
  private final @Nullable DvcLiveWriter dvcLive;
  private final Map<String, String> params = new LinkedHashMap<>();
  private final ConcurrentHashMap<String, Boolean> validMetricKeys = new ConcurrentHashMap<>();
  private volatile RunStatus status = RunStatus.RUNNING;

  LocalRun(
      LocalTracker tracker,
      String id,
      String experimentId,
      String name,
      Path dir,
      Map<String, @Nullable Object> meta,
      @Nullable DvcLiveWriter dvcLive) {
    this.tracker = tracker;
    this.id = id;
    this.experimentId = experimentId;
    this.name = name;
    this.dir = dir;
    this.meta = meta;
    this.dvcLive = dvcLive;
    this.sink = new MetricSink(dir.resolve("metrics"), dir, dvcLive);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String experimentId() {
    return experimentId;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public RunStatus status() {
    return status;
  }

  /**
   * @return the run's folder
   */
  Path dir() {
    return dir;
  }

  private void requireRunning(String what) {
    RunStatus s = status;
    if (s != RunStatus.RUNNING) {
      throw new IllegalStateException("run " + id + " has ended (" + s + "); cannot " + what);
    }
  }

  @Override
  public Run logParam(String key, String value) {
    Names.validateKey("param key", key);
    Require.nonNull(value, "value");
    requireRunning("log param '" + key + "'");
    synchronized (params) {
      String old = params.get(key);
      if (old != null) {
        if (old.equals(value)) {
          return this;
        }
        throw new IllegalArgumentException(
            "param '"
                + key
                + "' was already logged as '"
                + old
                + "' and cannot be changed to '"
                + value
                + "' (params are immutable)");
      }
      write(dir.resolve("params").resolve(key), value);
      params.put(key, value);
      DvcLiveWriter dvc = dvcLive;
      if (dvc != null) {
        // rewritten under the same lock: a snapshot written outside it could overwrite a newer one
        // from another thread and drop a param from params.yaml
        try {
          dvc.writeParams(Map.copyOf(params));
        } catch (IOException e) {
          throw new MlopsException("cannot write " + dvc.dir().resolve("params.yaml"), e);
        }
      }
    }
    return this;
  }

  @Override
  public Run logParams(Map<String, ?> values) {
    Require.nonNull(values, "params");
    // a null value is refused (as by InMemoryRun), not logged as the text "null"
    values.forEach((k, v) -> logParam(k, String.valueOf(Require.nonNull(v, "params[" + k + "]"))));
    return this;
  }

  @Override
  public Run logMetric(String key, double value) {
    return logMetric(key, value, 0L);
  }

  @Override
  public Run logMetric(String key, double value, long step) {
    if (key == null || !validMetricKeys.containsKey(key)) {
      Names.validateKey("metric key", key);
      registerMetricKey(key);
    }
    if (status != RunStatus.RUNNING) {
      requireRunning("log metric '" + key + "'");
    }
    tracker.writer().log(sink, key, value, step, tracker.millis());
    return this;
  }

  /**
   * Remembers a new metric key, rejecting one that is a folder of another ({@code a} and {@code
   * a/b}): its file could never be written, and the writer thread would only find out later.
   */
  private void registerMetricKey(String key) {
    synchronized (validMetricKeys) {
      if (validMetricKeys.containsKey(key)) {
        return;
      }
      for (int slash = key.indexOf('/'); slash >= 0; slash = key.indexOf('/', slash + 1)) {
        String prefix = key.substring(0, slash);
        if (validMetricKeys.containsKey(prefix)) {
          throw new IllegalArgumentException(
              "metric key '"
                  + key
                  + "' clashes with metric key '"
                  + prefix
                  + "' of run "
                  + id
                  + ": a key cannot also be the folder of another key");
        }
      }
      String folder = key + "/";
      for (String other : validMetricKeys.keySet()) {
        if (other.startsWith(folder)) {
          throw new IllegalArgumentException(
              "metric key '"
                  + key
                  + "' clashes with metric key '"
                  + other
                  + "' of run "
                  + id
                  + ": a key cannot also be the folder of another key");
        }
      }
      validMetricKeys.put(key, Boolean.TRUE);
    }
  }

  /**
   * Sets a tag; {@code mlflow.runName} also renames the run ({@code run_name} in {@code
   * meta.yaml}), as MLflow's {@code set_tag} does.
   */
  @Override
  public Run setTag(String key, String value) {
    Names.validateKey("tag key", key);
    Require.nonNull(value, "value");
    if (key.equals(RUN_NAME_TAG)) {
      synchronized (this) {
        writeTag(key, value);
        meta.put("run_name", value);
        write(dir.resolve("meta.yaml"), Yaml.mapping(meta));
        name = value;
      }
    } else {
      writeTag(key, value);
    }
    return this;
  }

  /** Records that the run's process is alive ({@link RunRecord#HEARTBEAT_TAG}). */
  void heartbeat(long millis) {
    if (status == RunStatus.RUNNING) {
      writeTag(RunRecord.HEARTBEAT_TAG, Long.toString(millis));
    }
  }

  /**
   * @return where the run's metric points go
   */
  MetricSink sink() {
    return sink;
  }

  /** Writes a tag whose key is checked here too: the tags the tracker itself sets included. */
  void writeTag(String key, String value) {
    write(dir.resolve("tags").resolve(Names.validateKey("tag key", key)), value);
  }

  @Override
  public Run logArtifact(Path file) {
    Require.nonNull(file, "file");
    requireExists(file);
    String fileName = file.toAbsolutePath().normalize().getFileName().toString();
    Names.validateKey("artifact file name", fileName);
    copy(file, dir.resolve("artifacts").resolve(fileName));
    return this;
  }

  @Override
  public Run logArtifact(Path file, String artifactDir) {
    Require.nonNull(file, "file");
    Names.validateKey("artifactDir", artifactDir);
    requireExists(file);
    String fileName = file.toAbsolutePath().normalize().getFileName().toString();
    Names.validateKey("artifact file name", fileName);
    copy(file, dir.resolve("artifacts").resolve(artifactDir).resolve(fileName));
    return this;
  }

  private static void requireExists(Path file) {
    Require.argument(Files.exists(file), "file", "an existing file or folder", "'" + file + "'");
  }

  /**
   * Copies a file, or a folder's files (as {@code cp -r} and MLflow's {@code log_artifacts}: the
   * content of a linked file is copied). Every name in the folder becomes a path in the store, so
   * each is checked ({@code "artifact file name"}) before the first file is copied.
   */
  private void copy(Path source, Path target) {
    try {
      if (Files.isDirectory(source)) {
        Map<Path, Path> files = new LinkedHashMap<>();
        try (var paths = Files.walk(source)) {
          for (Path p : (Iterable<Path>) paths::iterator) {
            if (Files.isRegularFile(p)) {
              Path t = target;
              for (Path part : source.relativize(p)) {
                t = t.resolve(Names.validateKey("artifact file name", part.toString()));
              }
              files.put(p, t);
            }
          }
        }
        for (Map.Entry<Path, Path> e : files.entrySet()) {
          copyFile(e.getKey(), e.getValue());
        }
      } else {
        copyFile(source, target);
      }
    } catch (IOException e) {
      throw new MlopsException(
          "cannot copy " + source + " to " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Copies one file atomically, streaming it (no copy on the heap), temporary file in the run's
   * folder.
   */
  private void copyFile(Path source, Path target) throws IOException {
    StoreLinks.requireNoLinkedFolder(dir, target);
    AtomicFiles.write(target, out -> Files.copy(source, out), Durability.ATOMIC, dir);
  }

  @Override
  public Run logText(String artifactPath, String text) {
    Names.validateKey("artifact path", artifactPath);
    Require.nonNull(text, "text");
    write(dir.resolve("artifacts").resolve(artifactPath), text);
    return this;
  }

  private void write(Path target, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    try {
      StoreLinks.requireNoLinkedFolder(dir, target);
      AtomicFiles.write(target, out -> out.write(bytes), Durability.ATOMIC, dir);
    } catch (IOException e) {
      throw new MlopsException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * @throws MlopsException if a write of this run's metrics failed (another run's failure is that
   *     run's)
   */
  @Override
  public void flush() {
    tracker.writer().flush(sink);
  }

  /**
   * Synchronized as {@link #end}: a concurrent {@code close()} can neither finish the run between
   * the error record and the FAILED status nor leave an error record on a FINISHED run.
   */
  @Override
  public synchronized void fail(Throwable cause) {
    Require.nonNull(cause, "cause");
    if (status != RunStatus.RUNNING) {
      return;
    }
    String message = cause.getMessage();
    writeTag(ERROR_TAG, cause.getClass().getName() + (message == null ? "" : ": " + message));
    StringWriter sw = new StringWriter();
    cause.printStackTrace(new PrintWriter(sw));
    write(dir.resolve("artifacts").resolve(ERROR_ARTIFACT), sw.toString());
    end(RunStatus.FAILED);
  }

  @Override
  public void end(RunStatus endStatus) {
    Require.nonNull(endStatus, "status");
    Require.argument(
        endStatus.isTerminal(), "status", "terminal (FINISHED, FAILED or KILLED)", endStatus);
    synchronized (this) {
      if (status != RunStatus.RUNNING) {
        return;
      }
      try {
        tracker.writer().flush(sink);
      } finally {
        meta.put("status", endStatus.code());
        meta.put("end_time", tracker.millis());
        write(dir.resolve("meta.yaml"), Yaml.mapping(meta));
        status = endStatus;
        tracker.ended(this);
      }
    }
  }

  @Override
  public void close() {
    end(RunStatus.FINISHED);
  }

  @Override
  public String toString() {
    return "Run[id="
        + id
        + ", experimentId="
        + experimentId
        + ", name="
        + name
        + ", status="
        + status
        + "]";
  }
}
