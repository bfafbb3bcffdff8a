package org.mlops4j.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlops4j.api.tracking.Experiment;
import org.mlops4j.api.tracking.LifecycleStage;
import org.mlops4j.api.tracking.Metric;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.api.tracking.RunStatus;

/**
 * Reads the stores written by MLflow 2.17.2 and 3.11 themselves (shared fixtures, see their
 * README.md) and checks every value against the files. Skipped when the shared folder is absent.
 */
class MlflowFixtureConformanceTest {

  /** The ids MLflow generated in each fixture store; the values are the same scenario in both. */
  record Ids(
      String dir,
      String defaultCreated,
      String refExp,
      String refExpCreated,
      String runOne,
      String runTwo,
      String deletedRun,
      String defaultRun,
      String defaultRunName,
      String trashExp,
      String trashCreated,
      String trashUpdated) {}

  static Stream<Arguments> stores() {
    return Stream.of(
        Arguments.of(
            new Ids(
                "written-by-mlflow-2.17.2",
                "1795697246454",
                "491266275471253169",
                "1795697246457",
                "0f90d402448544a18a627c7ff77b7637",
                "71a4dddb40ee40e093613948c1cb086a",
                "0258d40eae9f4f4e95c84bb19d97efe0",
                "3f6588c40c674213a3b07706319a51f4",
                "painted-auk-511",
                "721242310613103744",
                "1795697246492",
                "1795697246493")),
        Arguments.of(
            new Ids(
                "written-by-mlflow-3.11",
                "1795696972489",
                "570117975928961006",
                "1795696972491",
                "1cdb615d68e042d9a92e598364b18288",
                "ebf152f0382d4886a8408dbcb90415b8",
                "5e3dbad27d184615a49aa9a3c4a4fe17",
                "f92c9ae70ccd401196c7716ede6dd966",
                "adaptable-calf-872",
                "616082001500098166",
                "1795696972505",
                "1795696972506")));
  }

  private static Path store(String name) {
    String shared = System.getProperty("mlops.shared.dir");
    assumeThat(shared).as("system property mlops.shared.dir").isNotNull();
    Path dir = Path.of(shared, "fixtures", "mlflow-filestore", name);
    assumeThat(Files.isDirectory(dir)).as("fixture store " + dir + " present").isTrue();
    return dir;
  }

  private static Instant ms(String millis) {
    return Instant.ofEpochMilli(Long.parseLong(millis));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void experiments_areReadWithTheirMetaAndTags(Ids ids) {
    try (LocalTracker t = LocalTracker.openReadOnly(store(ids.dir()))) {
      assertThat(t.experiments())
          .containsExactly(
              new Experiment(
                  "0",
                  "Default",
                  "file:///home/user/project/mlruns/0",
                  LifecycleStage.ACTIVE,
                  ms(ids.defaultCreated()),
                  ms(ids.defaultCreated()),
                  Map.of()),
              new Experiment(
                  ids.refExp(),
                  "ref-exp",
                  "file:///home/user/project/mlruns/" + ids.refExp(),
                  LifecycleStage.ACTIVE,
                  ms(ids.refExpCreated()),
                  ms(ids.refExpCreated()),
                  Map.of("team", "acceptance", "mlflow.note.content", "multi\nline note")));
      List<Experiment> all = t.allExperiments();
      assertThat(all).hasSize(3);
      assertThat(all)
          .filteredOn(e -> !e.isActive())
          .containsExactly(
              new Experiment(
                  ids.trashExp(),
                  "deleted-exp",
                  "file:///home/user/project/mlruns/" + ids.trashExp(),
                  LifecycleStage.DELETED,
                  ms(ids.trashCreated()),
                  ms(ids.trashUpdated()),
                  Map.of()));
      assertThat(t.findExperiment("deleted-exp")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void finishedRun_hasItsParamsTagsAndLatestMetrics(Ids ids) {
    try (LocalTracker t = LocalTracker.openReadOnly(store(ids.dir()))) {
      RunRecord r = t.findRun(ids.runOne()).orElseThrow();
      assertThat(r.runId()).isEqualTo(ids.runOne());
      assertThat(r.experimentId()).isEqualTo(ids.refExp());
      assertThat(r.name()).isEqualTo("run-one");
      assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
      assertThat(r.startTime()).isEqualTo(Instant.ofEpochMilli(1700000000000L));
      assertThat(r.endTime()).contains(Instant.ofEpochMilli(1700000000010L));
      assertThat(r.user()).isEqualTo("alice");
      assertThat(r.lifecycleStage()).isEqualTo(LifecycleStage.ACTIVE);
      assertThat(r.artifactUri())
          .isEqualTo(
              "file:///home/user/project/mlruns/"
                  + ids.refExp()
                  + "/"
                  + ids.runOne()
                  + "/artifacts");
      assertThat(r.params()).isEqualTo(Map.of("epochs", "3", "lr", "0.01", "optimizer", "adam"));
      assertThat(r.params().keySet()).containsExactly("epochs", "lr", "optimizer");
      assertThat(r.tags())
          .isEqualTo(
              Map.of(
                  "mlflow.runName",
                  "run-one",
                  "mlflow.source.type",
                  "LOCAL",
                  "mlflow.user",
                  "alice",
                  "note",
                  "batch-logged",
                  "stage",
                  "dev"));
      assertThat(r.metrics())
          .isEqualTo(
              Map.of(
                  "acc", new Metric("acc", 0.75, 1, 1700000000005L),
                  "loss", new Metric("loss", 0.25, 2, 1700000000003L),
                  "train/loss", new Metric("train/loss", 1.5, 0, 1700000000006L)));
      assertThat(t.metricHistory(ids.runOne(), "loss"))
          .containsExactly(
              new Metric("loss", 0.9, 0, 1700000000001L),
              new Metric("loss", 0.5, 1, 1700000000002L),
              new Metric("loss", 0.25, 2, 1700000000003L));
      assertThat(t.metricHistory(ids.runOne(), "train/loss"))
          .containsExactly(new Metric("train/loss", 1.5, 0, 1700000000006L));
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void failedRun_hasTheParamWithASpaceAndANanPointAtARepeatedStep(Ids ids) {
    try (LocalTracker t = LocalTracker.openReadOnly(store(ids.dir()))) {
      RunRecord r = t.findRun(ids.runTwo()).orElseThrow();
      assertThat(r.name()).isEqualTo("run-two");
      assertThat(r.status()).isEqualTo(RunStatus.FAILED);
      assertThat(r.user()).isEqualTo("bob");
      assertThat(r.startTime()).isEqualTo(Instant.ofEpochMilli(1700000000100L));
      assertThat(r.endTime()).contains(Instant.ofEpochMilli(1700000000110L));
      assertThat(r.params()).isEqualTo(Map.of("path with space", "a b c"));
      assertThat(r.tags()).isEqualTo(Map.of("mlflow.runName", "run-two"));
      List<Metric> history = t.metricHistory(ids.runTwo(), "loss");
      assertThat(history).hasSize(2);
      assertThat(history.get(0).value()).isNaN();
      assertThat(history.get(0).step()).isZero();
      assertThat(history.get(0).timestamp()).isEqualTo(1700000000101L);
      assertThat(history.get(1)).isEqualTo(new Metric("loss", 3.0, 0, 1700000000102L));
      // MLflow's latest: same step, so the later timestamp wins
      assertThat(r.metric("loss")).hasValue(3.0);
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void deletedRun_isListedOnlyAmongAllRuns(Ids ids) {
    try (LocalTracker t = LocalTracker.openReadOnly(store(ids.dir()))) {
      assertThat(t.runs("ref-exp"))
          .extracting(RunRecord::runId)
          .containsExactly(ids.runTwo(), ids.runOne());
      assertThat(t.allRuns("ref-exp"))
          .extracting(RunRecord::runId)
          .containsExactly(ids.deletedRun(), ids.runTwo(), ids.runOne());
      RunRecord deleted = t.findRun(ids.deletedRun()).orElseThrow();
      assertThat(deleted.lifecycleStage()).isEqualTo(LifecycleStage.DELETED);
      assertThat(deleted.status()).isEqualTo(RunStatus.RUNNING);
      assertThat(deleted.endTime()).isEmpty();
      assertThat(deleted.name()).isEqualTo("to-delete");
      assertThat(deleted.user()).isEqualTo("carol");
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void runningRunOfDefault_isRead(Ids ids) {
    try (LocalTracker t = LocalTracker.openReadOnly(store(ids.dir()))) {
      List<RunRecord> runs = t.runs("Default");
      assertThat(runs).hasSize(1);
      RunRecord r = runs.get(0);
      assertThat(r.runId()).isEqualTo(ids.defaultRun());
      assertThat(r.name()).isEqualTo(ids.defaultRunName());
      assertThat(r.status()).isEqualTo(RunStatus.RUNNING);
      assertThat(r.experimentId()).isEqualTo("0");
      assertThat(r.user()).isEqualTo("dave");
      assertThat(r.startTime()).isEqualTo(Instant.ofEpochMilli(1700000000300L));
      assertThat(r.endTime()).isEqualTo(Optional.empty());
      assertThat(r.tags()).isEqualTo(Map.of("mlflow.runName", ids.defaultRunName()));
    }
  }
}
