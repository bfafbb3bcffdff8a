package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.pipeline.internal.CrashPoints;
import org.mlops4j.pipeline.internal.Digest;
import org.mlops4j.pipeline.internal.FileHasher;
import org.mlops4j.pipeline.internal.LockFile;
import org.mlops4j.pipeline.internal.LockFile.StageLock;
import org.mlops4j.pipeline.internal.ObjectCache;

/**
 * Paths that come from data (a cache manifest, a run-cache entry, a lock, a remote) or from links
 * planted in the workspace never make the pipeline write outside the project root (issue 11).
 */
class UntrustedCacheTest {
  @TempDir Path tmp;
  Path root;
  Path outside;
  final AtomicInteger runs = new AtomicInteger();

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(tmp.resolve("project")).toRealPath();
    outside = Files.createDirectories(tmp.resolve("outside")).toRealPath();
    Files.writeString(root.resolve("in.txt"), "input");
  }

  @AfterEach
  void noHook() {
    CrashPoints.install(null);
  }

  /** make: in.txt -> out.txt and model/ (a.txt, sub/b.txt). */
  private Pipeline pipeline() {
    return Pipeline.builder(root)
        .stage(
            Stage.named("make")
                .input("in.txt")
                .output("out.txt")
                .output("model")
                .work(
                    ctx -> {
                      runs.incrementAndGet();
                      Files.writeString(ctx.output("out.txt"), "out");
                      Path m = Files.createDirectories(ctx.output("model").resolve("sub"));
                      Files.writeString(ctx.output("model").resolve("a.txt"), "a");
                      Files.writeString(m.resolve("b.txt"), "b");
                    }))
        .build();
  }

  /**
   * What an attacker with write access to a shared remote (and a one-line change to the lock in a
   * pull request) can do: a manifest whose entries are an absolute path and a path with {@code ..},
   * the run-cache entry and the lock changed to point to it.
   *
   * @return the forged manifest's path
   */
  private Path forge(ObjectCache where) throws Exception {
    StageLock sl = LockFile.read(root.resolve("mlops.lock")).orElseThrow().stages().get("make");
    String legit = sl.outputs().get("model").sha256();
    List<Digest.ManifestEntry> entries = where.readManifest(legit);
    String text =
        entries.get(0).hash()
            + "  "
            + outside.resolve("abs-victim.txt")
            + "\n"
            + entries.get(1).hash()
            + "  ../../../../escaped.txt\n";
    String forged = FileHasher.sha256(text);
    Path manifest = where.manifest(forged);
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, text);
    Path entry = where.run(sl.runKey());
    entry.toFile().setWritable(true);
    Files.writeString(entry, Files.readString(entry).replace(legit, forged));
    Path lock = root.resolve("mlops.lock");
    Files.writeString(lock, Files.readString(lock).replace(legit, forged));
    return manifest;
  }

  private void freshClone() throws Exception {
    AtomicFiles.deleteRecursively(root.resolve(".mlops"));
    AtomicFiles.deleteRecursively(root.resolve("model"));
    Files.delete(root.resolve("out.txt"));
  }

  /** Every file under the test's temporary folder that is not in the project or the remote. */
  private List<Path> writtenOutside() throws Exception {
    try (Stream<Path> s = Files.walk(tmp)) {
      return s.filter(f -> !Files.isDirectory(f))
          .filter(f -> !f.startsWith(root) && !f.startsWith(tmp.resolve("remote")))
          .filter(f -> !f.getFileName().toString().equals("precious.txt"))
          .toList();
    }
  }

  @Test
  void aHostileManifestInARemote_isRefusedByPull_namingTheManifestAndTheEntry() throws Exception {
    pipeline().run();
    Path remote = tmp.resolve("remote");
    pipeline().push(remote);
    Path manifest = forge(new ObjectCache(remote.resolve("cache"), remote.resolve("runs")));
    freshClone();

    assertThatThrownBy(() -> pipeline().pull(remote))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith(manifest + ": ")
        .hasMessageContaining("'" + outside.resolve("abs-victim.txt") + "'");
    assertThat(root.resolve(".mlops/cache")).doesNotExist();

    PipelineResult r = pipeline().run();
    assertThat(r.ran()).containsExactly("make");
    assertThat(root.resolve("model/sub/b.txt")).hasContent("b");
    assertThat(writtenOutside()).isEmpty();
  }

  @Test
  void aHostileManifestAlreadyInTheCache_failsTheRunClearly_writesNothingOutside_andIsQuarantined()
      throws Exception {
    Pipeline p = pipeline();
    p.run();
    Path manifest =
        forge(new ObjectCache(p.mlopsDir().resolve("cache"), p.mlopsDir().resolve("runs")));
    AtomicFiles.deleteRecursively(root.resolve("model"));
    Files.delete(root.resolve("out.txt"));

    assertThatThrownBy(() -> pipeline().run())
        .isInstanceOf(PipelineException.class)
        .hasMessageStartingWith("stage 'make' failed: " + manifest + ": ")
        .hasMessageContaining("'" + outside.resolve("abs-victim.txt") + "'");
    assertThat(writtenOutside()).isEmpty();
    assertThat(manifest).doesNotExist();
    assertThat(root.resolve(".mlops/cache-quarantine")).isNotEmptyDirectory();

    PipelineResult r = pipeline().run();
    assertThat(r.ran()).containsExactly("make");
    assertThat(root.resolve("model/a.txt")).hasContent("a");
    assertThat(writtenOutside()).isEmpty();
  }

  @Test
  void aManifestEntryWithDotDot_isRefusedEvenWhenItStaysInsideTheProject() throws Exception {
    Pipeline p = pipeline();
    p.run();
    ObjectCache local =
        new ObjectCache(p.mlopsDir().resolve("cache"), p.mlopsDir().resolve("runs"));
    StageLock sl = LockFile.read(root.resolve("mlops.lock")).orElseThrow().stages().get("make");
    String legit = sl.outputs().get("model").sha256();
    String h = local.readManifest(legit).get(0).hash();
    // "sub/../../in.txt" would replace the stage's own input
    String text = h + "  a.txt\n" + h + "  sub/../../in.txt\n";
    String forged = FileHasher.sha256(text);
    Files.createDirectories(local.manifest(forged).getParent());
    Files.writeString(local.manifest(forged), text);
    Path entry = local.run(sl.runKey());
    entry.toFile().setWritable(true);
    Files.writeString(entry, Files.readString(entry).replace(legit, forged));
    Path lock = root.resolve("mlops.lock");
    Files.writeString(lock, Files.readString(lock).replace(legit, forged));
    AtomicFiles.deleteRecursively(root.resolve("model"));

    assertThatThrownBy(() -> pipeline().run())
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining(local.manifest(forged) + ": ")
        .hasMessageContaining("'sub/../../in.txt'");
    assertThat(root.resolve("in.txt")).hasContent("input");
  }

  @Test
  void aParentFolderReplacedByALinkWhileOutputsArePlaced_doesNotRedirectTheWrite()
      throws Exception {
    Pipeline p =
        Pipeline.builder(root)
            .stage(
                Stage.named("deep")
                    .input("in.txt")
                    .output("deep/out.txt")
                    .work(ctx -> Files.writeString(ctx.output("deep/out.txt"), "result")))
            .build();
    CrashPoints.install(
        point -> {
          if (point.equals(CrashPoints.CHECKOUT_STAGED)) {
            try {
              Files.createSymbolicLink(root.resolve("deep"), outside);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
        });
    assertThatThrownBy(p::run)
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("symbolic link");
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void anOutputReplacedByALinkWhileOutputsArePlaced_isReplaced_notFollowed() throws Exception {
    Path precious = Files.writeString(outside.resolve("precious.txt"), "precious");
    AtomicBoolean planted = new AtomicBoolean();
    CrashPoints.install(
        point -> {
          if (point.equals(CrashPoints.CHECKOUT_STAGED) && planted.compareAndSet(false, true)) {
            try {
              Files.deleteIfExists(root.resolve("out.txt"));
              Files.createSymbolicLink(root.resolve("out.txt"), precious);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
        });
    pipeline().run();
    assertThat(precious).hasContent("precious");
    assertThat(Files.isSymbolicLink(root.resolve("out.txt"))).isFalse();
    assertThat(root.resolve("out.txt")).hasContent("out");
  }

  @Test
  void aDanglingLinkAtTheRunLock_isRefused_andCreatesNothingOutside() throws Exception {
    Files.createDirectories(root.resolve(".mlops"));
    Path target = outside.resolve("created.lock");
    Files.createSymbolicLink(root.resolve(".mlops/run.lock"), target);
    assertThatThrownBy(() -> pipeline().run())
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            root.resolve(".mlops/run.lock")
                + ": is a symbolic link; the run lock must be a regular file: remove the link");
    assertThat(target).doesNotExist();
    assertThat(
            Files.exists(root.resolve(".mlops/run.lock"), java.nio.file.LinkOption.NOFOLLOW_LINKS))
        .isTrue();
  }

  @Test
  void anMlopsFolderThatLinksOutsideTheProject_isRefused() throws Exception {
    Files.createSymbolicLink(root.resolve(".mlops"), outside);
    assertThatThrownBy(() -> pipeline().run())
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith(root.resolve(".mlops") + ": is a symbolic link to " + outside);
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void aFolderInsideMlopsThatLinksOutside_isRefused_byRunAndByGc() throws Exception {
    pipeline().run();
    Path precious = Files.writeString(outside.resolve("precious.lock"), "not mlops4j's");
    AtomicFiles.deleteRecursively(root.resolve(".mlops/locks"));
    Files.createSymbolicLink(root.resolve(".mlops/locks"), outside);
    String message =
        root.resolve(".mlops/locks")
            + ": is a symbolic link to "
            + outside
            + ", outside the project root "
            + root
            + "; mlops4j keeps its cache and locks inside the project: remove the link";
    assertThatThrownBy(() -> pipeline().gc(0))
        .isInstanceOf(MlopsException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> pipeline().run())
        .isInstanceOf(MlopsException.class)
        .hasMessage(message);
    assertThat(precious).hasContent("not mlops4j's");
    try (Stream<Path> s = Files.list(outside)) {
      assertThat(s.toList()).containsExactly(precious);
    }
  }

  @Test
  void aShardOfTheRemoteThatIsALink_isNotPushedThrough() throws Exception {
    pipeline().run();
    Path remote = tmp.resolve("remote");
    StageLock sl = LockFile.read(root.resolve("mlops.lock")).orElseThrow().stages().get("make");
    String h = sl.outputs().get("out.txt").sha256();
    Files.createDirectories(remote.resolve("cache"));
    Files.createSymbolicLink(remote.resolve("cache").resolve(h.substring(0, 2)), outside);
    assertThatThrownBy(() -> pipeline().push(remote))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining(
            remote.resolve("cache").resolve(h.substring(0, 2))
                + ": is a symbolic link; the folders of a cache must be real folders");
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void anObjectTamperedWithInTheRemote_isRefusedByPull_andNotCopied() throws Exception {
    pipeline().run();
    Path remote = tmp.resolve("remote");
    pipeline().push(remote);
    ObjectCache rc = new ObjectCache(remote.resolve("cache"), remote.resolve("runs"));
    StageLock sl = LockFile.read(root.resolve("mlops.lock")).orElseThrow().stages().get("make");
    Path obj = rc.object(sl.outputs().get("out.txt").sha256());
    obj.toFile().setWritable(true);
    Files.writeString(obj, "evil");
    freshClone();
    assertThatThrownBy(() -> pipeline().pull(remote))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining(obj + ": content does not match its name");
    ObjectCache local = new ObjectCache(root.resolve(".mlops/cache"), root.resolve(".mlops/runs"));
    assertThat(local.hasObject(sl.outputs().get("out.txt").sha256())).isFalse();
    PipelineResult r = pipeline().run();
    assertThat(root.resolve("out.txt")).hasContent("out");
    assertThat(r.stage("make").action())
        .isIn(StageOutcome.Action.RAN, StageOutcome.Action.RESTORED);
  }

  @Test
  void aLockFileThatIsALink_isNotRead_soNothingOfWhatItPointsToIsPrinted() throws Exception {
    Path secret = Files.writeString(outside.resolve("secret.txt"), "TOPSECRET");
    Files.createSymbolicLink(root.resolve("mlops.lock"), secret);
    assertThatThrownBy(() -> pipeline().status())
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            "cannot read lock file "
                + root.resolve("mlops.lock")
                + ": is a symbolic link; the lock file must be a regular file")
        .message()
        .doesNotContain("TOPSECRET");
  }

  @Test
  void aLockNamingAMalformedHash_isRefusedWithAMessageNamingTheFileAndTheEntry() throws Exception {
    pipeline().run();
    Path lock = root.resolve("mlops.lock");
    StageLock sl = LockFile.read(lock).orElseThrow().stages().get("make");
    Files.writeString(lock, Files.readString(lock).replace(sl.runKey(), "../../../etc/passwd"));
    assertThatThrownBy(() -> pipeline().status())
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            "cannot read lock file "
                + lock
                + ": stage 'make' runKey must be 64 lowercase hex characters, but was"
                + " '../../../etc/passwd'");
  }
}
