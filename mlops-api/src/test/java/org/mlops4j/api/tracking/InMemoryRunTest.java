package org.mlops4j.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InMemoryRunTest {

  @TempDir Path tmp;

  @Test
  void create_startsARunningRunInTheDefaultExperiment() {
    InMemoryRun run = InMemoryRun.create("test");
    assertThat(run.name()).isEqualTo("test");
    assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(run.experimentId()).isEqualTo("0");
    assertThat(run.id()).matches("[0-9a-f]{32}");
    assertThat(InMemoryRun.create("test").id()).isNotEqualTo(run.id());
    assertThat(run.params()).isEmpty();
    assertThat(run.latestMetrics()).isEmpty();
    assertThat(run.failure()).isEmpty();
    assertThat(run).hasToString("InMemoryRun[test, RUNNING, 0 params, 0 metrics, 0 artifacts]");
    assertThatThrownBy(() -> InMemoryRun.create(null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("name must not be null");
  }

  @Test
  void params_areImmutableWithTheFileStoresMessage() {
    InMemoryRun run = InMemoryRun.create("test");
    run.logParam("lr", "0.01").logParam("lr", "0.01");
    assertThatThrownBy(() -> run.logParam("lr", "0.02"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "param 'lr' was already logged as '0.01' and cannot be changed to '0.02' (params are"
                + " immutable)");
    assertThat(run.params()).containsExactly(Map.entry("lr", "0.01"));
  }

  @Test
  void logParams_logsEachValueAsTextAndRefusesANullValue() {
    InMemoryRun run = InMemoryRun.create("test");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("epochs", 3);
    params.put("lr", 0.01);
    params.put("optimizer", null);
    assertThatThrownBy(() -> run.logParams(params))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("params[optimizer] must not be null");
    assertThat(run.params()).containsExactly(Map.entry("epochs", "3"), Map.entry("lr", "0.01"));
    assertThatThrownBy(() -> run.logParam("a", null)).hasMessage("value must not be null");
  }

  @Test
  void theReturnedViews_cannotBeChanged() {
    InMemoryRun run =
        InMemoryRun.create("test").logParam("lr", "0.01").setTag("t", "v").logMetric("m", 1);
    assertThatThrownBy(() -> run.params().put("lr", "0.02"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> run.tags().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> run.latestMetrics().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> run.metricHistory("m").clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(run.params()).containsExactly(Map.entry("lr", "0.01"));
  }

  // the same names and messages as the file store (LocalRun), which also calls api.internal.Names
  @ParameterizedTest
  @ValueSource(strings = {"../x", "/etc/passwd", "a\\b", "a//b", "a/", "..", "100%", "a;b", ""})
  void invalidKeys_areRefusedAsByTheFileStore(String key) {
    InMemoryRun run = InMemoryRun.create("test");
    assertThatThrownBy(() -> run.logParam(key, "v"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("param key must ");
    assertThatThrownBy(() -> run.logMetric(key, 1.0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("metric key must ");
    assertThatThrownBy(() -> run.setTag(key, "v"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tag key must ");
    assertThatThrownBy(() -> run.logText(key, "text"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("artifact path must ");
    assertThat(run.params()).isEmpty();
    assertThat(run.latestMetrics()).isEmpty();
    assertThat(run.tags()).isEmpty();
    assertThat(run.artifactPaths()).isEmpty();
  }

  @Test
  void invalidKey_hasTheExactMessageOfNames() {
    assertThatThrownBy(() -> InMemoryRun.create("test").logMetric("../x", 1.0))
        .hasMessage(
            "metric key must match ^[/\\w.\\- ]*$ and be a normalised relative path (no leading"
                + " '/', no '.' or '..' segment, no '//'), but was '../x'");
    assertThatThrownBy(() -> InMemoryRun.create("test").logMetric(null, 1.0))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("metric key must not be null");
  }

  @Test
  void metrics_keepTheirHistoryAndTheLatestValue() {
    long before = System.currentTimeMillis();
    InMemoryRun run = InMemoryRun.create("test");
    run.logMetric("loss", 0.5, 0).logMetric("loss", 0.25, 1).logMetric("loss", Double.NaN, 2);
    run.logMetric("acc", 0.9);
    assertThat(run.metricHistory("loss"))
        .extracting(Metric::value, Metric::step)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0.5, 0L),
            org.assertj.core.groups.Tuple.tuple(0.25, 1L),
            org.assertj.core.groups.Tuple.tuple(Double.NaN, 2L));
    assertThat(run.metricHistory("loss"))
        .allSatisfy(
            m -> {
              assertThat(m.key()).isEqualTo("loss");
              assertThat(m.timestamp()).isBetween(before, System.currentTimeMillis());
            });
    assertThat(run.metricHistory("acc")).singleElement().extracting(Metric::step).isEqualTo(0L);
    assertThat(run.latestMetric("loss")).hasValueSatisfying(v -> assertThat(v).isNaN());
    assertThat(run.latestMetric("acc")).hasValue(0.9);
    assertThat(run.latestMetric("missing")).isEmpty();
    assertThat(run.metricHistory("missing")).isEmpty();
    assertThat(run.latestMetrics().keySet()).containsExactly("loss", "acc");
  }

  @Test
  void tags_keepTheLatestValue() {
    InMemoryRun run = InMemoryRun.create("test").setTag("stage", "dev").setTag("stage", "prod");
    assertThat(run.tags()).containsExactly(Map.entry("stage", "prod"));
  }

  @Test
  void artifacts_keepTextAndFileBytesUnderTheirPaths() throws IOException {
    Path file = Files.writeString(tmp.resolve("card.txt"), "model card\n");
    InMemoryRun run =
        InMemoryRun.create("test")
            .logText("drift/report.json", "{}")
            .logArtifact(file)
            .logArtifact(file, "cards/v1");
    assertThat(run.artifactPaths())
        .containsExactly("drift/report.json", "card.txt", "cards/v1/card.txt");
    assertThat(run.artifactText("drift/report.json")).hasValue("{}");
    assertThat(run.artifactText("cards/v1/card.txt")).hasValue("model card\n");
    assertThat(run.artifactText("missing")).isEmpty();
    assertThatThrownBy(() -> run.logArtifact(file, "../escape"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("artifactDir must ");
    Path missing = tmp.resolve("missing.txt");
    assertThatThrownBy(() -> run.logArtifact(missing))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("file must be an existing file or folder, but was '" + missing + "'");
  }

  @Test
  void aFolderArtifact_isKeptFileByFileAsTheStoreCopiesIt() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("model"));
    Files.writeString(folder.resolve("weights.bin"), "w");
    Files.writeString(Files.createDirectories(folder.resolve("meta")).resolve("info.txt"), "i");
    InMemoryRun run = InMemoryRun.create("test").logArtifact(folder, "out");
    assertThat(run.artifactPaths())
        .containsExactlyInAnyOrder("out/model/weights.bin", "out/model/meta/info.txt");
    assertThat(run.artifactText("out/model/meta/info.txt")).hasValue("i");
  }

  @Test
  void aKeyThatIsTheFolderOfAnother_isRefusedAsByTheStore() {
    InMemoryRun run = InMemoryRun.create("test").logMetric("train", 1.0);
    assertThatThrownBy(() -> run.logMetric("train/loss", 0.5))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "metric key 'train/loss' clashes with metric key 'train' of run "
                + run.id()
                + ": a key cannot also be the folder of another key");
    run.logParam("opt/lr", "0.1");
    assertThatThrownBy(() -> run.logParam("opt", "sgd"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("param key 'opt' clashes with param key 'opt/lr'");
    run.logMetric("train", 2.0); // the same key again is fine
    assertThat(run.metricHistory("train")).hasSize(2);
  }

  @Test
  void close_endsFinishedOnceAndParamsAndMetricsAfterTheEndAreRefusedAsByTheStore() {
    InMemoryRun run = InMemoryRun.create("test");
    run.close();
    assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
    run.close();
    run.end(RunStatus.KILLED);
    run.fail(new IllegalStateException("late"));
    assertThat(run.status()).as("the first end wins").isEqualTo(RunStatus.FINISHED);
    assertThat(run.failure()).isEmpty();
    // LocalRun's messages: "run <id> has ended (<status>); cannot <what>"
    assertThatThrownBy(() -> run.logMetric("m", 1.0))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("run " + run.id() + " has ended (FINISHED); cannot log metric 'm'");
    assertThatThrownBy(() -> run.logParam("p", "v"))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("run " + run.id() + " has ended (FINISHED); cannot log param 'p'");
    // the file store accepts tags and artifacts after the end (MLflow sets tags on ended runs)
    run.setTag("t", "v").logText("a.txt", "x");
    assertThat(run.tags()).containsExactly(Map.entry("t", "v"));
    assertThat(run.artifactText("a.txt")).hasValue("x");
    assertThat(run.latestMetrics()).isEmpty();
  }

  @Test
  void fail_endsFailedAndKeepsTheCause() {
    InMemoryRun run = InMemoryRun.create("test");
    IllegalStateException cause = new IllegalStateException("diverged");
    run.fail(cause);
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.failure()).containsSame(cause);
    run.close();
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThatThrownBy(() -> run.fail(null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("cause must not be null");
  }

  @Test
  void end_acceptsOnlyATerminalStatus() {
    InMemoryRun run = InMemoryRun.create("test");
    assertThatThrownBy(() -> run.end(RunStatus.RUNNING))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("status must be terminal (FINISHED, FAILED or KILLED), but was RUNNING");
    assertThatThrownBy(() -> run.end(null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("status must not be null");
    assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
    run.end(RunStatus.KILLED);
    assertThat(run.status()).isEqualTo(RunStatus.KILLED);
  }

  @Test
  void manyThreadsLogging_loseNothing() throws Exception {
    InMemoryRun run = InMemoryRun.create("test");
    Thread[] threads = new Thread[4];
    for (int k = 0; k < threads.length; k++) {
      threads[k] =
          new Thread(
              () -> {
                for (int i = 0; i < 1000; i++) {
                  run.logMetric("shared", i, i);
                }
              });
      threads[k].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(run.metricHistory("shared")).hasSize(4000);
  }
}
