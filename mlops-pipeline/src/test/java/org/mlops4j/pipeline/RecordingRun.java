package org.mlops4j.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.api.tracking.RunStatus;

/** A test double that records what is logged to it. */
final class RecordingRun implements Run {
  final Map<String, String> params = new LinkedHashMap<>();
  final Map<String, Double> metrics = new LinkedHashMap<>();
  final Map<String, String> tags = new LinkedHashMap<>();
  final List<String> artifacts = new ArrayList<>();
  RunStatus status = RunStatus.RUNNING;

  @Override public String id() { return "0123456789abcdef0123456789abcdef"; }
  @Override public String experimentId() { return "0"; }
  @Override public String name() { return "test"; }
  @Override public RunStatus status() { return status; }

  @Override
  public synchronized Run logParam(String key, String value) {
    String old = params.putIfAbsent(key, value);
    if (old != null && !old.equals(value)) {
      throw new IllegalArgumentException("param " + key + " already " + old);
    }
    return this;
  }

  @Override
  public Run logParams(Map<String, ?> ps) {
    ps.forEach((k, v) -> logParam(k, String.valueOf(v)));
    return this;
  }

  @Override public Run logMetric(String key, double value) { return logMetric(key, value, 0); }

  @Override
  public synchronized Run logMetric(String key, double value, long step) {
    metrics.put(key, value);
    return this;
  }

  @Override
  public synchronized Run setTag(String key, String value) {
    tags.put(key, value);
    return this;
  }

  @Override public Run logArtifact(Path file) { return logArtifact(file, ""); }

  @Override
  public synchronized Run logArtifact(Path file, String artifactDir) {
    artifacts.add(artifactDir + "/" + file.getFileName());
    return this;
  }

  @Override public Run logText(String artifactPath, String text) { artifacts.add(artifactPath); return this; }
  @Override public void flush() {}
  @Override public void fail(Throwable cause) { status = RunStatus.FAILED; }
  @Override public void end(RunStatus s) { status = s; }
  @Override public void close() { status = RunStatus.FINISHED; }
}
