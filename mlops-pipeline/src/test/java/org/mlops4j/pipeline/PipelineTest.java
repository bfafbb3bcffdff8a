package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.tracking.InMemoryRun;
import org.mlops4j.pipeline.internal.FileHasher;

class PipelineTest {
  @TempDir Path tmp;
  Path root;
  final AtomicInteger prepareRuns = new AtomicInteger();
  final AtomicInteger trainRuns = new AtomicInteger();

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(tmp.resolve("project")).toRealPath();
    Files.createDirectories(root.resolve("data"));
    Files.writeString(root.resolve("data/raw.csv"), "id,x\n1,2\n");
  }

  /**
   * prepare: raw.csv -> train.csv (header + split line); train: train.csv -> model/ (two files).
   */
  private Pipeline pipeline(double split, double lr, String prepareVersion) {
    return Pipeline.builder(root)
        .seed(42)
        .stage(
            Stage.named("train")
                .input("data/train.csv")
                .param("lr", lr)
                .output("model")
                .codeVersion("t1")
                .work(
                    ctx -> {
                      trainRuns.incrementAndGet();
                      Path m = Files.createDirectories(ctx.output("model"));
                      Files.writeString(
                          m.resolve("weights.txt"),
                          "lr="
                              + ctx.param("lr")
                              + "\n"
                              + Files.readString(ctx.input("data/train.csv")));
                      Files.createDirectories(m.resolve("meta"));
                      Files.writeString(m.resolve("meta/seed.txt"), Long.toString(ctx.seed()));
                    }))
        .stage(
            Stage.named("prepare")
                .input("data/raw.csv")
                .param("split", split)
                .output("data/train.csv")
                .codeVersion(prepareVersion)
                .work(
                    ctx -> {
                      prepareRuns.incrementAndGet();
                      Files.writeString(
                          ctx.output("data/train.csv"),
                          "split="
                              + ctx.param("split")
                              + "\n"
                              + Files.readString(ctx.input("data/raw.csv")));
                    }))
        .build();
  }

  @Test
  void firstRun_runsEveryStageInDependencyOrder_andPutsTheOutputsInPlace() throws Exception {
    Pipeline p = pipeline(0.2, 0.1, "v1");
    assertThat(p.stages()).extracting(Stage::name).containsExactly("prepare", "train");
    PipelineResult r = p.run();
    assertThat(r.ran()).containsExactly("prepare", "train");
    assertThat(r.stage("prepare").reason()).isEqualTo("not in the lock file (never ran)");
    assertThat(Files.readString(root.resolve("data/train.csv")))
        .isEqualTo("split=0.2\nid,x\n1,2\n");
    assertThat(Files.readString(root.resolve("model/weights.txt")))
        .isEqualTo("lr=0.1\nsplit=0.2\nid,x\n1,2\n");
    assertThat(Files.readString(root.resolve("model/meta/seed.txt")))
        .isEqualTo(Long.toString(p.stageSeed("train")));
    assertThat(root.resolve("mlops.lock")).exists();
    assertThat(prepareRuns).hasValue(1);
    assertThat(trainRuns).hasValue(1);
  }

  @Test
  void secondRun_skipsEveryStageAsUpToDate_andLeavesTheLockFileUntouched() throws Exception {
    pipeline(0.2, 0.1, "v1").run();
    byte[] lock = Files.readAllBytes(root.resolve("mlops.lock"));
    PipelineResult r = pipeline(0.2, 0.1, "v1").run();
    assertThat(r.skipped()).containsExactly("prepare", "train");
    assertThat(r.upToDate()).isTrue();
    assertThat(r.stage("train").reason()).isEqualTo("up to date");
    assertThat(Files.readAllBytes(root.resolve("mlops.lock"))).isEqualTo(lock);
    assertThat(prepareRuns).hasValue(1);
    assertThat(trainRuns).hasValue(1);
    assertThat(r.toString())
        .startsWith("pipeline in ")
        .contains(": 0 ran, 0 restored, 2 skipped, 0 failed")
        .contains("\n  prepare: SKIPPED (up to date")
        .contains("\n  train: SKIPPED (up to date");
  }

  @Test
  void changedParam_rerunsOnlyThatStage_withTheReasonNamed() {
    pipeline(0.2, 0.1, "v1").run();
    PipelineResult r = pipeline(0.2, 0.01, "v1").run();
    assertThat(r.skipped()).containsExactly("prepare");
    assertThat(r.ran()).containsExactly("train");
    assertThat(r.stage("train").reason()).isEqualTo("param 'lr' changed: 0.1 -> 0.01");
    assertThat(trainRuns).hasValue(2);
  }

  @Test
  void changedInputFile_rerunsItsStageAndTheDependentStage() throws Exception {
    pipeline(0.2, 0.1, "v1").run();
    Files.writeString(root.resolve("data/raw.csv"), "id,x\n1,3\n");
    Pipeline p = pipeline(0.2, 0.1, "v1");
    PipelineResult status = p.status();
    assertThat(status.stale()).containsExactly("prepare", "train");
    assertThat(status.stage("prepare").reason()).isEqualTo("input 'data/raw.csv' changed");
    assertThat(status.stage("train").reason()).isEqualTo("upstream stage 'prepare' is stale");
    assertThat(prepareRuns).hasValue(1);
    PipelineResult r = p.run();
    assertThat(r.ran()).containsExactly("prepare", "train");
    assertThat(r.stage("train").reason()).isEqualTo("input 'data/train.csv' changed");
  }

  @Test
  void newCodeVersionWithIdenticalOutput_doesNotRerunTheDependentStage() {
    pipeline(0.2, 0.1, "v1").run();
    PipelineResult r = pipeline(0.2, 0.1, "v2").run();
    assertThat(r.ran()).containsExactly("prepare");
    assertThat(r.stage("prepare").reason()).isEqualTo("code version changed: v1 -> v2");
    assertThat(r.skipped()).containsExactly("train");
  }

  @Test
  void deletedOrEditedOutput_isRestoredFromTheRunCache_withoutRunningTheWork() throws Exception {
    pipeline(0.2, 0.1, "v1").run();
    Files.delete(root.resolve("data/train.csv"));
    PipelineResult r = pipeline(0.2, 0.1, "v1").run();
    assertThat(r.restored()).containsExactly("prepare");
    assertThat(r.stage("prepare").reason())
        .isEqualTo("output 'data/train.csv' is missing; restored from run cache");
    assertThat(r.skipped()).containsExactly("train");
    assertThat(Files.readString(root.resolve("data/train.csv")))
        .isEqualTo("split=0.2\nid,x\n1,2\n");

    // replace (not edit in place: outputs are hard links into the cache) one file of the directory
    // output
    Path w = root.resolve("model/weights.txt");
    Files.delete(w);
    Files.writeString(w, "tampered");
    r = pipeline(0.2, 0.1, "v1").run();
    assertThat(r.restored()).containsExactly("train");
    assertThat(r.stage("train").reason())
        .isEqualTo("output 'model' was modified; restored from run cache");
    assertThat(Files.readString(w)).isEqualTo("lr=0.1\nsplit=0.2\nid,x\n1,2\n");
    assertThat(prepareRuns).hasValue(1);
    assertThat(trainRuns).hasValue(1);
  }

  @Test
  void goingBackToEarlierParams_restoresTheEarlierOutputsFromTheRunCache() throws Exception {
    pipeline(0.2, 0.1, "v1").run();
    pipeline(0.2, 0.5, "v1").run();
    assertThat(Files.readString(root.resolve("model/weights.txt"))).startsWith("lr=0.5\n");
    PipelineResult r = pipeline(0.2, 0.1, "v1").run();
    assertThat(r.restored()).containsExactly("train");
    assertThat(r.stage("train").reason())
        .isEqualTo("param 'lr' changed: 0.5 -> 0.1; restored from run cache");
    assertThat(Files.readString(root.resolve("model/weights.txt"))).startsWith("lr=0.1\n");
    assertThat(trainRuns).hasValue(2);
  }

  @Test
  void cacheObjects_areNamedByTheSha256OfTheirContent() throws Exception {
    pipeline(0.2, 0.1, "v1").run();
    // expected: printf 'split=0.2\nid,x\n1,2\n' | sha256sum
    String h = FileHasher.sha256("split=0.2\nid,x\n1,2\n");
    Path obj = root.resolve(".mlops/cache").resolve(h.substring(0, 2)).resolve(h.substring(2));
    assertThat(obj).hasContent("split=0.2\nid,x\n1,2\n");
    try (Stream<Path> s = Files.walk(root.resolve(".mlops/cache"))) {
      for (Path f :
          s.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".dir")).toList()) {
        String name = f.getParent().getFileName().toString() + f.getFileName();
        assertThat(FileHasher.sha256(f)).isEqualTo(name);
      }
    }
  }

  @Test
  void lockFile_recordsParamsHashesSizesCodeVersionSeedAndProvenance_inSortedOrder()
      throws Exception {
    Pipeline p = pipeline(0.2, 0.1, "v1");
    p.run();
    String lock = Files.readString(root.resolve("mlops.lock"));
    // expected raw.csv hash: python3 hashlib.sha256(b'id,x\n1,2\n').hexdigest()
    // expected seed: python3 int.from_bytes(hashlib.sha256(struct.pack('>q', 42) +
    // b'prepare').digest()[:8], 'big', signed=True)
    assertThat(lock)
        .startsWith(
            "# mlops4j pipeline lock file: written by Pipeline.run(), do not edit by hand\n"
                + "schema: 1\n"
                + "seed: 42\n"
                + "stages:\n"
                + "  prepare:\n"
                + "    codeVersion: v1\n"
                + "    seed: 3074561656246883891\n"
                + "    params:\n"
                + "      split: 0.2\n"
                + "    inputs:\n"
                + "      data/raw.csv:\n"
                + "        sha256:"
                + " bd478b7a29bb9458e5409ec846358dee6e300a0ec98509dafc6e3b1f06555963\n"
                + "        size: 9\n"
                + "    outputs:\n"
                + "      data/train.csv:\n"
                + "        sha256: "
                + FileHasher.sha256("split=0.2\nid,x\n1,2\n")
                + "\n"
                + "        size: 19\n    runKey: ");
    assertThat(lock)
        .contains("    restoredFromCache: false\n    provenance:\n      mlops4j.host: ");
    assertThat(lock).contains("      mlops4j.seed.pipeline: \"42\"\n");
    assertThat(lock.indexOf("  prepare:")).isLessThan(lock.indexOf("  train:"));
    assertThat(lock)
        .contains("      model:\n        sha256: ")
        .contains("        size: 43\n        files: 2\n");
    List<String> history;
    try (Stream<Path> s = Files.list(root.resolve(".mlops/locks"))) {
      history = s.map(f -> f.getFileName().toString()).toList();
    }
    assertThat(history).hasSize(1);
    assertThat(Files.readString(root.resolve(".mlops/locks").resolve(history.get(0))))
        .isEqualTo(lock);
  }

  @Test
  void paramsOfEveryTypeAndTrickyStrings_surviveTheLockRoundTrip() {
    java.util.function.Supplier<Pipeline> make =
        () ->
            Pipeline.builder(root)
                .stage(
                    Stage.named("p")
                        .input("data/raw.csv")
                        .param("s1", "true")
                        .param("s2", "null")
                        .param("s3", "0.2")
                        .param("s4", "")
                        .param("s5", "a: b # c")
                        .param("s6", "yes")
                        .param("s7", "~")
                        .param("i", 7)
                        .param("l", Long.MAX_VALUE)
                        .param("d", 1.0)
                        .param("f", 0.1f)
                        .param("b", false)
                        .param("s8", "7")
                        .output("o.txt")
                        .work(
                            ctx -> Files.writeString(ctx.output("o.txt"), ctx.params().toString())))
                .build();
    assertThat(make.get().run().ran()).containsExactly("p");
    assertThat(make.get().run().skipped()).containsExactly("p");
    Pipeline changedType =
        Pipeline.builder(root)
            .stage(
                Stage.named("p")
                    .input("data/raw.csv")
                    .param("s1", "true")
                    .param("s2", "null")
                    .param("s3", "0.2")
                    .param("s4", "")
                    .param("s5", "a: b # c")
                    .param("s6", "yes")
                    .param("s7", "~")
                    .param("i", 7)
                    .param("l", Long.MAX_VALUE)
                    .param("d", 1.0)
                    .param("f", 0.1f)
                    .param("b", false)
                    .param("s8", 7)
                    .output("o.txt")
                    .work(ctx -> Files.writeString(ctx.output("o.txt"), ctx.params().toString())))
            .build();
    // the string "7" and the integer 7 are different params
    assertThat(changedType.status().stage("p").reason()).isEqualTo("param 's8' changed: '7' -> 7");
  }

  @Test
  void stageSeeds_areDerivedFromThePipelineSeedAndTheName_asInPython() {
    // expected: python3 int.from_bytes(hashlib.sha256(struct.pack('>q', seed) +
    // name.encode()).digest()[:8], 'big', signed=True)
    assertThat(Pipeline.deriveSeed(42, "prepare")).isEqualTo(3074561656246883891L);
    assertThat(Pipeline.deriveSeed(42, "train")).isEqualTo(96351001280648038L);
    assertThat(Pipeline.deriveSeed(0, "prepare")).isEqualTo(300375247892875094L);
    assertThat(Pipeline.deriveSeed(-1, "x")).isEqualTo(7043446623628594468L);
    assertThat(Pipeline.deriveSeed(42, "évaluer")).isEqualTo(-2119768372368936406L);
    assertThat(pipeline(0.2, 0.1, "v1").stageSeed("train")).isEqualTo(96351001280648038L);
  }

  @Test
  void changedPipelineSeed_rerunsEveryStage() {
    pipeline(0.2, 0.1, "v1").run();
    Pipeline p =
        Pipeline.builder(root)
            .seed(7)
            .stage(
                Stage.named("prepare")
                    .input("data/raw.csv")
                    .param("split", 0.2)
                    .output("data/train.csv")
                    .codeVersion("v1")
                    .work(ctx -> Files.writeString(ctx.output("data/train.csv"), "x")))
            .build();
    PipelineResult r = p.status();
    assertThat(r.stage("prepare").reason()).isEqualTo("pipeline seed changed: 42 -> 7");
  }

  @Test
  void independentStages_runInParallel() throws Exception {
    CountDownLatch both = new CountDownLatch(2);
    StageWork w =
        ctx -> {
          both.countDown();
          // each waits for the other: only finishes if both run at once
          if (!both.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("stages did not run in parallel");
          }
          Files.writeString(ctx.output(ctx.stageName() + ".txt"), ctx.stageName());
        };
    Pipeline p =
        Pipeline.builder(root)
            .parallelism(2)
            .stage(Stage.named("a").input("data/raw.csv").output("a.txt").work(w))
            .stage(Stage.named("b").input("data/raw.csv").output("b.txt").work(w))
            .build();
    assertThat(p.run().ran()).containsExactly("a", "b");
  }

  @Test
  void stageThatThrows_leavesThePreviousOutputAndTheCacheIntact_andRunsAgainNextTime()
      throws Exception {
    pipeline(0.2, 0.1, "v1").run();
    long objects = countCacheFiles();
    String before = Files.readString(root.resolve("model/weights.txt"));
    Pipeline failing =
        Pipeline.builder(root)
            .seed(42)
            .stage(
                Stage.named("prepare")
                    .input("data/raw.csv")
                    .param("split", 0.2)
                    .output("data/train.csv")
                    .codeVersion("v1")
                    .work(ctx -> Files.writeString(ctx.output("data/train.csv"), "never used")))
            .stage(
                Stage.named("train")
                    .input("data/train.csv")
                    .param("lr", 0.3)
                    .output("model")
                    .codeVersion("t1")
                    .work(
                        ctx -> {
                          Path m = Files.createDirectories(ctx.output("model"));
                          Files.writeString(m.resolve("weights.txt"), "half");
                          throw new IllegalStateException("boom");
                        }))
            .stage(
                Stage.named("evaluate")
                    .input("model")
                    .output("report.txt")
                    .work(ctx -> Files.writeString(ctx.output("report.txt"), "ok")))
            .build();
    assertThatThrownBy(failing::run)
        .isInstanceOf(PipelineException.class)
        .isInstanceOf(MlopsException.class)
        .hasMessage("stage 'train' failed: boom; not run: [evaluate]")
        .hasCauseInstanceOf(IllegalStateException.class)
        .satisfies(
            e -> {
              PipelineResult r = ((PipelineException) e).result();
              assertThat(r.failed()).containsExactly("train");
              assertThat(r.stage("evaluate").action()).isEqualTo(StageOutcome.Action.NOT_RUN);
              assertThat(r.stage("evaluate").reason())
                  .isEqualTo("upstream stage 'train' did not complete");
            });
    assertThat(Files.readString(root.resolve("model/weights.txt"))).isEqualTo(before);
    assertThat(countCacheFiles()).isEqualTo(objects);
    assertThat(root.resolve(".mlops/tmp")).isEmptyDirectory();
    // the lock still describes the good outputs; the new param makes train stale again
    PipelineResult status = failing.status();
    assertThat(status.stage("prepare").action()).isEqualTo(StageOutcome.Action.SKIPPED);
    assertThat(status.stage("train").reason()).isEqualTo("param 'lr' changed: 0.1 -> 0.3");
    assertThat(status.stage("evaluate").reason()).isEqualTo("upstream stage 'train' is stale");
  }

  @Test
  void undeclaredOutputInTheSandbox_failsTheStageWithAClearMessage() {
    Pipeline p =
        Pipeline.builder(root)
            .stage(
                Stage.named("prepare")
                    .input("data/raw.csv")
                    .output("data/train.csv")
                    .work(
                        ctx -> {
                          Files.writeString(ctx.output("data/train.csv"), "t");
                          Files.writeString(
                              ctx.output("data/train.csv").resolveSibling("extra.csv"), "e");
                        }))
            .build();
    assertThatThrownBy(p::run)
        .isInstanceOf(PipelineException.class)
        .hasMessage(
            "stage 'prepare' failed: stage 'prepare' wrote undeclared output(s) [data/extra.csv]; "
                + "declare them with output(...) or write temporary files to scratchDir()");
    assertThat(root.resolve("data/train.csv")).doesNotExist();
  }

  @Test
  void undeclaredFileWrittenIntoTheProjectTree_failsTheStageWithAClearMessage() {
    Pipeline p =
        Pipeline.builder(root)
            .stage(
                Stage.named("prepare")
                    .input("data/raw.csv")
                    .output("data/train.csv")
                    .work(
                        ctx -> {
                          Files.writeString(ctx.output("data/train.csv"), "t");
                          Files.writeString(ctx.projectRoot().resolve("data/stray.csv"), "s");
                        }))
            .build();
    assertThatThrownBy(p::run)
        .isInstanceOf(PipelineException.class)
        .hasMessage(
            "stage 'prepare' failed: stage 'prepare' wrote undeclared file(s) in the project:"
                + " [data/stray.csv]; write outputs to ctx.output(...) and declare them with"
                + " output(...)");
  }

  @Test
  void declaredOutputNotWritten_failsTheStageWithAClearMessage() {
    Pipeline p =
        Pipeline.builder(root)
            .stage(
                Stage.named("prepare")
                    .input("data/raw.csv")
                    .output("data/train.csv")
                    .work(ctx -> {}))
            .build();
    assertThatThrownBy(p::run)
        .hasMessage(
            "stage 'prepare' failed: stage 'prepare' did not write its declared output"
                + " 'data/train.csv' (write it to ctx.output(\"data/train.csv\"))");
  }

  @Test
  void directoryInput_isHashedThroughItsManifest_soThatOneChangedFileRerunsTheStage()
      throws Exception {
    Files.createDirectories(root.resolve("images/a"));
    Files.writeString(root.resolve("images/a/1.txt"), "1");
    Files.writeString(root.resolve("images/2.txt"), "2");
    AtomicInteger runs = new AtomicInteger();
    java.util.function.Supplier<Pipeline> make =
        () ->
            Pipeline.builder(root)
                .stage(
                    Stage.named("count")
                        .input("images")
                        .output("count.txt")
                        .work(
                            ctx -> {
                              runs.incrementAndGet();
                              try (Stream<Path> s = Files.walk(ctx.input("images"))) {
                                Files.writeString(
                                    ctx.output("count.txt"),
                                    Long.toString(s.filter(Files::isRegularFile).count()));
                              }
                            }))
                .build();
    make.get().run();
    assertThat(make.get().run().skipped()).containsExactly("count");
    Files.writeString(root.resolve("images/a/3.txt"), "3");
    PipelineResult r = make.get().run();
    assertThat(r.stage("count").reason()).isEqualTo("input 'images' changed");
    assertThat(Files.readString(root.resolve("count.txt"))).isEqualTo("3");
    assertThat(runs).hasValue(2);
  }

  @Test
  void trackingRun_receivesParamsTimingsActionsProvenanceAndTheLock() {
    InMemoryRun run = InMemoryRun.create("test");
    PipelineResult r = pipeline(0.2, 0.1, "v1").run(run);
    assertThat(run.params())
        .containsEntry("pipeline.seed", "42")
        .containsEntry("pipeline.prepare.param.split", "0.2")
        .containsEntry("pipeline.train.param.lr", "0.1")
        .containsEntry("pipeline.train.code_version", "t1")
        .containsEntry("pipeline.prepare.seed", "3074561656246883891");
    assertThat(run.latestMetrics())
        .containsKeys("pipeline.prepare.seconds", "pipeline.train.seconds");
    // the metric is the stage's duration in this run, in seconds
    assertThat(run.latestMetric("pipeline.train.seconds"))
        .hasValue(r.stage("train").duration().toNanos() / 1e9);
    assertThat(run.tags())
        .containsEntry("pipeline.prepare.action", "RAN")
        .containsKey("mlops4j.jvm.version");
    assertThat(run.artifactPaths()).containsExactly("pipeline/mlops.lock");
  }

  @Test
  void progress_reachesTheListener() {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    ProgressListener l =
        new ProgressListener() {
          @Override
          public void stageStarted(String stage, String reason) {
            events.add("start " + stage + ": " + reason);
          }

          @Override
          public void progress(String stage, double f, String m) {
            events.add(stage + " " + f + " " + m);
          }

          @Override
          public void stageFinished(StageOutcome o) {
            events.add("end " + o.stage() + " " + o.action());
          }
        };
    Pipeline.builder(root)
        .listener(l)
        .stage(
            Stage.named("long")
                .input("data/raw.csv")
                .output("out.txt")
                .work(
                    ctx -> {
                      for (int i = 1; i <= 2; i++) {
                        ctx.progress(i / 2.0, "step " + i);
                      }
                      Files.writeString(ctx.output("out.txt"), "x");
                    }))
        .build()
        .run();
    assertThat(events)
        .containsExactly(
            "start long: not in the lock file (never ran)",
            "long 0.5 step 1",
            "long 1.0 step 2",
            "end long RAN");
  }

  @Test
  void secondRunStartedWhileOneIsInProgress_isRefused() throws Exception {
    List<Throwable> inner = new ArrayList<>();
    Pipeline[] self = new Pipeline[1];
    self[0] =
        Pipeline.builder(root)
            .stage(
                Stage.named("s")
                    .input("data/raw.csv")
                    .output("o.txt")
                    .work(
                        ctx -> {
                          try {
                            self[0].run();
                          } catch (MlopsException e) {
                            inner.add(e);
                          }
                          Files.writeString(ctx.output("o.txt"), "x");
                        }))
            .build();
    self[0].run();
    assertThat(inner)
        .singleElement()
        .extracting(Throwable::getMessage)
        .isEqualTo("another run of this pipeline holds " + root.resolve(".mlops/run.lock"));
  }

  @Test
  void gc_removesObjectsThatNoKeptLockReferences() throws Exception {
    Pipeline p1 = pipeline(0.2, 0.1, "v1");
    p1.run();
    pipeline(0.2, 0.5, "v1").run();
    GcResult keepAll = p1.gc(10);
    assertThat(keepAll.objectsRemoved()).isZero();
    GcResult r = p1.gc(0);
    // the lr=0.1 model: weights.txt and its manifest; meta/seed.txt is shared with the lr=0.5 model
    assertThat(r.objectsRemoved()).isEqualTo(2);
    assertThat(r.bytesFreed())
        .isEqualTo(("lr=0.1\nsplit=0.2\nid,x\n1,2\n").length() + Files.size(manifestOf(p1, 0.1)));
    assertThat(r.locksRemoved()).isEqualTo(2);
    assertThat(pipeline(0.2, 0.5, "v1").run().upToDate()).isTrue();
    // the lr=0.1 outputs are gone from the cache: the work runs again
    assertThat(pipeline(0.2, 0.1, "v1").run().ran()).containsExactly("train");
  }

  private Path manifestOf(Pipeline p, double lr) throws Exception {
    // size of the manifest text: two lines of 64 hex + 2 spaces + path + newline
    String text =
        FileHasher.sha256("" + p.stageSeed("train"))
            + "  meta/seed.txt\n"
            + FileHasher.sha256("lr=" + lr + "\nsplit=0.2\nid,x\n1,2\n")
            + "  weights.txt\n";
    Path f = tmp.resolve("manifest-" + lr);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void pushThenPull_letsAFreshCheckoutRestoreOutputsWithoutRunningTheWork() throws Exception {
    Path remote = tmp.resolve("remote");
    pipeline(0.2, 0.1, "v1").run();
    CacheTransfer pushed = pipeline(0.2, 0.1, "v1").push(remote);
    // 2 run entries, train.csv, model manifest, weights.txt, seed.txt
    assertThat(pushed.copied()).isEqualTo(6);
    assertThat(pipeline(0.2, 0.1, "v1").push(remote).alreadyPresent()).isEqualTo(6);
    // a "fresh clone": sources and the lock only
    AtomicFiles.deleteRecursively(root.resolve(".mlops"));
    AtomicFiles.deleteRecursively(root.resolve("model"));
    Files.delete(root.resolve("data/train.csv"));
    CacheTransfer pulled = pipeline(0.2, 0.1, "v1").pull(remote);
    assertThat(pulled.copied()).isEqualTo(6);
    assertThat(pulled.missing()).isZero();
    PipelineResult r = pipeline(0.2, 0.1, "v1").run();
    assertThat(r.restored()).containsExactly("prepare", "train");
    assertThat(Files.readString(root.resolve("model/weights.txt")))
        .isEqualTo("lr=0.1\nsplit=0.2\nid,x\n1,2\n");
    assertThat(trainRuns).hasValue(1);
  }

  private long countCacheFiles() throws Exception {
    try (Stream<Path> s = Files.walk(root.resolve(".mlops/cache"))) {
      return s.filter(Files::isRegularFile).count();
    }
  }
}
