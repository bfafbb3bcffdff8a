package org.mlops4j.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.tracking.Experiment;
import org.mlops4j.api.tracking.Metric;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.api.tracking.RunStatus;
import org.mlops4j.core.tracking.internal.FileStoreReader;

/**
 * Issue 10, "MLflow reads what we write, and we read what MLflow writes": every test here failed on
 * the code before the fix. When the system property {@code mlops.mlflow.stores} names a folder,
 * each store written here is also copied there, for {@code scripts/mlflow/check-stores.sh}
 * (docs/MLFLOW.md).
 */
class MlflowInteropTest {

  private static final String GOLDEN = "/org/mlops4j/core/tracking/golden/";

  @TempDir Path tmp;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(MlflowInteropTest.class.getResource(GOLDEN + name).toURI());
  }

  /** Copies a store to the folder named by {@code mlops.mlflow.stores}, if set. */
  static void dump(Path store, String name) throws Exception {
    String target = System.getProperty("mlops.mlflow.stores");
    if (target == null || target.isBlank()) {
      return;
    }
    Path to = Path.of(target).resolve(name);
    try (Stream<Path> s = Files.walk(store)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(store.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.createDirectories(t.getParent());
          Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static String layout(Path runDir) throws Exception {
    try (Stream<Path> s = Files.walk(runDir)) {
      return s.filter(p -> !p.equals(runDir))
          .map(
              p ->
                  runDir.relativize(p).toString().replace('\\', '/')
                      + (Files.isDirectory(p) ? "/" : ""))
          .sorted()
          .collect(Collectors.joining("\n", "", "\n"));
    }
  }

  // ------------------------------------------------------------------ 1. the run's folders

  @Test
  void aRunThatLogsNothing_hasParamsMetricsArtifactsAndTagsFolders_asMlflow3Requires()
      throws Exception {
    Path root = tmp.resolve("mlruns");
    String runId;
    try (LocalTracker t = TestSupport.deterministic(root).build();
        Run run = t.startRun("churn", "gbm")) {
      runId = run.id();
    }
    Path dir;
    try (LocalTracker t = LocalTracker.openReadOnly(root)) {
      RunRecord r = t.findRun(runId).orElseThrow();
      dir = root.resolve(r.experimentId()).resolve(runId);
    }
    for (String folder : List.of("params", "metrics", "artifacts", "tags")) {
      assertThat(dir.resolve(folder)).as(folder).isDirectory();
    }
    // golden: the whole layout of a run that logged nothing (empty folders cannot be kept in git)
    String expected = Files.readString(resource("empty-run-layout.txt"), StandardCharsets.UTF_8);
    assertThat(layout(dir)).isEqualTo(expected);
    dump(root, "empty-run");
  }

  // ------------------------------------------------------------------ 2. names like numbers

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e3",
        "1.5e3",
        "6e23",
        "1e-3",
        ".5",
        "1_000",
        "0x1F",
        "true",
        "null",
        "~",
        "yes",
        "no",
        "on",
        "off",
        "1:30",
        "2026-11-29"
      })
  void anExperimentOrRunNamedLikeANumber_isReadBackByItsName(String name) throws Exception {
    Path root = tmp.resolve("mlruns");
    try (LocalTracker t = TestSupport.deterministic(root).build()) {
      Experiment first = t.experiment(name);
      assertThat(t.experiment(name).id()).isEqualTo(first.id());
      assertThat(t.experiments()).extracting(Experiment::name).contains(name);
      String runId;
      try (Run run = t.newRun(name).name(name).start()) {
        runId = run.id();
      }
      assertThat(t.findRun(runId).orElseThrow().name()).isEqualTo(name);
      assertThat(t.runs(name)).extracting(RunRecord::runId).containsExactly(runId);
    }
    dump(root, "named-like-numbers-" + Integer.toHexString(name.hashCode()));
  }

  // ------------------------------------------------------------------ 4. MLflow 3's store

  @Test
  void anMlflow3StoreWithALoggedModelAndAStepOf2To63_isRead() throws Exception {
    try (LocalTracker t = LocalTracker.openReadOnly(resource("mlflow3-store"))) {
      assertThat(t.experiments())
          .extracting(Experiment::name)
          .containsExactly("Default", "with models");
      List<RunRecord> runs = t.runs("with models");
      assertThat(runs)
          .extracting(RunRecord::runId)
          .containsExactly("7e1f0000c0de4a11b0a7f00d5eed0001");
      RunRecord r = runs.get(0);
      assertThat(r.name()).isEqualTo("trained");
      // MLflow writes the step 2^63 = 9223372036854775808; read clamped to Long.MAX_VALUE
      assertThat(t.metricHistory(r.runId(), "loss"))
          .containsExactly(
              new Metric("loss", 0.5, 0, 1750000000000L),
              new Metric("loss", 0.25, Long.MAX_VALUE, 1750000000001L),
              new Metric("loss", 0.125, Long.MIN_VALUE, 1750000000002L));
      assertThat(r.metrics().get("loss"))
          .isEqualTo(new Metric("loss", 0.25, Long.MAX_VALUE, 1750000000001L));
    }
  }

  // ------------------------------------------------------------------ 5. mlflow.runName

  @Test
  void settingTheRunNameTag_alsoRenamesTheRunInMetaYaml() throws Exception {
    Path root = tmp.resolve("mlruns");
    try (LocalTracker t = TestSupport.deterministic(root).build()) {
      String runId;
      Path meta;
      try (Run run = t.startRun("e", "before")) {
        runId = run.id();
        run.setTag("mlflow.runName", "after");
        assertThat(run.name()).isEqualTo("after");
        meta = root.resolve(run.experimentId()).resolve(runId).resolve("meta.yaml");
        assertThat(Files.readString(meta)).contains("run_name: after\n");
      }
      assertThat(Files.readString(meta)).contains("run_name: after\n").contains("status: 3\n");
      RunRecord r = t.findRun(runId).orElseThrow();
      assertThat(r.name()).isEqualTo("after");
      assertThat(r.tag("mlflow.runName")).contains("after");
    }
    dump(root, "renamed-run");
  }

  // ------------------------------------------------------------------ 6. torn last line

  @Test
  void aTornLastLineOfAStoppedRun_isCutWhenATrackerOpensForWriting() throws Exception {
    Path root = tmp.resolve("mlruns");
    long t0 = 1_800_000_000_000L;
    Path metric;
    Path meta;
    String runId;
    try (LocalTracker t =
        LocalTracker.builder()
            .root(root)
            .clock(Clock.fixed(Instant.ofEpochMilli(t0), ZoneOffset.UTC))
            .provenance(TestSupport::fixedProvenance)
            .build()) {
      Run run = t.startRun("e", "killed");
      runId = run.id();
      run.logMetric("loss", 0.5, 1).logMetric("loss", 0.25, 2).flush();
      Path dir = root.resolve(run.experimentId()).resolve(run.id());
      metric = dir.resolve("metrics/loss");
      meta = dir.resolve("meta.yaml");
      String running = Files.readString(meta);
      run.close();
      // as a process killed in the middle of a write leaves it: RUNNING, a torn last line
      Files.writeString(meta, running);
      Files.writeString(metric, "1795968244807 2", java.nio.file.StandardOpenOption.APPEND);
    }
    // a fresh heartbeat: the run's process may be alive, nothing is touched
    try (LocalTracker t =
        LocalTracker.builder()
            .root(root)
            .clock(Clock.fixed(Instant.ofEpochMilli(t0 + 60_000), ZoneOffset.UTC))
            .build()) {
      assertThat(Files.readString(metric)).endsWith("1795968244807 2");
      assertThat(t.probablyDeadSince(t.findRun(runId).orElseThrow())).isEmpty();
    }
    // three heartbeat intervals (3 x 30 s) later: probably dead, the torn line is cut
    try (LocalTracker t =
        LocalTracker.builder()
            .root(root)
            .clock(Clock.fixed(Instant.ofEpochMilli(t0 + 91_000), ZoneOffset.UTC))
            .build()) {
      assertThat(Files.readString(metric)).isEqualTo(t0 + " 0.5 1\n" + t0 + " 0.25 2\n");
      RunRecord r = t.findRun(runId).orElseThrow();
      assertThat(t.probablyDeadSince(r)).contains(Instant.ofEpochMilli(t0));
    }
    dump(root, "repaired-torn-tail");
  }

  @Test
  void theReader_ignoresATornLastLine() throws Exception {
    Path file = Files.writeString(tmp.resolve("loss"), "1000 0.5 1\n1795968244807 2");
    assertThat(FileStoreReader.parseMetricFile(file, "loss"))
        .containsExactly(new Metric("loss", 0.5, 1, 1000));
  }

  // ------------------------------------------------------------------ 7. heartbeat and SIGTERM

  @Test
  void aRunningRun_recordsHeartbeats() throws Exception {
    Path root = tmp.resolve("mlruns");
    try (LocalTracker t =
            LocalTracker.builder()
                .root(root)
                .heartbeatInterval(Duration.ofMillis(20))
                .provenance(TestSupport::fixedProvenance)
                .build();
        Run run = t.startRun("e", "alive")) {
      long first = t.findRun(run.id()).orElseThrow().lastHeartbeat().orElseThrow().toEpochMilli();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      long latest = first;
      while (latest == first && System.nanoTime() < deadline) {
        Thread.sleep(20);
        latest = t.findRun(run.id()).orElseThrow().lastHeartbeat().orElseThrow().toEpochMilli();
      }
      assertThat(latest).isGreaterThan(first);
      assertThat(t.probablyDeadSince(t.findRun(run.id()).orElseThrow())).isEmpty();
    }
  }

  @Test
  void sigterm_endsTheOpenRunsAsKilled() throws Exception {
    Path root = tmp.resolve("mlruns");
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process p =
        new ProcessBuilder(
                java,
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                SigtermChild.class.getName(),
                root.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String runId;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line = r.readLine();
      assertThat(line).startsWith("run ");
      runId = line.substring(4);
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    try (LocalTracker t = LocalTracker.openReadOnly(root)) {
      RunRecord r = t.findRun(runId).orElseThrow();
      assertThat(r.status()).isEqualTo(RunStatus.KILLED);
      assertThat(r.endTime()).isPresent();
      assertThat(r.metrics().get("loss").value()).isEqualTo(0.5);
    }
    dump(root, "sigterm");
  }

  // ------------------------------------------------------------------ 8. failures per run

  @Test
  void aRunWhoseMetricsCannotBeWritten_doesNotPoisonTheOtherRunsOfTheTracker() throws Exception {
    Path root = tmp.resolve("mlruns");
    try (LocalTracker t = TestSupport.deterministic(root).build()) {
      Run broken = t.startRun("e", "broken");
      Run healthy = t.startRun("e", "healthy");
      Path metrics = root.resolve(broken.experimentId()).resolve(broken.id()).resolve("metrics");
      Files.delete(metrics);
      Files.writeString(metrics, "not a folder");
      broken.logMetric("loss", 1.0, 0);
      healthy.logMetric("loss", 2.0, 0);
      assertThatThrownBy(broken::flush).isInstanceOf(MlopsException.class);
      assertThat(catchThrowable(healthy::flush)).isNull();
      assertThat(catchThrowable(healthy::close)).isNull();
      assertThat(t.findRun(healthy.id()).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
      assertThat(t.metricHistory(healthy.id(), "loss")).hasSize(1);
      assertThatThrownBy(broken::close)
          .isInstanceOf(MlopsException.class)
          .hasMessageStartingWith("writing metrics failed");
      // the broken run still ended, with its status recorded
      assertThat(broken.status()).isEqualTo(RunStatus.FINISHED);
    }
  }
}
