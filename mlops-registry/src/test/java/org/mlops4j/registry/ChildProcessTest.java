package org.mlops4j.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.internal.AtomicFiles;

/**
 * Two processes on one registry: child JVMs ({@link RegistryChild}, started with this test's own
 * class path) promote while this JVM promotes, and are killed ({@code kill -9}) in the middle of
 * registering versions.
 */
class ChildProcessTest {

  @TempDir Path tmp;

  private static Process child(String mode, Path root, Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(RegistryChild.class.getName());
    cmd.add(mode);
    cmd.add(root.toString());
    cmd.add(dir.toString());
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
  }

  private static void waitFor(Path file, Process p) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(file)) {
      assertThat(p.isAlive()).as("child alive; its log: " + log(file.getParent())).isTrue();
      assertThat(System.nanoTime()).as("waiting for " + file).isLessThan(end);
      Thread.sleep(5);
    }
  }

  private static String log(Path dir) throws Exception {
    Path f = dir.resolve("child.log");
    return Files.exists(f) ? Files.readString(f) : "";
  }

  @Test
  void ofTwoProcessesPromotingAtOnceOneWins_andTheOtherIsToldWhoHoldsTheModel() throws Exception {
    Path root = tmp.resolve("mlruns");
    ModelRegistry registry = ModelRegistry.open(root);
    registry.newVersion("churn").artifact(Files.writeString(tmp.resolve("a"), "1")).register();
    registry.newVersion("churn").artifact(Files.writeString(tmp.resolve("b"), "2")).register();
    Process p = child("promote", root, tmp);
    try {
      waitFor(tmp.resolve("inside"), p);
      assertThatThrownBy(
              () ->
                  registry.promoteToStage(
                      "churn",
                      1,
                      ModelStage.PRODUCTION,
                      PromotionGates.none(),
                      PromotionEvidence.none(),
                      "parent promotes"))
          .isInstanceOf(RegistryConflictException.class)
          .hasMessageContaining("held by another writer (pid " + p.pid() + " on ")
          .hasMessageContaining("promote version 2 to Production")
          .hasMessageEndingWith(
              "promote version 1 to Production was not done, nothing changed: try again when it is"
                  + " finished");
      Files.writeString(tmp.resolve("release"), "");
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(log(tmp)).isZero();
    } finally {
      p.destroyForcibly();
    }
    assertThat(registry.version("churn", 2).stage()).isEqualTo(ModelStage.PRODUCTION);
    assertThat(registry.version("churn", 1).stage()).isEqualTo(ModelStage.NONE);
    assertThat(registry.audit("churn"))
        .filteredOn(e -> e.action().equals("promote"))
        .extracting(AuditEntry::user, AuditEntry::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("child", "child promotes"));
  }

  @Test
  void aProcessKilledMidWriteLeavesNothingHalfWritten() throws Exception {
    Path root = tmp.resolve("mlruns");
    int[] killAfterVersion = {2, 3, 5};
    for (int round = 0; round < killAfterVersion.length; round++) {
      Path dir = Files.createDirectories(tmp.resolve("round" + round));
      int before =
          ModelRegistry.open(root).findModel("churn").isPresent()
              ? ModelRegistry.open(root).versions("churn").size()
              : 0;
      Process p = child("churn", root, dir);
      try {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (true) {
          Path progress = dir.resolve("progress");
          if (Files.exists(progress)) {
            String s = Files.readString(progress).trim();
            if (!s.isEmpty() && Integer.parseInt(s) >= before + killAfterVersion[round]) {
              break;
            }
          }
          assertThat(p.isAlive()).as("child alive; log: " + log(dir)).isTrue();
          assertThat(System.nanoTime()).isLessThan(end);
          Thread.sleep(1);
        }
        // a few more milliseconds, so that the kill lands somewhere inside the next writes
        Thread.sleep(3L * round);
      } finally {
        p.destroyForcibly();
        p.waitFor(60, TimeUnit.SECONDS);
      }
      checkConsistent(root);
    }
  }

  @Test
  void aProcessKilledWhileAttachingLeavesEachVersionAsItWasOrWithTheAttachmentComplete()
      throws Exception {
    Path root = tmp.resolve("mlruns");
    ModelRegistry.open(root)
        .newVersion("churn")
        .artifact("model.bin", Files.writeString(tmp.resolve("m"), "w"))
        .register();
    int[] killAfter = {2, 3, 5};
    for (int round = 0; round < killAfter.length; round++) {
      Path dir = Files.createDirectories(tmp.resolve("attach" + round));
      Process p = child("attach", root, dir);
      try {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (true) {
          Path progress = dir.resolve("progress");
          if (Files.exists(progress)) {
            String s = Files.readString(progress).trim();
            if (!s.isEmpty() && Integer.parseInt(s) >= killAfter[round]) {
              break;
            }
          }
          assertThat(p.isAlive()).as("child alive; log: " + log(dir)).isTrue();
          assertThat(System.nanoTime()).isLessThan(end);
          Thread.sleep(1);
        }
        Thread.sleep(3L * round);
      } finally {
        p.destroyForcibly();
        p.waitFor(60, TimeUnit.SECONDS);
      }
      ModelRegistry registry = ModelRegistry.open(root);
      try (Stream<Path> s = Files.walk(root.resolve("models"))) {
        assertThat(s.map(x -> x.getFileName().toString()))
            .as("no temporaries left after reopening")
            .noneMatch(n -> n.startsWith(AtomicFiles.TMP_PREFIX));
      }
      // every recorded file is there with its bytes; each attachment has its audit line
      ModelVersion v = registry.verify("churn", 1);
      List<String> recorded = v.artifacts().stream().map(ArtifactFile::path).toList();
      assertThat(recorded).contains("model.bin");
      assertThat(
              registry.audit("churn").stream()
                  .filter(e -> e.action().equals("attach_artifact"))
                  .map(e -> e.to().substring(0, e.to().indexOf(' '))))
          .containsExactlyInAnyOrderElementsOf(
              recorded.stream().filter(x -> !x.equals("model.bin")).toList());
      // on disk: the recorded files, and at most the one the kill interrupted, unrecorded
      Path artifacts = root.resolve("models/churn/version-1/artifacts");
      List<String> onDisk;
      try (Stream<Path> s = Files.walk(artifacts)) {
        onDisk =
            s.filter(Files::isRegularFile)
                .map(x -> artifacts.relativize(x).toString().replace('\\', '/'))
                .toList();
      }
      assertThat(onDisk).containsAll(recorded);
      assertThat(onDisk.size() - recorded.size()).isBetween(0, 1);
    }
  }

  private static void checkConsistent(Path root) throws Exception {
    ModelRegistry registry = ModelRegistry.open(root); // removes the dead child's temporaries
    try (Stream<Path> s = Files.walk(root.resolve("models"))) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .as("no temporaries left after reopening")
          .noneMatch(
              n ->
                  n.startsWith(AtomicFiles.TMP_PREFIX) || n.startsWith(AtomicFiles.STAGING_PREFIX));
    }
    List<ModelVersion> versions = registry.versions("churn");
    assertThat(versions).isNotEmpty();
    for (int i = 0; i < versions.size(); i++) {
      ModelVersion v = versions.get(i);
      assertThat(v.version()).isEqualTo(i + 1);
      assertThat(v.artifacts()).hasSize(2);
      registry.verify("churn", v.version());
    }
    assertThat(registry.versionsWithTag("churn", "round", "0")).isNotEmpty();
    long inProduction = versions.stream().filter(v -> v.stage() == ModelStage.PRODUCTION).count();
    assertThat(inProduction).isLessThanOrEqualTo(1);
    registry.model("churn");
    registry.version("churn", "champion");
    List<AuditEntry> audit = registry.audit("churn");
    // one registration line per version (recovered on reopening when the kill fell between the
    // version's rename and its audit line)
    assertThat(audit.stream().filter(e -> e.action().equals("register_version")))
        .extracting(AuditEntry::version)
        .containsExactlyInAnyOrderElementsOf(versions.stream().map(ModelVersion::version).toList());
    // the dead child's lock is free at once: a promotion does not conflict
    PromotionResult r =
        registry.promoteToAlias(
            "churn", 1, "checked", PromotionGates.none(), PromotionEvidence.none(), "after kill");
    assertThat(r.passed()).isTrue();
  }
}
