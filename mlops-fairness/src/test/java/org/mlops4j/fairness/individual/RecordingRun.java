package org.mlops4j.fairness.individual;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.api.tracking.RunStatus;

/** A Run that records logged metrics as "key=value" (and "key=value@step") lines, for tests. */
final class RecordingRun implements Run {
  final List<String> metrics = new ArrayList<>();

  @Override
  public String id() {
    return "0".repeat(32);
  }

  @Override
  public String experimentId() {
    return "0";
  }

  @Override
  public String name() {
    return "test";
  }

  @Override
  public RunStatus status() {
    return RunStatus.RUNNING;
  }

  @Override
  public Run logParam(String key, String value) {
    throw new UnsupportedOperationException("results log metrics only");
  }

  @Override
  public Run logParams(Map<String, ?> params) {
    throw new UnsupportedOperationException("results log metrics only");
  }

  @Override
  public Run logMetric(String key, double value) {
    if (!key.matches("[A-Za-z0-9_\\-./ ]{1,250}")) {
      throw new IllegalArgumentException("invalid metric name " + key);
    }
    metrics.add(key + "=" + value);
    return this;
  }

  @Override
  public Run logMetric(String key, double value, long step) {
    logMetric(key, value);
    metrics.set(metrics.size() - 1, key + "=" + value + "@" + step);
    return this;
  }

  @Override
  public Run setTag(String key, String value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Run logArtifact(Path file) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Run logArtifact(Path file, String artifactDir) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Run logText(String artifactPath, String text) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void flush() {}

  @Override
  public void fail(Throwable cause) {}

  @Override
  public void end(RunStatus status) {}

  @Override
  public void close() {}
}
