package org.mlops4j.core.tracking.internal;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.AtomicFiles.Durability;
import org.mlops4j.report.internal.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes DVCLive's layout for one run, beside the MLflow one:
 *
 * <ul>
 *   <li>{@code plots/metrics/<key>.tsv}: header {@code timestamp<TAB>step<TAB><last segment of
 *       key>}, then one line per point, {@code <timestamp ms><TAB><step><TAB><value>}, the value in
 *       Python float syntax; append-only;
 *   <li>{@code metrics.json}: the last logged value of each metric, nested by {@code /} ({@code
 *       train/loss} becomes {@code {"train": {"loss": ...}}}), plus {@code "step"}, the largest
 *       step logged; rewritten atomically;
 *   <li>{@code params.yaml}: the params, numbers and booleans plain, other text quoted as needed;
 *       rewritten atomically.
 * </ul>
 *
 * Source of the format: DVCLive's documentation of {@code Live.log_metric} and {@code
 * Live.make_summary}. The JSON is DVCLive's, not mlops4j's (no header); NaN and infinities are
 * written bare ({@code NaN}, {@code Infinity}), as Python's {@code json} module writes them.
 * Whole-file writes are atomic, with their temporary files in a folder of the caller's choice: the
 * run's folder when the DVCLive folder is inside the run (so that every temporary of a store is at
 * most two folders below its root, where the tracker removes those of dead processes), else the
 * DVCLive folder itself (never {@code plots/}); nothing is forced to the device ({@link
 * Durability#ATOMIC}).
 */
public final class DvcLiveWriter {

  private static final Logger LOG = LoggerFactory.getLogger(DvcLiveWriter.class);
  private static final ObjectWriter JSON =
      Json.mapper().writer().without(JsonWriteFeature.WRITE_NAN_AS_STRINGS);

  private final Path dir;
  private final Path tmpDir;
  private final Map<String, StringBuilder> pending = new TreeMap<>();
  private final Set<String> existing = new HashSet<>();
  private final Map<String, Double> latest = new TreeMap<>();
  private long maxStep = Long.MIN_VALUE;
  private boolean summaryDirty;

  /**
   * @param dir the DVCLive folder, e.g. {@code dvclive}; temporary files go there too
   */
  public DvcLiveWriter(Path dir) {
    this(dir, dir);
  }

  /**
   * @param dir the DVCLive folder, e.g. {@code dvclive}
   * @param tmpDir the folder of the temporary files, on the same file system
   */
  public DvcLiveWriter(Path dir, Path tmpDir) {
    this.dir = dir;
    this.tmpDir = tmpDir;
  }

  /**
   * @return the DVCLive folder
   */
  public Path dir() {
    return dir;
  }

  void add(String key, double value, long step, long timestamp) {
    StringBuilder sb = pending.computeIfAbsent(key, k -> new StringBuilder(128));
    sb.append(timestamp)
        .append('\t')
        .append(step)
        .append('\t')
        .append(PyFloat.repr(value))
        .append('\n');
    latest.put(key, value);
    maxStep = Math.max(maxStep, step);
    summaryDirty = true;
  }

  void writePending() throws IOException {
    try {
      for (Map.Entry<String, StringBuilder> e : pending.entrySet()) {
        String key = e.getKey();
        Path file = dir.resolve("plots").resolve("metrics").resolve(key + ".tsv");
        byte[] lines = e.getValue().toString().getBytes(StandardCharsets.UTF_8);
        // the first lines of a key replace any file left by an earlier run in a shared folder
        // (LocalTracker.Builder#dvcLive(Path): each run writes over the previous run's files)
        if (existing.contains(key)) {
          AtomicFiles.append(file, lines, Durability.ATOMIC);
        } else {
          String name = key.substring(key.lastIndexOf('/') + 1);
          String header = "timestamp\tstep\t" + name + "\n";
          byte[] h = header.getBytes(StandardCharsets.UTF_8);
          byte[] all = new byte[h.length + lines.length];
          System.arraycopy(h, 0, all, 0, h.length);
          System.arraycopy(lines, 0, all, h.length, lines.length);
          write(file, all);
        }
        existing.add(key);
      }
    } finally {
      pending.clear();
    }
    if (summaryDirty) {
      write(dir.resolve("metrics.json"), JSON.writeValueAsBytes(summary()));
      summaryDirty = false;
    }
  }

  private Map<String, Object> summary() {
    Map<String, Object> root = new LinkedHashMap<>();
    if (maxStep != Long.MIN_VALUE) {
      root.put("step", maxStep);
    }
    for (Map.Entry<String, Double> e : latest.entrySet()) {
      String[] parts = e.getKey().split("/");
      Map<String, Object> node = root;
      boolean conflict = false;
      for (int i = 0; i < parts.length - 1; i++) {
        Object child = node.get(parts[i]);
        if (child == null) {
          Map<String, Object> m = new LinkedHashMap<>();
          node.put(parts[i], m);
          node = m;
        } else if (child instanceof Map<?, ?>) {
          @SuppressWarnings("unchecked")
          Map<String, Object> m = (Map<String, Object>) child;
          node = m;
        } else {
          conflict = true;
          break;
        }
      }
      if (conflict || node.get(parts[parts.length - 1]) instanceof Map<?, ?>) {
        LOG.warn(
            "DVCLive metrics.json: metric '{}' clashes with another metric's path; left out",
            e.getKey());
        continue;
      }
      node.put(parts[parts.length - 1], e.getValue());
    }
    return root;
  }

  /** Rewrites {@code params.yaml} with all the run's params. */
  public synchronized void writeParams(Map<String, String> params) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
      sb.append(Yaml.string(e.getKey()))
          .append(": ")
          .append(Yaml.typedScalar(e.getValue()))
          .append('\n');
    }
    write(dir.resolve("params.yaml"), sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a whole file atomically, its temporary file in the temporary folder. */
  private void write(Path target, byte[] bytes) throws IOException {
    AtomicFiles.write(target, out -> out.write(bytes), Durability.ATOMIC, tmpDir);
  }
}
