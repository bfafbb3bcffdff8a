package org.mlops4j.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.tracking.Experiment;
import org.mlops4j.api.tracking.Metric;
import org.mlops4j.api.tracking.MetricGoal;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.api.tracking.RunComparison;
import org.mlops4j.api.tracking.RunFilter;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.api.tracking.RunStatus;
import org.mlops4j.core.Provenance;

class LocalTrackerTest {

  @TempDir Path tmp;

  private LocalTracker tracker() {
    return TestSupport.deterministic(tmp.resolve("mlruns")).build();
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  @Test
  void open_createsTheDefaultExperimentAsMlflowDoes() throws IOException {
    try (LocalTracker t = tracker()) {
      assertThat(t.experiments())
          .extracting(Experiment::id, Experiment::name)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("0", "Default"));
      String uri = t.root().toUri().toString();
      assertThat(read(t.root().resolve("0/meta.yaml")))
          .isEqualTo(
              "artifact_location: "
                  + uri
                  + "0\n"
                  + "creation_time: 1800000000000\n"
                  + "experiment_id: '0'\n"
                  + "last_update_time: 1800000000000\n"
                  + "lifecycle_stage: active\n"
                  + "name: Default\n");
    }
  }

  @Test
  void experiment_isCreatedOnceWithAnIdEqualToItsFolder() {
    try (LocalTracker t = LocalTracker.open(tmp.resolve("mlruns"))) {
      Experiment e = t.experiment("churn");
      assertThat(e.id()).matches("[1-9][0-9]{17}");
      assertThat(t.root().resolve(e.id()).resolve("meta.yaml")).isRegularFile();
      assertThat(t.experiment("churn")).isEqualTo(e);
      assertThat(t.experiments()).extracting(Experiment::name).containsExactly("Default", "churn");
    }
  }

  @Test
  void startRun_writesMetaTagsAndProvenance() throws IOException {
    try (LocalTracker t = tracker()) {
      Run run = t.newRun("churn").name("baseline").tag("team", "risk").seed("split", 42L).start();
      Path dir = t.root().resolve(run.experimentId()).resolve(run.id());
      assertThat(run.id()).isEqualTo("a0000000000000000000000000000001");
      assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
      assertThat(read(dir.resolve("tags/mlflow.runName"))).isEqualTo("baseline");
      assertThat(read(dir.resolve("tags/mlflow.user"))).isEqualTo("tester");
      assertThat(read(dir.resolve("tags/mlflow.source.type"))).isEqualTo("LOCAL");
      assertThat(read(dir.resolve("tags/mlflow.source.git.commit"))).isEqualTo(TestSupport.COMMIT);
      assertThat(read(dir.resolve("tags/team"))).isEqualTo("risk");
      Provenance p = TestSupport.fixedProvenance(Map.of("split", 42L));
      for (Map.Entry<String, String> e : p.asMap().entrySet()) {
        assertThat(read(dir.resolve("tags").resolve(e.getKey())))
            .as(e.getKey())
            .isEqualTo(e.getValue());
      }
      assertThat(read(dir.resolve("tags/mlops4j.seed.split"))).isEqualTo("42");
      JsonNode json =
          JsonMapper.builder().build().readTree(dir.resolve("artifacts/provenance.json").toFile());
      // our own format: the header of docs/CONVENTIONS.md first
      assertThat(json.fieldNames())
          .toIterable()
          .startsWith("format", "formatVersion", "library", "libraryVersion", "createdAt");
      assertThat(json.get("format").asText()).isEqualTo("mlops4j.provenance");
      assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
      assertThat(json.get("library").asText()).isEqualTo("mlops4j");
      assertThat(json.get("libraryVersion").asText()).isEqualTo("0.1.0-SNAPSHOT");
      assertThat(json.get("createdAt").asText()).isEqualTo("2026-11-26T12:00:00Z");
      assertThat(
              org.mlops4j.report.internal.Json.readDocument(
                      read(dir.resolve("artifacts/provenance.json")),
                      "mlops4j.provenance",
                      1,
                      "provenance.json")
                  .get("user")
                  .asText())
          .isEqualTo("tester");
      assertThat(json.get("capturedAt").asText()).isEqualTo("2026-11-26T12:00:00Z");
      assertThat(json.get("seeds").get("split").asLong()).isEqualTo(42L);
      assertThat(json.get("gitCommit").asText()).isEqualTo(TestSupport.COMMIT);
      assertThat(read(dir.resolve("meta.yaml")))
          .contains(
              "status: 1\n",
              "end_time: null\n",
              "run_name: baseline\n",
              "run_id: " + run.id() + "\n",
              "run_uuid: " + run.id() + "\n");
      run.close();
      assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
      assertThat(read(dir.resolve("meta.yaml")))
          .contains("status: 3\n")
          .doesNotContain("end_time: null");
    }
  }

  @Test
  void realProvenance_isCapturedForEveryRun() {
    try (LocalTracker t = LocalTracker.open(tmp.resolve("mlruns"))) {
      String id;
      try (Run run = t.newRun("p").seed("split", 7L).start()) {
        id = run.id();
      }
      RunRecord r = t.findRun(id).orElseThrow();
      assertThat(r.tags())
          .containsEntry("mlops4j.jvm.version", System.getProperty("java.version"))
          .containsEntry("mlops4j.seed.split", "7")
          .containsKey("mlops4j.os.name");
    }
  }

  @Test
  void runWork_endsFinishedAndReturnsTheResult() {
    try (LocalTracker t = tracker()) {
      double auc =
          t.run(
              "churn",
              "ok",
              run -> {
                run.logMetric("auc", 0.91);
                return 0.91;
              });
      assertThat(auc).isEqualTo(0.91);
      RunRecord r = t.runs("churn").get(0);
      assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
      assertThat(r.metric("auc")).hasValue(0.91);
      assertThat(r.endTime()).isPresent();
    }
  }

  @Test
  void runWork_thatThrows_endsFailedRecordsTheErrorAndRethrows() throws IOException {
    try (LocalTracker t = tracker()) {
      IllegalStateException boom = new IllegalStateException("boom");
      assertThatThrownBy(
              () ->
                  t.runVoid(
                      "churn",
                      "bad",
                      run -> {
                        run.logMetric("loss", 1.0);
                        throw boom;
                      }))
          .isSameAs(boom);
      RunRecord r = t.runs("churn").get(0);
      assertThat(r.status()).isEqualTo(RunStatus.FAILED);
      assertThat(r.tag("mlops4j.error")).hasValue("java.lang.IllegalStateException: boom");
      assertThat(r.metric("loss")).hasValue(1.0);
      Path trace =
          t.root().resolve(r.experimentId()).resolve(r.runId()).resolve("artifacts/error.txt");
      assertThat(read(trace)).startsWith("java.lang.IllegalStateException: boom");
    }
  }

  @Test
  void runWork_withCheckedException_wrapsItInMlopsExceptionNamingTheRun() {
    try (LocalTracker t = tracker()) {
      IOException io = new IOException("disk");
      assertThatThrownBy(
              () ->
                  t.run(
                      "churn",
                      "io",
                      run -> {
                        throw io;
                      }))
          .isExactlyInstanceOf(MlopsException.class)
          .hasCause(io)
          .hasMessage("run 'io' failed: java.io.IOException: disk");
      assertThat(t.runs("churn").get(0).status()).isEqualTo(RunStatus.FAILED);
      assertThat(t.runs("churn").get(0).tag("mlops4j.error")).hasValue("java.io.IOException: disk");
      assertThatThrownBy(
              () ->
                  t.runVoid(
                      "churn",
                      "io-void",
                      run -> {
                        throw io;
                      }))
          .isExactlyInstanceOf(MlopsException.class)
          .hasCause(io)
          .hasMessage("run 'io-void' failed: java.io.IOException: disk");
      assertThat(t.runs("churn")).extracting(RunRecord::status).containsOnly(RunStatus.FAILED);
    }
  }

  @Test
  void param_isImmutable() {
    try (LocalTracker t = tracker();
        Run run = t.startRun("churn", "p")) {
      run.logParam("lr", "0.01");
      run.logParam("lr", "0.01");
      assertThatThrownBy(() -> run.logParam("lr", "0.02"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "param 'lr' was already logged as '0.01' and cannot be changed to '0.02' (params are"
                  + " immutable)");
    }
  }

  @Test
  void badNames_areRejectedBeforeTouchingTheFileSystem() {
    try (LocalTracker t = tracker();
        Run run = t.startRun("churn", "names")) {
      assertThatThrownBy(() -> run.logMetric("../x", 1.0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "metric key must match ^[/\\w.\\- ]*$ and be a normalised relative path (no leading"
                  + " '/', no '.' or '..' segment, no '//'), but was '../x'");
      assertThatThrownBy(() -> run.logParam("a\\b", "v"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "param key must match ^[/\\w.\\- ]*$ (letters, digits, '_', '-', '.', '/' and space),"
                  + " but was 'a\\b'");
      assertThatThrownBy(() -> run.setTag("/etc/passwd", "v"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("tag key must match");
      assertThatThrownBy(() -> run.logText("../../outside.txt", "x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("artifact path must match");
      assertThatThrownBy(() -> run.logMetric("100%", 1.0)).hasMessageContaining("but was '100%'");
      assertThat(tmp.resolve("outside.txt")).doesNotExist();
    }
  }

  @Test
  void closeRacingWithFail_leavesAFailedRunWithItsErrorNotAFinishedOneWithAnError()
      throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RuntimeException slow =
        new RuntimeException() {
          private volatile boolean first = true;

          @Override
          public String getMessage() {
            if (first) {
              first = false;
              entered.countDown();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return "diverged";
          }
        };
    try (LocalTracker t = tracker()) {
      Run run = t.startRun("churn", "race");
      Thread failing = new Thread(() -> run.fail(slow));
      failing.start();
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      Thread closing = new Thread(run::close);
      closing.start();
      closing.join(200); // gives an unsynchronized close() the time to finish the run first
      release.countDown();
      failing.join();
      closing.join();
      RunRecord r = t.findRun(run.id()).orElseThrow();
      assertThat(r.status()).isEqualTo(RunStatus.FAILED);
      assertThat(r.tags().get(LocalRun.ERROR_TAG)).endsWith(": diverged");
    }
  }

  @Test
  void logParams_refusesANullValueAsLogParamDoes() {
    try (LocalTracker t = tracker();
        Run run = t.startRun("churn", "nulls")) {
      java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
      params.put("lr", 0.01);
      params.put("optimizer", null);
      assertThatThrownBy(() -> run.logParams(params))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("params[optimizer] must not be null");
      run.flush();
      assertThat(t.findRun(run.id()).orElseThrow().params())
          .containsExactly(java.util.Map.entry("lr", "0.01"));
    }
  }

  @Test
  void aMetricKeyThatIsTheFolderOfAnother_isRejectedOnTheCallersThread() {
    try (LocalTracker t = tracker();
        Run run = t.startRun("churn", "clash")) {
      run.logMetric("train", 1.0).logMetric("val/loss", 0.5);
      assertThatThrownBy(() -> run.logMetric("train/loss", 1.0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "metric key 'train/loss' clashes with metric key 'train' of run "
                  + run.id()
                  + ": a key cannot also be the folder of another key");
      assertThatThrownBy(() -> run.logMetric("val", 1.0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "metric key 'val' clashes with metric key 'val/loss' of run "
                  + run.id()
                  + ": a key cannot also be the folder of another key");
      run.logMetric("train", 2.0, 1).logMetric("val/acc", 0.9).logMetric("validation", 3.0);
      run.flush();
      assertThat(t.metricHistory(run.id(), "train"))
          .extracting(Metric::value)
          .containsExactly(1.0, 2.0);
      assertThat(t.metricHistory(run.id(), "validation"))
          .extracting(Metric::value)
          .containsExactly(3.0);
    }
  }

  @Test
  void metrics_areWrittenInMlflowSyntax() throws IOException {
    try (LocalTracker t = tracker();
        Run run = t.startRun("churn", "m")) {
      run.logMetric("loss", 0.5, 0)
          .logMetric("loss", Double.NaN, 1)
          .logMetric("loss", 1e-5, 2)
          .logMetric("loss", Double.POSITIVE_INFINITY, 3)
          .logMetric("train/loss", 3.0, 10);
      run.flush();
      Path dir = t.root().resolve(run.experimentId()).resolve(run.id());
      String loss = read(dir.resolve("metrics/loss"));
      assertThat(loss.lines().map(l -> l.substring(l.indexOf(' ') + 1)).toList())
          .containsExactly("0.5 0", "nan 1", "1e-05 2", "inf 3");
      assertThat(loss).endsWith("\n").doesNotContain("\n\n");
      assertThat(read(dir.resolve("metrics/train/loss"))).matches("\\d{13} 3\\.0 10\n");
      assertThat(t.metricHistory(run.id(), "loss"))
          .extracting(Metric::step)
          .containsExactly(0L, 1L, 2L, 3L);
      // temporary files never sit where MLflow's reader looks
      try (Stream<Path> files = Files.walk(dir)) {
        assertThat(files.filter(p -> p.getFileName().toString().startsWith(".mlops4j-tmp")))
            .isEmpty();
      }
    }
  }

  @Test
  void loggingAfterTheEnd_isRejected() {
    try (LocalTracker t = tracker()) {
      Run run = t.startRun("churn", "ended");
      run.close();
      assertThatThrownBy(() -> run.logMetric("x", 1.0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("run " + run.id() + " has ended (FINISHED); cannot log metric 'x'");
      run.close();
      run.fail(new RuntimeException("late"));
      assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
      assertThatThrownBy(() -> run.end(RunStatus.RUNNING))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("status must be terminal (FINISHED, FAILED or KILLED), but was RUNNING");
    }
  }

  @Test
  void closingTheTracker_endsOpenRunsKilled() {
    String id;
    try (LocalTracker t = tracker()) {
      Run run = t.startRun("churn", "open");
      run.logMetric("x", 1.0);
      id = run.id();
    }
    try (LocalTracker t = LocalTracker.openReadOnly(tmp.resolve("mlruns"))) {
      RunRecord r = t.findRun(id).orElseThrow();
      assertThat(r.status()).isEqualTo(RunStatus.KILLED);
      assertThat(r.metric("x")).hasValue(1.0);
    }
  }

  @Test
  void closingTheTracker_endsEveryOtherOpenRunEvenWhenEndingOneFails() throws IOException {
    Path root = tmp.resolve("mlruns");
    LocalTracker t = tracker();
    Run broken = t.startRun("churn", "broken");
    Run a = t.startRun("churn", "a");
    Run b = t.startRun("churn", "b");
    a.logMetric("x", 1.0);
    b.logMetric("x", 2.0);
    // a regular file where the broken run's folder was: its meta.yaml can no longer be written
    Path dir = root.resolve(broken.experimentId()).resolve(broken.id());
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Files.writeString(dir, "not a folder");
    assertThatThrownBy(t::close)
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining(broken.id());
    Files.delete(dir);
    try (LocalTracker r = LocalTracker.openReadOnly(root)) {
      assertThat(r.findRun(a.id()).orElseThrow().status()).isEqualTo(RunStatus.KILLED);
      assertThat(r.findRun(b.id()).orElseThrow().status()).isEqualTo(RunStatus.KILLED);
      assertThat(r.findRun(b.id()).orElseThrow().metric("x")).hasValue(2.0);
    }
  }

  @Test
  void queries_filterRankCompareAndReadHistories() {
    try (LocalTracker t = tracker()) {
      String[] ids = new String[3];
      double[] acc = {0.85, 0.93, 0.91};
      String[] lr = {"0.1", "0.01", "0.01"};
      for (int i = 0; i < 3; i++) {
        try (Run run = t.startRun("churn", "r" + i)) {
          ids[i] = run.id();
          run.logParam("lr", lr[i]);
          run.logMetric("acc", acc[i] - 0.1, 0).logMetric("acc", acc[i], 1);
          run.logMetric("loss", 1 - acc[i], 1);
        }
      }
      assertThat(t.runs("churn")).extracting(RunRecord::name).containsExactly("r2", "r1", "r0");
      RunFilter f = RunFilter.metric("acc").greaterThan(0.9).and(RunFilter.param("lr").eq("0.01"));
      assertThat(f).hasToString("(metric.acc > 0.9 and param.lr = '0.01')");
      assertThat(t.runs("churn", f)).extracting(RunRecord::name).containsExactly("r2", "r1");
      assertThat(
              t.runs(
                  "churn",
                  RunFilter.metric("acc").atLeast(0.92).or(RunFilter.param("lr").eq("0.1"))))
          .extracting(RunRecord::name)
          .containsExactly("r1", "r0");
      assertThat(t.bestRun("churn", "acc", MetricGoal.MAXIMIZE))
          .map(RunRecord::name)
          .hasValue("r1");
      assertThat(t.bestRun("churn", "loss", MetricGoal.MINIMIZE))
          .map(RunRecord::name)
          .hasValue("r1");
      assertThat(t.bestRun("churn", "missing", MetricGoal.MINIMIZE)).isEmpty();
      assertThat(t.metricHistory(ids[0], "acc"))
          .extracting(Metric::value)
          .containsExactly(0.85 - 0.1, 0.85);
      RunComparison c = t.compare(ids[0], ids[1]);
      assertThat(c.differingParams()).containsExactly("lr");
      assertThat(c.toString())
          .isEqualTo(
              "key          r0 (a0000000)        r1 (a0000000)\n"
                  + "status       FINISHED             FINISHED\n"
                  + "param lr     0.1                  0.01\n"
                  + "metric acc   0.85                 0.93\n"
                  + "metric loss  0.15000000000000002  0.06999999999999995\n");
      assertThatThrownBy(() -> t.compare(ids[0], "0123456789abcdef0123456789abcdef"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'0123456789abcdef0123456789abcdef'")
          .hasMessage(
              "runIds[1] must be the id of a run in "
                  + t.root()
                  + ", but was '0123456789abcdef0123456789abcdef'");
      assertThatThrownBy(() -> t.metricHistory("0123456789abcdef0123456789abcdef", "acc"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "runId must be the id of a run in "
                  + t.root()
                  + ", but was '0123456789abcdef0123456789abcdef'");
    }
  }

  @Test
  void manyThreadsLoggingIntoOneRun_loseNothing() throws Exception {
    int threads = 4;
    int perThread = 25_000;
    try (LocalTracker t =
            LocalTracker.builder()
                .root(tmp.resolve("mlruns"))
                .queueCapacity(1024)
                .provenance(TestSupport::fixedProvenance)
                .build();
        Run run = t.startRun("load", "threads")) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int k = 0; k < threads; k++) {
        String key = "t" + k;
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < perThread; i++) {
                    run.logMetric(key, i, i);
                    run.logMetric("shared", i, i);
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      run.flush();
      for (int k = 0; k < threads; k++) {
        List<Metric> h = t.metricHistory(run.id(), "t" + k);
        assertThat(h).hasSize(perThread);
        for (int i = 0; i < perThread; i++) {
          assertThat(h.get(i).step()).isEqualTo(i);
        }
      }
      assertThat(t.metricHistory(run.id(), "shared")).hasSize(threads * perThread);
    }
  }

  @Test
  void twoTrackersOnOneStore_createEachExperimentOnceAndLoseNoRun() throws Exception {
    Path root = tmp.resolve("mlruns");
    try (LocalTracker a =
            LocalTracker.builder().root(root).provenance(TestSupport::fixedProvenance).build();
        LocalTracker b =
            LocalTracker.builder().root(root).provenance(TestSupport::fixedProvenance).build()) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      CountDownLatch go = new CountDownLatch(1);
      Set<String> experimentIds = ConcurrentHashMap.newKeySet();
      List<Future<?>> futures = new ArrayList<>();
      for (int k = 0; k < 8; k++) {
        LocalTracker t = k % 2 == 0 ? a : b;
        int n = k;
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  experimentIds.add(t.experiment("shared").id());
                  try (Run run = t.startRun("shared", "run" + n)) {
                    for (int i = 0; i < 100; i++) {
                      run.logMetric("m", i, i);
                    }
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      assertThat(experimentIds).hasSize(1);
      assertThat(a.experiments()).extracting(Experiment::name).containsExactly("Default", "shared");
      List<RunRecord> runs = b.runs("shared");
      assertThat(runs)
          .hasSize(8)
          .allSatisfy(
              r -> {
                assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
                assertThat(r.metrics().get("m"))
                    .isEqualTo(new Metric("m", 99.0, 99, r.metrics().get("m").timestamp()));
              });
    }
  }

  @Test
  void backPressure_boundsTheQueueAndLosesNothing() {
    try (LocalTracker t =
            LocalTracker.builder()
                .root(tmp.resolve("mlruns"))
                .queueCapacity(8)
                .maxPendingLines(64)
                .provenance(TestSupport::fixedProvenance)
                .build();
        Run run = t.startRun("bp", "tiny-queue")) {
      for (int i = 0; i < 20_000; i++) {
        run.logMetric("m", i, i);
      }
      run.flush();
      assertThat(t.metricHistory(run.id(), "m")).hasSize(20_000);
    }
  }

  @Test
  void points_areWrittenWithinTheFlushIntervalWithoutAnExplicitFlush() throws Exception {
    try (LocalTracker t =
            LocalTracker.builder()
                .root(tmp.resolve("mlruns"))
                .flushInterval(Duration.ofMillis(20))
                .provenance(TestSupport::fixedProvenance)
                .build();
        Run run = t.startRun("interval", "r")) {
      run.logMetric("m", 1.0);
      Path file = t.root().resolve(run.experimentId()).resolve(run.id()).resolve("metrics/m");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!Files.exists(file) && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(file).isRegularFile();
      assertThat(read(file)).endsWith(" 1.0 0\n");
    }
  }

  @Test
  void readOnlyTracker_refusesToWrite() {
    try (LocalTracker w = tracker()) {
      w.experiment("e");
    }
    try (LocalTracker t = LocalTracker.openReadOnly(tmp.resolve("mlruns"))) {
      assertThat(t.experiment("e").name()).isEqualTo("e");
      assertThatThrownBy(() -> t.startRun("e", "r"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "tracker on " + t.root() + " is read-only; cannot start a run in experiment 'e'");
      assertThatThrownBy(() -> t.experiment("new"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("read-only; cannot create experiment 'new'");
    }
  }

  @Test
  void aFolderThatIsNotAStore_failsNamingThePath() throws IOException {
    Path missing = tmp.resolve("nope");
    assertThatThrownBy(() -> LocalTracker.openReadOnly(missing))
        .isInstanceOf(MlopsException.class)
        .hasMessage("not a tracking store: " + missing.toAbsolutePath() + " is not a directory");
    Path store = tmp.resolve("broken");
    Files.createDirectories(store.resolve("12345"));
    try (LocalTracker t = LocalTracker.openReadOnly(store)) {
      assertThatThrownBy(t::experiments)
          .isInstanceOf(MlopsException.class)
          .hasMessage(
              "malformed experiment folder "
                  + store.toAbsolutePath().resolve("12345")
                  + ": no meta.yaml at "
                  + store.toAbsolutePath().resolve("12345/meta.yaml"));
    }
    Files.writeString(store.resolve("12345/meta.yaml"), "name: [unclosed\n");
    try (LocalTracker t = LocalTracker.openReadOnly(store)) {
      assertThatThrownBy(t::experiments)
          .isInstanceOf(MlopsException.class)
          .hasMessageStartingWith("malformed " + store.toAbsolutePath().resolve("12345/meta.yaml"));
    }
  }

  @Test
  void aMalformedMetricLine_failsNamingTheFileAndLine() throws IOException {
    String id;
    Path dir;
    try (LocalTracker t = tracker();
        Run run = t.startRun("e", "r")) {
      run.logMetric("m", 1.0);
      run.flush();
      id = run.id();
      dir = t.root().resolve(run.experimentId()).resolve(run.id());
    }
    Path file = dir.resolve("metrics/m");
    Files.writeString(file, "1800000000000 1.0 0\n1800000000001 1,5 1\n");
    try (LocalTracker t = LocalTracker.openReadOnly(tmp.resolve("mlruns"))) {
      assertThatThrownBy(() -> t.findRun(id))
          .isInstanceOf(MlopsException.class)
          .hasMessage(
              "malformed line 2 of metric file "
                  + file
                  + ": expected '<timestamp> <value> <step>' but was "
                  + "'1800000000001 1,5 1'");
    }
  }

  @Test
  void aTrailingPartialMetricLine_isIgnored() throws IOException {
    String id;
    Path dir;
    try (LocalTracker t = tracker();
        Run run = t.startRun("e", "r")) {
      run.logMetric("m", 1.0, 0);
      id = run.id();
      dir = t.root().resolve(run.experimentId()).resolve(run.id());
    }
    Files.writeString(
        dir.resolve("metrics/m"),
        "1800000000999 2.5 1\n18000000",
        java.nio.file.StandardOpenOption.APPEND);
    try (LocalTracker t = LocalTracker.openReadOnly(tmp.resolve("mlruns"))) {
      assertThat(t.metricHistory(id, "m")).extracting(Metric::value).containsExactly(1.0, 2.5);
    }
  }

  @Test
  void badBuilderSettings_areRejectedWithExactMessages() {
    assertThatThrownBy(() -> LocalTracker.builder().queueCapacity(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("queueCapacity must be at least 1, but was 0");
    assertThatThrownBy(() -> LocalTracker.builder().flushInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("flushInterval must be positive, but was PT0S");
    try (LocalTracker t = tracker()) {
      assertThatThrownBy(() -> t.experiment(" "))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("experiment name must be non-blank, but was ' '");
    }
  }

  @Test
  void nullArguments_areNullPointerExceptionsNamingTheArgument() {
    assertThatThrownBy(() -> LocalTracker.builder().root(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("root must not be null");
    assertThatThrownBy(() -> LocalTracker.builder().clock(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("clock must not be null");
    assertThatThrownBy(() -> LocalTracker.builder().flushInterval(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("flushInterval must not be null");
    assertThatThrownBy(() -> LocalTracker.builder().user(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("user must not be null");
    assertThatThrownBy(() -> LocalTracker.builder().dvcLive(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("dir must not be null");
    try (LocalTracker t = tracker()) {
      assertThatThrownBy(() -> t.experiment(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("experiment name must not be null");
      assertThatThrownBy(() -> t.findExperiment(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("experiment name must not be null");
      assertThatThrownBy(() -> t.newRun(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("experiment name must not be null");
      assertThatThrownBy(() -> t.newRun("e").name(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("run name must not be null");
      assertThatThrownBy(() -> t.newRun("e").tag("team", null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("value must not be null");
      assertThatThrownBy(() -> t.newRun("e").tag(null, "risk"))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("tag key must not be null");
      assertThatThrownBy(() -> t.newRun("e").seed(null, 1L))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("seed name must not be null");
      assertThatThrownBy(() -> t.newRun("e").run(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("work must not be null");
      assertThatThrownBy(() -> t.newRun("e").runVoid(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("work must not be null");
      assertThat(t.runs("e")).as("no run is started for null work").isEmpty();
      assertThatThrownBy(() -> t.findRun(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("runId must not be null");
      assertThatThrownBy(() -> t.metricHistory(null, "m"))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("runId must not be null");
      assertThatThrownBy(() -> t.compare("0123456789abcdef0123456789abcdef", null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("runIds[1] must not be null");
      assertThatThrownBy(() -> t.runs("e", null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("filter must not be null");
      assertThatThrownBy(() -> t.bestRun("e", "m", null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("goal must not be null");
      try (Run run = t.startRun("e", "nulls")) {
        assertThatThrownBy(() -> run.logParam("lr", null))
            .isInstanceOf(NullPointerException.class)
            .hasMessage("value must not be null");
        assertThatThrownBy(() -> run.logParam(null, "0.1"))
            .isInstanceOf(NullPointerException.class)
            .hasMessage("param key must not be null");
        assertThatThrownBy(() -> run.logParams(null))
            .isInstanceOf(NullPointerException.class)
            .hasMessage("params must not be null");
        assertThatThrownBy(() -> run.setTag("team", null))
            .isInstanceOf(NullPointerException.class)
            .hasMessage("value must not be null");
        assertThatThrownBy(() -> run.logMetric(null, 1.0))
            .isInstanceOf(NullPointerException.class)
            .hasMessage("metric key must not be null");
        assertThatThrownBy(() -> run.logText("a.txt", null))
            .isInstanceOf(NullPointerException.class)
            .hasMessage("text must not be null");
        assertThatThrownBy(() -> run.logArtifact(null))
            .isInstanceOf(NullPointerException.class)
            .hasMessage("file must not be null");
        assertThatThrownBy(() -> run.logArtifact(null, "dir"))
            .isInstanceOf(NullPointerException.class)
            .hasMessage("file must not be null");
        assertThatThrownBy(() -> run.fail(null))
            .isInstanceOf(NullPointerException.class)
            .hasMessage("cause must not be null");
        assertThatThrownBy(() -> run.end(null))
            .isInstanceOf(NullPointerException.class)
            .hasMessage("status must not be null");
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
      }
    }
  }

  @Test
  void blankNamesAndBadSettings_areIllegalArgumentsInTheOneShape() {
    assertThatThrownBy(() -> LocalTracker.builder().user(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("user must be non-blank, but was ' '");
    assertThatThrownBy(() -> LocalTracker.builder().maxPendingLines(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxPendingLines must be at least 1, but was 0");
    assertThatThrownBy(() -> LocalTracker.builder().flushInterval(Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("flushInterval must be positive, but was PT-0.005S");
    try (LocalTracker t = tracker()) {
      assertThatThrownBy(() -> t.newRun("e").name(""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("run name must be non-blank, but was ''");
      assertThatThrownBy(() -> t.newRun("e").seed("\t", 1L))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("seed name must be non-blank, but was '\t'");
    }
  }

  @Test
  void temporaryFilesAndFoldersLeftByAKilledProcess_areNeverRead() throws IOException {
    Path root = tmp.resolve("mlruns");
    String runId;
    Path runDir;
    try (LocalTracker t = tracker();
        Run run = t.startRun("churn", "kept")) {
      run.logParam("lr", "0.01").setTag("team", "risk").logMetric("loss", 0.5);
      runId = run.id();
      runDir = root.resolve(run.experimentId()).resolve(run.id());
    }
    // what a process killed in the middle of each kind of write leaves behind
    String tmpPrefix = org.mlops4j.api.internal.AtomicFiles.TMP_PREFIX;
    Path halfExperiment = Files.createDirectories(root.resolve(tmpPrefix + "0c6a7b1e"));
    Files.writeString(halfExperiment.resolve("meta.yaml"), "experiment_id: '");
    Files.createDirectories(runDir.getParent().resolve(tmpPrefix + "5d1f00aa"));
    Files.writeString(runDir.resolve(tmpPrefix + "meta.yaml-2f1c"), "status: [");
    Files.writeString(runDir.resolve(tmpPrefix + "lr-77e0"), "0.0");
    try (LocalTracker t = LocalTracker.openReadOnly(root)) {
      assertThat(t.experiments()).extracting(Experiment::name).containsExactly("Default", "churn");
      assertThat(t.runs("churn")).extracting(RunRecord::runId).containsExactly(runId);
      RunRecord r = t.findRun(runId).orElseThrow();
      assertThat(r.params()).isEqualTo(Map.of("lr", "0.01"));
      assertThat(r.tags())
          .containsEntry("team", "risk")
          .noneSatisfy((k, v) -> assertThat(k).startsWith(tmpPrefix));
      assertThat(r.metrics()).containsOnlyKeys("loss");
    }
  }

  @Test
  void artifacts_areCopiedUnderTheRunsArtifactFolder() throws IOException {
    Path file = Files.writeString(tmp.resolve("model card.txt"), "card");
    Path folder = Files.createDirectories(tmp.resolve("report"));
    Files.writeString(folder.resolve("index.html"), "<html/>");
    Files.createDirectories(folder.resolve("img"));
    Files.writeString(folder.resolve("img/plot.svg"), "<svg/>");
    try (LocalTracker t = tracker();
        Run run = t.startRun("churn", "artifacts")) {
      run.logArtifact(file)
          .logArtifact(folder, "reports/drift")
          .logParams(Map.of("epochs", 3, "lr", 0.01));
      Path artifacts = t.root().resolve(run.experimentId()).resolve(run.id()).resolve("artifacts");
      assertThat(read(artifacts.resolve("model card.txt"))).isEqualTo("card");
      assertThat(read(artifacts.resolve("reports/drift/report/index.html"))).isEqualTo("<html/>");
      assertThat(read(artifacts.resolve("reports/drift/report/img/plot.svg"))).isEqualTo("<svg/>");
      assertThat(t.findRun(run.id()).orElseThrow().params())
          .isEqualTo(Map.of("epochs", "3", "lr", "0.01"));
      assertThatThrownBy(() -> run.logArtifact(tmp.resolve("missing.bin")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "file must be an existing file or folder, but was '"
                  + tmp.resolve("missing.bin")
                  + "'");
      assertThatThrownBy(() -> run.logArtifact(file, "../escape"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("artifactDir must match");
    }
  }

  @Test
  void aDeletedExperimentName_cannotBeReused() throws IOException {
    Path root = tmp.resolve("mlruns");
    String id;
    try (LocalTracker t = tracker()) {
      id = t.experiment("old").id();
    }
    Files.createDirectories(root.resolve(".trash"));
    Files.move(root.resolve(id), root.resolve(".trash").resolve(id));
    Path meta = root.resolve(".trash").resolve(id).resolve("meta.yaml");
    Files.writeString(
        meta, read(meta).replace("lifecycle_stage: active", "lifecycle_stage: deleted"));
    try (LocalTracker t =
        LocalTracker.builder().root(root).provenance(TestSupport::fixedProvenance).build()) {
      assertThat(t.findExperiment("old")).isEmpty();
      assertThatThrownBy(() -> t.experiment("old"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "experiment 'old' exists in the deleted state (id "
                  + id
                  + "); restore it or choose another name");
    }
  }

  @Test
  void everyDouble_roundTripsThroughTheStoreBitForBit() {
    java.util.Random random = new java.util.Random(7L);
    double[] values = new double[3000];
    for (int i = 0; i < values.length; i++) {
      values[i] =
          switch (i % 4) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> random.nextDouble();
            case 2 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            default ->
                new double[] {
                      Double.NaN,
                      Double.POSITIVE_INFINITY,
                      Double.NEGATIVE_INFINITY,
                      -0.0,
                      0.0,
                      Double.MIN_VALUE,
                      Double.MAX_VALUE,
                      1e23,
                      2e23
                    }
                    [random.nextInt(9)];
          };
    }
    try (LocalTracker t = tracker();
        Run run = t.startRun("roundtrip", "bits")) {
      for (int i = 0; i < values.length; i++) {
        run.logMetric("v", values[i], i);
      }
      run.flush();
      List<Metric> back = t.metricHistory(run.id(), "v");
      assertThat(back).hasSize(values.length);
      for (int i = 0; i < values.length; i++) {
        assertThat(Double.doubleToLongBits(back.get(i).value()))
            .as("point %d", i)
            .isEqualTo(Double.doubleToLongBits(values[i]));
      }
    }
  }

  @Test
  void awkwardRunAndExperimentNames_roundTripThroughMetaYaml() {
    String runName = "it's: a \"test\"\n#1 \u00e9";
    String experimentName = "0.10";
    try (LocalTracker t = tracker()) {
      String id;
      try (Run run = t.startRun(experimentName, runName)) {
        id = run.id();
      }
      assertThat(t.findRun(id).orElseThrow().name()).isEqualTo(runName);
      assertThat(t.findExperiment(experimentName)).map(Experiment::name).hasValue(experimentName);
      assertThat(t.findRun(id).orElseThrow().tag("mlflow.runName")).hasValue(runName);
    }
  }
}
