package org.mlops4j.drift;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.api.tracking.RunStatus;

/** A Run that records metrics and texts in memory and checks MLflow's key alphabet. */
final class RecordingRun implements Run {
  final Map<String, Double> metrics = new LinkedHashMap<>();
  final Map<String, String> texts = new LinkedHashMap<>();

  private static void checkKey(String key) {
    if (!key.matches("[A-Za-z0-9_\\-. /]{1,250}") || key.contains("..") || key.startsWith("/")) {
      throw new IllegalArgumentException("invalid key '" + key + "'");
    }
  }

  @Override public String id() { return "0123456789abcdef0123456789abcdef"; }
  @Override public String experimentId() { return "0"; }
  @Override public String name() { return "test"; }
  @Override public RunStatus status() { return RunStatus.RUNNING; }
  @Override public Run logParam(String key, String value) { return this; }
  @Override public Run logParams(Map<String, ?> params) { return this; }
  @Override public Run logMetric(String key, double value) { return logMetric(key, value, 0); }

  @Override
  public Run logMetric(String key, double value, long step) {
    checkKey(key);
    metrics.put(key, value);
    return this;
  }

  @Override public Run setTag(String key, String value) { return this; }
  @Override public Run logArtifact(Path file) { return this; }
  @Override public Run logArtifact(Path file, String artifactDir) { return this; }

  @Override
  public Run logText(String artifactPath, String text) {
    checkKey(artifactPath);
    texts.put(artifactPath, text);
    return this;
  }

  @Override public void flush() {}
  @Override public void fail(Throwable cause) {}
  @Override public void end(RunStatus status) {}
  @Override public void close() {}
}
