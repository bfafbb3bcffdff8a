package org.mlops4j.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.tracking.Experiment;
import org.mlops4j.api.tracking.Metric;
import org.mlops4j.api.tracking.MetricGoal;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.api.tracking.RunRecord;

/**
 * What the store trusts and what it checks (issue 11): names that become paths, symbolic links
 * inside the store, the temporaries of dead processes, and the permissions of what it writes.
 */
class StoreIntegrityTest {

  @TempDir Path tmp;

  private Path root() {
    return tmp.resolve("mlruns");
  }

  private LocalTracker tracker() {
    return TestSupport.deterministic(root()).build();
  }

  private static void link(Path link, Path target) {
    try {
      Files.createSymbolicLink(link, target);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links are not supported here: " + e);
    }
  }

  private static List<Path> filesNamed(Path dir, String name) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().equals(name)).toList();
    }
  }

  /** The pid and start time of a process that has ended, as a temporary name records them. */
  private static String deadOwner() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
    long start = p.toHandle().info().startInstant().map(i -> i.toEpochMilli()).orElse(1L);
    p.getInputStream().readAllBytes();
    p.waitFor();
    return p.pid() + "-" + start;
  }

  private static List<Path> temporaries(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(AtomicFiles.TMP_PREFIX)).toList();
    }
  }

  // ------------------------------------------------------------------ names that become paths

  @Test
  void aSeedNameThatLeavesTheTagsFolder_isRejectedAndNothingIsWritten() throws IOException {
    try (LocalTracker t = tracker()) {
      for (String evil : List.of("x/../../../../victim.txt", "x/../../../../../victim.txt")) {
        assertThatThrownBy(() -> t.newRun("e").seed(evil, 2).start().close())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(
                "seed name must match ^[/\\w.\\- ]*$ and be a normalised relative path (no"
                    + " leading '/', no '.' or '..' segment, no '//'), but was '"
                    + evil
                    + "'");
      }
      assertThatThrownBy(() -> t.newRun("e").seed("/etc/victim", 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("seed name must match");
      assertThatThrownBy(() -> t.newRun("e").seed("aux", 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("seed name must not have a segment that Windows reserves");
      // the seed's tag key, mlops4j.seed.<name>, is held to MLflow's 250 characters too
      assertThatThrownBy(() -> t.newRun("e").seed("s".repeat(240), 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "tag key must be at most 250 characters long, but was 253 characters long: '"
                  + ("mlops4j.seed." + "s".repeat(27))
                  + "...'");
      try (Run run = t.newRun("e").seed("split", 1).seed("data/shuffle", 2).start()) {
        assertThat(t.findRun(run.id()).orElseThrow().tags())
            .containsEntry("mlops4j.seed.split", "1")
            .containsEntry("mlops4j.seed.data/shuffle", "2");
      }
    }
    assertThat(filesNamed(tmp, "victim.txt")).isEmpty();
  }

  @Test
  void aFolderWithAFileNameThatIsNotAKey_isRefusedBeforeAnythingIsCopied() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("report"));
    Files.writeString(folder.resolve("ok.txt"), "fine");
    Files.createDirectories(folder.resolve("logs"));
    Files.writeString(folder.resolve("logs/con.txt"), "a Windows device");
    try (LocalTracker t = tracker();
        Run run = t.startRun("e", "artifacts")) {
      assertThatThrownBy(() -> run.logArtifact(folder))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "artifact file name must not have a segment that Windows reserves for a device (CON,"
                  + " PRN, AUX, NUL, COM0-COM9, LPT0-LPT9, in any case, also with an extension),"
                  + " but was 'con.txt'");
      Path artifacts = t.root().resolve(run.experimentId()).resolve(run.id()).resolve("artifacts");
      assertThat(artifacts.resolve("report")).doesNotExist();
    }
  }

  @Test
  void keysMlflowAllowsButWeDoNotWrite_stillReadFromAStoreWrittenByMlflow() throws IOException {
    String id;
    String experiment;
    Path dir;
    try (LocalTracker t = tracker();
        Run run = t.startRun("e", "r")) {
      id = run.id();
      experiment = run.experimentId();
      dir = t.root().resolve(run.experimentId()).resolve(run.id());
    }
    // what MLflow 2.x/3.x writes for log_param("aux", ...), log_param("x.", ...), set_tag("a ",
    // ...) and log_metric("loss.", ...) on Linux: its rule is only ^[/\w.\- ]*$ and a normal path
    Files.createDirectories(dir.resolve("params"));
    Files.writeString(dir.resolve("params/aux"), "1");
    Files.writeString(dir.resolve("params/x."), "2");
    Files.writeString(dir.resolve("tags/a "), "3");
    Files.createDirectories(dir.resolve("metrics"));
    Files.writeString(dir.resolve("metrics/loss."), "1800000000000 0.25 0\n");
    try (LocalTracker t = LocalTracker.openReadOnly(root())) {
      RunRecord r = t.findRun(id).orElseThrow();
      assertThat(r.params()).containsEntry("aux", "1").containsEntry("x.", "2");
      assertThat(r.tags()).containsEntry("a ", "3");
      assertThat(r.metric("loss.")).hasValue(0.25);
      assertThat(t.metricHistory(id, "loss.")).extracting(Metric::value).containsExactly(0.25);
      assertThat(t.bestRun("e", "loss.", MetricGoal.MINIMIZE)).map(RunRecord::runId).hasValue(id);
      assertThat(r.experimentId()).isEqualTo(experiment);
    }
  }

  // ------------------------------------------------------------------ symbolic links

  @Test
  void aSymbolicLinkAsTheLockFile_isRefusedAndNothingIsCreatedWhereItPoints() throws IOException {
    Path root = Files.createDirectories(root());
    Path victim = Files.createDirectories(tmp.resolve("outside")).resolve("victim.lock");
    Path lock = root.resolve(LocalTracker.LOCK_FILE);
    link(lock, victim); // dangling: opening it with CREATE would create victim.lock
    assertThatThrownBy(this::tracker)
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            lock.toAbsolutePath()
                + ": a symbolic link, which the tracker does not follow; the store's lock file"
                + " must be a regular file (remove the link)");
    assertThat(victim).doesNotExist();
    // a link to an existing file is refused as well, and the file is left as it was
    Files.writeString(victim, "precious");
    assertThatThrownBy(this::tracker).isInstanceOf(MlopsException.class);
    assertThat(Files.readString(victim)).isEqualTo("precious");
  }

  @Test
  void theReader_followsNoSymbolicLinkInsideTheStore() throws IOException {
    String id;
    Path exp;
    Path dir;
    try (LocalTracker t = tracker();
        Run run = t.startRun("e", "r")) {
      run.logParam("lr", "0.1").setTag("team", "risk").logMetric("loss", 0.5);
      id = run.id();
      exp = t.root().resolve(run.experimentId());
      dir = exp.resolve(run.id());
    }
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path secret = Files.writeString(outside.resolve("secret"), "s3cr3t");
    Path metricLike = Files.writeString(outside.resolve("points"), "1800000000000 42.0 0\n");
    Files.createDirectories(outside.resolve("folder"));
    Files.writeString(outside.resolve("folder/x"), "behind a folder link");
    link(dir.resolve("params/leak"), secret); // ln -s /etc/hostname params/leak
    link(dir.resolve("params/folder"), outside.resolve("folder"));
    link(dir.resolve("tags/leak"), secret);
    link(dir.resolve("metrics/leak"), metricLike);
    // a whole run folder and a whole experiment folder that are links to folders elsewhere
    String linkedRun = "b0000000000000000000000000000001";
    Path elsewhereRun = Files.createDirectories(outside.resolve("run/" + linkedRun));
    Files.writeString(
        elsewhereRun.resolve("meta.yaml"),
        Files.readString(dir.resolve("meta.yaml")).replace(id, linkedRun));
    link(exp.resolve(linkedRun), elsewhereRun);
    Path elsewhereExp = Files.createDirectories(outside.resolve("exp/777"));
    Files.writeString(
        elsewhereExp.resolve("meta.yaml"),
        "artifact_location: x\ncreation_time: 1\nexperiment_id: '777'\nlast_update_time: 1\n"
            + "lifecycle_stage: active\nname: linked\n");
    link(root().resolve("777"), elsewhereExp);

    try (LocalTracker t = LocalTracker.openReadOnly(root())) {
      RunRecord r = t.findRun(id).orElseThrow();
      assertThat(r.params()).containsOnlyKeys("lr");
      assertThat(r.tags()).doesNotContainKey("leak").containsEntry("team", "risk");
      assertThat(r.metrics()).containsOnlyKeys("loss");
      assertThat(t.metricHistory(id, "leak")).isEmpty();
      assertThat(t.runs("e")).extracting(RunRecord::runId).containsExactly(id);
      assertThat(t.findRun(linkedRun)).isEmpty();
      assertThat(t.allExperiments()).extracting(Experiment::name).doesNotContain("linked");
      assertThat(t.findExperiment("linked")).isEmpty();
    }
  }

  @Test
  void aMetaYamlThatIsASymbolicLink_isNotReadButReportedNamingIt() throws IOException {
    Path dir;
    try (LocalTracker t = tracker();
        Run run = t.startRun("e", "r")) {
      dir = t.root().resolve(run.experimentId()).resolve(run.id());
    }
    Path elsewhere =
        Files.writeString(tmp.resolve("meta.yaml"), Files.readString(dir.resolve("meta.yaml")));
    Files.delete(dir.resolve("meta.yaml"));
    link(dir.resolve("meta.yaml"), elsewhere);
    try (LocalTracker t = LocalTracker.openReadOnly(root())) {
      assertThatThrownBy(() -> t.runs("e"))
          .isInstanceOf(MlopsException.class)
          .hasMessage(
              "malformed run folder "
                  + dir
                  + ": "
                  + dir.resolve("meta.yaml")
                  + " is a symbolic link, which the reader does not follow");
    }
  }

  @Test
  void theWriter_writesNothingThroughALinkedFolderInsideARun() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    try (LocalTracker t = tracker();
        Run run = t.startRun("e", "r")) {
      Path dir = t.root().resolve(run.experimentId()).resolve(run.id());
      link(dir.resolve("params"), outside); // planted before the first param
      assertThatThrownBy(() -> run.logParam("lr", "0.1"))
          .isInstanceOf(MlopsException.class)
          .hasMessageContaining(dir.resolve("params") + ": a symbolic link");
      AtomicFiles.deleteRecursively(dir.resolve("tags"));
      link(dir.resolve("tags"), outside);
      assertThatThrownBy(() -> run.setTag("team", "risk"))
          .isInstanceOf(MlopsException.class)
          .hasMessageContaining(dir.resolve("tags") + ": a symbolic link");
      Files.createDirectories(dir.resolve("artifacts"));
      link(dir.resolve("artifacts/reports"), outside);
      assertThatThrownBy(() -> run.logText("reports/drift.json", "{}"))
          .isInstanceOf(MlopsException.class)
          .hasMessageContaining(dir.resolve("artifacts/reports") + ": a symbolic link");
    }
    try (Stream<Path> s = Files.list(outside)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void metricPoints_areNeverAppendedThroughALinkedMetricFile() throws IOException {
    Path outside = Files.writeString(tmp.resolve("outside.txt"), "precious\n");
    try (LocalTracker t = tracker();
        Run run = t.startRun("e", "r")) {
      run.logMetric("loss", 0.5, 0).flush();
      Path file = t.root().resolve(run.experimentId()).resolve(run.id()).resolve("metrics/loss");
      Files.delete(file);
      link(file, outside);
      assertThatThrownBy(() -> run.logMetric("loss", 0.25, 1).flush())
          .isInstanceOf(MlopsException.class)
          .hasMessageStartingWith("writing metrics failed");
    } catch (MlopsException e) {
      // closing reports the writer's failure again
    }
    assertThat(Files.readString(outside)).isEqualTo("precious\n");
  }

  // ------------------------------------------------------------------ temporaries

  @Test
  void temporariesOfDeadProcesses_areRemovedWhenATrackerOpensForWriting() throws Exception {
    Path dir;
    Path trashedRun;
    try (LocalTracker t = tracker();
        Run run = t.startRun("e", "r")) {
      dir = t.root().resolve(run.experimentId()).resolve(run.id());
    }
    String owner = deadOwner();
    String stale = AtomicFiles.TMP_PREFIX + owner + "-";
    // a half-made experiment folder at the root, a half-made run folder in an experiment, the
    // temporary file of a param write in a run, and one in a run of a deleted experiment
    Path halfExperiment = Files.createDirectories(root().resolve(stale + "9876-u1"));
    Files.writeString(halfExperiment.resolve("meta.yaml"), "experiment_id: '");
    Path halfRun = Files.createDirectories(dir.getParent().resolve(stale + "c0ffee-u2"));
    Files.writeString(halfRun.resolve("meta.yaml"), "status: [");
    Path halfParam = Files.writeString(dir.resolve(stale + "lr-u3"), "0.0");
    trashedRun = Files.createDirectories(root().resolve(".trash/5555/" + "d".repeat(32)));
    Path halfTrashed = Files.writeString(trashedRun.resolve(stale + "tag-u4"), "x");
    // a link named like a stale temporary: the link goes, what it points to stays
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("precious"), "keep");
    Path staleLink = dir.resolve(stale + "link-u5");
    link(staleLink, outside);
    // the temporary of a living process (this one) stays
    Path mine = Files.writeString(dir.resolve(AtomicFiles.temporaryName("in-flight")), "x");
    List<Path> kept = new ArrayList<>(List.of(mine));
    // so does a recent one of another machine sharing the store (its pid means nothing here)
    String suffix = mine.getFileName().toString().replaceAll("^.*(\\.m[0-9a-f]{8})$|^.*$", "$1");
    if (!suffix.isEmpty()) {
      String elsewhere = suffix.equals(".m00000000") ? ".m11111111" : ".m00000000";
      kept.add(Files.writeString(dir.resolve(stale + "tag-" + UUID.randomUUID() + elsewhere), "x"));
    }

    try (LocalTracker t = LocalTracker.openReadOnly(root())) {
      assertThat(t.runs("e")).hasSize(1);
    }
    assertThat(halfParam).as("a read-only tracker removes nothing").exists();

    try (LocalTracker t = tracker()) {
      assertThat(t.runs("e")).hasSize(1);
    }
    assertThat(halfExperiment).doesNotExist();
    assertThat(halfRun).doesNotExist();
    assertThat(halfParam).doesNotExist();
    assertThat(halfTrashed).doesNotExist();
    assertThat(Files.exists(staleLink, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.readString(outside.resolve("precious"))).isEqualTo("keep");
    assertThat(temporaries(root())).containsExactlyInAnyOrderElementsOf(kept);
  }

  /**
   * New experiment and run folders are staged under {@code AtomicFiles.stagingName()}, a valid
   * MLflow id: MLflow's FileStore lists every sub-folder of the root and of an experiment, and a
   * leftover with a dot name made {@code search_experiments} raise, while a valid id without {@code
   * meta.yaml} is only skipped with a warning (checked with MLflow's own reader: docs/MLFLOW.md).
   * Our reader skips such leftovers too, and a tracker opened for writing removes those of dead
   * processes.
   */
  @Test
  void stagingLeftoversOfAKilledCreation_areValidMlflowIds_skippedByTheReader_andRemoved()
      throws Exception {
    Path dir;
    try (LocalTracker t = tracker();
        Run run = t.startRun("e", "r")) {
      dir = t.root().resolve(run.experimentId()).resolve(run.id());
    }
    String mine = AtomicFiles.stagingName();
    assertThat(mine).matches("[a-zA-Z0-9][\\w-]{0,63}").startsWith(AtomicFiles.STAGING_PREFIX);
    String machine = mine.substring(AtomicFiles.STAGING_PREFIX.length()).split("-")[2];
    String dead = AtomicFiles.STAGING_PREFIX + deadOwner() + "-" + machine + "-0a1b2c3d";
    Path halfExperiment = Files.createDirectories(root().resolve(dead));
    Path halfRun = Files.createDirectories(dir.getParent().resolve(dead));
    Files.createDirectories(halfRun.resolve("params"));

    try (LocalTracker t = LocalTracker.openReadOnly(root())) {
      assertThat(t.runs("e")).hasSize(1);
      assertThat(t.experiments()).extracting(Experiment::name).doesNotContain(dead);
    }
    assertThat(halfExperiment).as("a read-only tracker removes nothing").exists();

    try (LocalTracker t = tracker()) {
      assertThat(t.runs("e")).hasSize(1);
    }
    assertThat(halfExperiment).doesNotExist();
    assertThat(halfRun).doesNotExist();
  }

  // ------------------------------------------------------------------ permissions

  /**
   * Every file the store writes has the permissions a plain write gives in the same folder (0666
   * less the umask), never the 0600 of a {@code Files.createTempFile}; folders those of a plain
   * {@code Files.createDirectory}.
   */
  @Test
  void filesOfTheStore_haveThePermissionsOfAPlainWrite() throws IOException {
    assumeTrue(
        tmp.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "POSIX permissions only");
    Path source = Files.writeString(tmp.resolve("model card.txt"), "card");
    Path dir;
    Path exp;
    try (LocalTracker t = tracker();
        Run run = t.startRun("e", "r")) {
      run.logParam("lr", "0.1").logText("notes/readme.txt", "hi").logArtifact(source);
      run.logMetric("loss", 0.5).flush();
      exp = t.root().resolve(run.experimentId());
      dir = exp.resolve(run.id());
    }
    List<Path> written =
        List.of(
            exp.resolve("meta.yaml"),
            dir.resolve("meta.yaml"),
            dir.resolve("params/lr"),
            dir.resolve("tags/mlflow.runName"),
            dir.resolve("metrics/loss"),
            dir.resolve("artifacts/provenance.json"),
            dir.resolve("artifacts/notes/readme.txt"),
            dir.resolve("artifacts/model card.txt"));
    for (Path file : written) {
      Path control = file.resolveSibling("control-" + file.getFileName());
      Files.writeString(control, "plain", StandardCharsets.UTF_8);
      Set<PosixFilePermission> plain = Files.getPosixFilePermissions(control);
      Files.delete(control);
      assertThat(Files.getPosixFilePermissions(file)).as(file.toString()).isEqualTo(plain);
    }
    Path controlFolder = Files.createDirectory(exp.resolve("control-folder"));
    Set<PosixFilePermission> plainFolder = Files.getPosixFilePermissions(controlFolder);
    Files.delete(controlFolder);
    for (Path folder : List.of(exp, dir, dir.resolve("params"), dir.resolve("artifacts/notes"))) {
      assertThat(Files.getPosixFilePermissions(folder))
          .as(folder.toString())
          .isEqualTo(plainFolder);
    }
  }
}
