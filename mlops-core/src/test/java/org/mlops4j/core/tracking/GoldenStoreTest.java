package org.mlops4j.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.Experiment;
import org.mlops4j.api.tracking.LifecycleStage;
import org.mlops4j.api.tracking.Metric;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.api.tracking.RunStatus;

/**
 * Golden files of the on-disk format: a store written by hand in MLflow's format that today's
 * reader must still read, and the exact bytes today's writer produces for a fixed clock, ids and
 * provenance.
 */
class GoldenStoreTest {

  private static final String GOLDEN = "/org/mlops4j/core/tracking/golden/";

  @TempDir Path tmp;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(GoldenStoreTest.class.getResource(GOLDEN + name).toURI());
  }

  @Test
  void handwrittenStore_isReadExactly() throws Exception {
    try (LocalTracker t = LocalTracker.openReadOnly(resource("handwritten-store"))) {
      assertThat(t.experiments())
          .extracting(Experiment::id, Experiment::name)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("0", "Default"),
              org.assertj.core.groups.Tuple.tuple("208551398751104512", "golden runs"));
      Experiment golden = t.findExperiment("golden runs").orElseThrow();
      assertThat(golden)
          .isEqualTo(
              new Experiment(
                  "208551398751104512",
                  "golden runs",
                  "file:///srv/ml/mlruns/208551398751104512",
                  LifecycleStage.ACTIVE,
                  Instant.ofEpochMilli(1750000000100L),
                  Instant.ofEpochMilli(1750000000200L),
                  Map.of("owner", "ml-platform")));
      assertThat(t.allExperiments())
          .extracting(Experiment::name)
          .containsExactly("Default", "golden runs", "old experiment");

      RunRecord r = t.findRun("c0ffee00c0ffee00c0ffee00c0ffee00").orElseThrow();
      assertThat(r.name()).isEqualTo("golden run");
      assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
      assertThat(r.user()).isEqualTo("erin");
      assertThat(r.startTime()).isEqualTo(Instant.ofEpochMilli(1750000001000L));
      assertThat(r.endTime()).contains(Instant.ofEpochMilli(1750000009000L));
      assertThat(r.params())
          .isEqualTo(
              Map.of(
                  "batch size",
                  "32",
                  "optimizer/name",
                  "sgd",
                  "comment",
                  "with trailing newline\n"));
      assertThat(r.tags())
          .isEqualTo(
              Map.of(
                  "mlflow.runName",
                  "golden run",
                  "mlflow.user",
                  "erin",
                  "note",
                  "line one\nline two"));
      List<Metric> acc = t.metricHistory(r.runId(), "val/acc");
      assertThat(acc)
          .extracting(Metric::value)
          .startsWith(0.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-05);
      assertThat(Double.doubleToRawLongBits(acc.get(4).value()))
          .isEqualTo(Double.doubleToRawLongBits(-0.0));
      assertThat(acc.get(5).value()).isNaN();
      assertThat(acc.get(6))
          .isEqualTo(new Metric("val/acc", 1.2345678901234567e+20, 6, 1750000002006L));
      assertThat(t.metricHistory(r.runId(), "legacy"))
          .containsExactly(
              new Metric("legacy", 0.5, 0, 1750000003000L),
              new Metric("legacy", 0.75, 0, 1750000003001L));
      // MLflow's latest point: largest step, then timestamp, then value
      assertThat(r.metrics().get("ties")).isEqualTo(new Metric("ties", 9.0, 7, 1750000004001L));
      assertThat(r.metrics().get("legacy").value()).isEqualTo(0.75);

      RunRecord killed = t.findRun("deadbeefdeadbeefdeadbeefdeadbeef").orElseThrow();
      assertThat(killed.status()).isEqualTo(RunStatus.KILLED);
      assertThat(killed.lifecycleStage()).isEqualTo(LifecycleStage.DELETED);
      assertThat(t.runs("golden runs"))
          .extracting(RunRecord::runId)
          .containsExactly("c0ffee00c0ffee00c0ffee00c0ffee00");
      assertThat(t.allRuns("golden runs")).hasSize(2);
    }
  }

  /** Writes the scenario of the writer golden with a fixed clock, ids and provenance. */
  private static Path writeScenario(Path root) {
    try (LocalTracker t = TestSupport.deterministic(root).build()) {
      t.experiment("golden");
      try (Run run =
          t.newRun("golden").name("golden run").tag("team", "risk").seed("split", 42L).start()) {
        run.logParam("lr", "0.01").logParam("batch size", "32");
        run.logMetric("loss", 0.5, 0)
            .logMetric("loss", 0.25, 1)
            .logMetric("loss", Double.NaN, 2)
            .logMetric("loss", 1e-05, 3);
        run.logMetric("train/acc", 0.9, 0);
        run.logText("notes/readme.txt", "hello\n");
      }
    }
    return root;
  }

  private static Map<String, String> tree(Path root, String rootUri) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        String text = Files.readString(p, StandardCharsets.UTF_8);
        files.put(rel, rootUri == null ? text : text.replace(rootUri, "@ROOT_URI@"));
      }
    }
    return files;
  }

  @Test
  void writer_producesTheGoldenFilesByteForByte() throws Exception {
    Path root = writeScenario(tmp.resolve("mlruns"));
    String rootUri = root.toAbsolutePath().toUri().toString().replaceAll("/$", "");
    Map<String, String> actual = tree(root, rootUri);
    Path goldenDir;
    if (Boolean.getBoolean("mlops.golden.update")) {
      // regenerate (then review by hand): mvn test -Dtest=GoldenStoreTest
      // -Dmlops.golden.update=true
      Path src = Path.of("src/test/resources" + GOLDEN + "written-by-mlops4j");
      for (Map.Entry<String, String> e : actual.entrySet()) {
        Path f = src.resolve(e.getKey());
        Files.createDirectories(f.getParent());
        Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
      }
      goldenDir = src;
    } else {
      goldenDir = resource("written-by-mlops4j");
    }
    Map<String, String> expected = tree(goldenDir, null);
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    for (String key : expected.keySet()) {
      assertThat(actual.get(key)).as(key).isEqualTo(expected.get(key));
    }
  }
}
