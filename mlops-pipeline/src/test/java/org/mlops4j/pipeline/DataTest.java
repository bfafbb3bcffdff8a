package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;

/**
 * Expected hashes come from Python's hashlib (an independent SHA-256):
 *
 * <pre>
 * import hashlib; h = lambda b: hashlib.sha256(b).hexdigest()
 * h(b'hello\n')  # 5891b5b5...be03
 * h(b'a\n'), h(b'b\n')
 * h(f'{h(b"a\n")}  x/a.txt\n{h(b"b\n")}  y.txt\n'.encode())  # 072a0315...4834, the folder's hash
 * </pre>
 *
 * The folder hash is also what {@code find . -type f | sort | xargs sha256sum} prints, hashed.
 */
class DataTest {
  static final String HELLO = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
  static final String A = "87428fc522803d31065e7bce3cf03fe475096631e5e07bbd7a0fde60c4cf25c7";
  static final String B = "0263829989b6fd954f72baaf2fc64bc2e2f01d692d4de72986ea808f6e99813f";
  static final String FOLDER = "072a0315ae9e485c89b5c5385bb84bebff47566d9d232cc91ca69d118a344834";

  @TempDir Path tmp;

  Path project() throws IOException {
    Path p = Files.createDirectories(tmp.resolve("project"));
    Files.createDirectories(p.resolve("data"));
    Files.writeString(p.resolve("data/raw.csv"), "hello\n");
    Files.createDirectories(p.resolve("data/images/x"));
    Files.writeString(p.resolve("data/images/x/a.txt"), "a\n");
    Files.writeString(p.resolve("data/images/y.txt"), "b\n");
    return p;
  }

  @Test
  void add_writesThePointerTheCacheObjectAndTheGitignoreLineOnce() throws IOException {
    Path p = project();
    Data data = Data.create(p);
    DataPointer ptr = data.add(Path.of("data/raw.csv"));
    assertThat(ptr).isEqualTo(new DataPointer("raw.csv", HELLO, 6, 1, false));
    assertThat(Files.readString(p.resolve("data/raw.csv.mlops")))
        .isEqualTo(
            "# mlops4j data pointer: commit this file; the data lives in the cache and on the"
                + " remote\n"
                + "format: mlops4j.data-pointer\nformatVersion: 1\npath: 'raw.csv'\nhash:\n"
                + "  algorithm: sha256\n  value: "
                + HELLO
                + "\nsize: 6\nfiles: 1\ndirectory: false\n");
    assertThat(p.resolve(".mlops/cache/58/" + HELLO.substring(2))).hasContent("hello");
    data.add(p.resolve("data/raw.csv"));
    assertThat(Files.readString(p.resolve("data/.gitignore"))).isEqualTo("/raw.csv\n");
    assertThat(DataPointer.load(p.resolve("data/raw.csv.mlops"))).isEqualTo(ptr);
  }

  @Test
  void add_ofAFolder_hashesItsManifest() throws IOException {
    Path p = project();
    DataPointer ptr = Data.create(p).add(Path.of("data/images"));
    assertThat(ptr).isEqualTo(new DataPointer("images", FOLDER, 4, 2, true));
    assertThat(p.resolve(".mlops/cache/07/" + FOLDER.substring(2) + ".dir"))
        .hasContent(A + "  x/a.txt\n" + B + "  y.txt");
    assertThat(Files.readString(p.resolve("data/.gitignore"))).isEqualTo("/images\n");
  }

  @Test
  void status_reportsUnchangedModifiedAndMissing_withTheFilesOfAFolder() throws IOException {
    Path p = project();
    Data data = Data.builder(p).linkFiles(false).build();
    data.add(Path.of("data/raw.csv"));
    data.add(Path.of("data/images"));
    assertThat(data.status().clean()).isTrue();
    Files.delete(p.resolve("data/raw.csv"));
    Files.writeString(p.resolve("data/images/y.txt"), "changed\n");
    Files.writeString(p.resolve("data/images/z.txt"), "new\n");
    Files.delete(p.resolve("data/images/x/a.txt"));
    DataStatus s = data.status();
    assertThat(s.items())
        .containsExactly(
            new DataStatus.Item(
                "data/images",
                DataState.MODIFIED,
                true,
                List.of("z.txt"),
                List.of("x/a.txt"),
                List.of("y.txt")),
            new DataStatus.Item(
                "data/raw.csv", DataState.MISSING, true, List.of(), List.of(), List.of()));
    assertThat(s.toString()).contains("MISSING   cached     data/raw.csv").contains("+ z.txt");
  }

  @Test
  void checkout_restoresDeletedData_andRefusesToLoseAModificationUnlessForced() throws IOException {
    Path p = project();
    Data data = Data.builder(p).linkFiles(false).build();
    data.add(Path.of("data/raw.csv"));
    data.add(Path.of("data/images"));
    AtomicFiles.deleteRecursively(p.resolve("data/images"));
    Files.delete(p.resolve("data/raw.csv"));
    DataTransfer t = data.checkout();
    assertThat(t.placed()).containsExactly("data/images", "data/raw.csv");
    assertThat(p.resolve("data/images/x/a.txt")).hasContent("a");
    assertThat(p.resolve("data/raw.csv")).hasContent("hello");
    assertThat(data.checkout().transferred()).isZero();

    Files.writeString(p.resolve("data/raw.csv"), "mine\n");
    assertThatThrownBy(data::checkout)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "data/raw.csv: modified since it was added, and its content is not in the cache: add"
                + " it, or check out with force to discard the changes");
    assertThat(p.resolve("data/raw.csv")).hasContent("mine");
    data.checkout(List.of(Path.of("data/raw.csv")), true);
    assertThat(p.resolve("data/raw.csv")).hasContent("hello");
  }

  @Test
  void pushThenPull_inACleanClone_bringsTheDataBack_andASecondPushSendsNothing()
      throws IOException {
    Path p = project();
    Path remote = tmp.resolve("remote");
    Data data = Data.builder(p).remote(remote.toString()).build();
    data.add(Path.of("data/raw.csv"));
    data.add(Path.of("data/images"));
    DataTransfer push = data.push();
    // raw.csv, a.txt, y.txt and the folder's manifest
    assertThat(push.transferred()).isEqualTo(4);
    assertThat(data.push().transferred()).isZero();
    assertThat(data.push().alreadyPresent()).isEqualTo(4);

    Path clone = Files.createDirectories(tmp.resolve("clone/data"));
    Files.copy(p.resolve("data/raw.csv.mlops"), clone.resolve("raw.csv.mlops"));
    Files.copy(p.resolve("data/images.mlops"), clone.resolve("images.mlops"));
    List<String> events = new ArrayList<>();
    DataTransfer pull =
        Data.builder(clone.getParent())
            .remote(remote.toUri().toString())
            .listener(
                new TransferListener() {
                  @Override
                  public synchronized void planned(String op, int objects, long bytes) {
                    events.add(op + " " + objects + " " + bytes);
                  }
                })
            .build()
            .pull();
    assertThat(pull.transferred()).isEqualTo(4);
    assertThat(pull.placed()).containsExactly("data/images", "data/raw.csv");
    assertThat(clone.resolve("raw.csv")).hasContent("hello");
    assertThat(clone.resolve("images/y.txt")).hasContent("b");
    // one manifest first, then 3 files of 6 + 2 + 2 bytes
    assertThat(events).containsExactly("fetch 1 0", "fetch 3 10");
  }

  @Test
  void pull_ofACorruptRemoteObject_failsAndPlacesNothing() throws IOException {
    Path p = project();
    Path remote = tmp.resolve("remote");
    Data data = Data.builder(p).remote(remote.toString()).build();
    data.add(Path.of("data/raw.csv"));
    data.push();
    Path obj = remote.resolve("cache/58/" + HELLO.substring(2));
    obj.toFile().setWritable(true);
    Files.writeString(obj, "HELLO\n");
    Path clone = Files.createDirectories(tmp.resolve("clone/data"));
    Files.copy(p.resolve("data/raw.csv.mlops"), clone.resolve("raw.csv.mlops"));
    Data other = Data.builder(clone.getParent()).remote(remote.toString()).build();
    assertThatThrownBy(other::pull)
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining(
            "cache/58/" + HELLO.substring(2) + ": content does not match its name")
        .hasMessageContaining("not placed in the cache");
    assertThat(clone.resolve("raw.csv")).doesNotExist();
    assertThat(clone.getParent().resolve(".mlops/cache/58/" + HELLO.substring(2))).doesNotExist();
    DataVerification v = data.verifyRemote();
    assertThat(v.corrupt()).containsExactly(HELLO);
    assertThat(v.ok()).isFalse();
  }

  @Test
  void aPointerNamingAMissingObject_namesTheHashAndTheRemoteTried() throws IOException {
    Path clone = Files.createDirectories(tmp.resolve("clone/data"));
    Files.writeString(
        clone.resolve("raw.csv.mlops"), new DataPointer("raw.csv", HELLO, 6, 1, false).toYaml());
    Path remote = Files.createDirectories(tmp.resolve("empty-remote"));
    Path root = clone.getParent().toRealPath();
    assertThatThrownBy(() -> Data.create(root).checkout())
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            root.resolve("data/raw.csv.mlops")
                + ": names "
                + HELLO
                + ", which is not in the cache "
                + root.resolve(".mlops/cache")
                + "; no remote was tried: pull it from a remote");
    assertThatThrownBy(() -> Data.builder(root).remote(remote.toString()).build().pull())
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            "1 object(s) named by pointers are in neither the cache "
                + root.resolve(".mlops/cache")
                + " nor the remote "
                + remote.toRealPath()
                + ": "
                + root.resolve("data/raw.csv.mlops")
                + ": "
                + HELLO);
    assertThat(clone.resolve("raw.csv")).doesNotExist();
  }

  @Test
  void aPathOutsideTheProject_isRefused() throws IOException {
    Path p = project();
    Files.writeString(tmp.resolve("outside.csv"), "x\n");
    Data data = Data.create(p);
    assertThatThrownBy(() -> data.add(Path.of("../outside.csv")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "path must be inside the project root " + p.toRealPath() + ", but was ../outside.csv");
    assertThat(tmp.resolve("outside.csv.mlops")).doesNotExist();
  }

  @Test
  void aCorruptedPointer_isAClearError() throws IOException {
    Path p = project();
    Data data = Data.create(p);
    data.add(Path.of("data/raw.csv"));
    Path ptr = p.resolve("data/raw.csv.mlops");
    Files.writeString(
        ptr, Files.readString(ptr).replace(HELLO, HELLO.substring(0, 60)), StandardCharsets.UTF_8);
    assertThatThrownBy(data::status)
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            ptr.toRealPath()
                + ": not a data pointer: hash must be 64 lowercase hex digits, but was "
                + HELLO.substring(0, 60));
    Files.writeString(ptr, "format: [unclosed");
    assertThatThrownBy(() -> DataPointer.load(ptr))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith(ptr + ": not a data pointer: not YAML");
  }

  @Test
  void aRemoteOfAnUnknownScheme_namesTheUrlAndTheSchemesAvailable() throws IOException {
    Path p = project();
    assertThatThrownBy(() -> Data.builder(p).remote("ftp://host/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "url must be a folder or a URL of a scheme with a provider [file], but was"
                + " 'ftp://host/x'");
    assertThat(RemoteStorage.schemes()).contains("file");
  }

  @Test
  void gc_removesOnlyWhatNoPointerOrLockNames_andPipelineGcKeepsPointerObjects()
      throws IOException {
    Path p = project();
    Data data = Data.builder(p).linkFiles(false).build();
    data.add(Path.of("data/raw.csv"));
    Files.writeString(p.resolve("data/raw.csv"), "world\n");
    data.add(Path.of("data/raw.csv"));
    Pipeline pipe =
        Pipeline.builder(p)
            .stage(
                Stage.named("copy")
                    .input("data/raw.csv")
                    .output("out.txt")
                    .work(ctx -> Files.writeString(ctx.output("out.txt"), "out\n")))
            .ignore("data")
            .build();
    pipe.run();
    DataGcResult dry = data.gc(true);
    // only the first version of raw.csv ("hello\n") is named by nothing
    assertThat(dry.removed()).containsExactly(HELLO);
    assertThat(p.resolve(".mlops/cache/58/" + HELLO.substring(2))).exists();
    assertThat(data.gc(false).removed()).containsExactly(HELLO);
    assertThat(p.resolve(".mlops/cache/58/" + HELLO.substring(2))).doesNotExist();
    // the pipeline's own gc keeps the pointer's object ("world\n") and its output
    pipe.gc(0);
    assertThat(data.verify().ok()).isTrue();
    assertThat(data.gc(true).removed()).isEmpty();
  }

  @Test
  void aStageInputTrackedByAPointer_isLockedWithThePointersHash() throws IOException {
    Path p = project();
    DataPointer ptr = Data.create(p).add(Path.of("data/images"));
    Pipeline.builder(p)
        .stage(
            Stage.named("count")
                .input("data/images")
                .output("n.txt")
                .work(ctx -> Files.writeString(ctx.output("n.txt"), "2\n")))
        .ignore("data")
        .build()
        .run();
    assertThat(Files.readString(p.resolve(Pipeline.LOCK_FILE)))
        .contains(
            "data/images:\n        sha256: " + ptr.hash() + "\n        size: 4\n        files: 2");
  }

  @Test
  void verify_findsACorruptCacheObject_andMovesItAside() throws IOException {
    Path p = project();
    Data data = Data.builder(p).linkFiles(false).build();
    data.add(Path.of("data/images"));
    Path obj = p.resolve(".mlops/cache/02/" + B.substring(2));
    obj.toFile().setWritable(true);
    Files.writeString(obj, "B\n");
    DataVerification v = data.verify();
    // the manifest and its two objects are checked
    assertThat(v.checked()).isEqualTo(3);
    assertThat(v.corrupt()).containsExactly(B);
    assertThat(obj).doesNotExist();
    assertThat(data.verify().missing()).containsExactly(B);
  }

  @Test
  void aPushThatFailsPartWay_isResumedByTheNextPush() throws IOException {
    Path p = project();
    for (int i = 0; i < 20; i++) {
      Files.writeString(p.resolve("data/images/f" + i + ".txt"), "file " + i + "\n");
    }
    Data.create(p).add(Path.of("data/images"));
    Path remoteDir = tmp.resolve("remote");
    RemoteStorage folder = RemoteStorage.open(remoteDir.toString());
    AtomicInteger uploads = new AtomicInteger();
    RemoteStorage flaky =
        new RemoteStorage() {
          @Override
          public String url() {
            return folder.url();
          }

          @Override
          public Set<String> list(String prefix) throws IOException {
            return folder.list(prefix);
          }

          @Override
          public void upload(Path file, String key) throws IOException {
            if (uploads.incrementAndGet() > 5) {
              throw new IOException("connection reset");
            }
            folder.upload(file, key);
          }

          @Override
          public void download(String key, Path target) throws IOException {
            folder.download(key, target);
          }
        };
    Data data = Data.builder(p).remote(flaky).transfers(1).build();
    assertThatThrownBy(data::push)
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("failed for 1 of 22 objects (16 not tried after the first failure)")
        .hasMessageContaining("run push again to resume");
    // the manifest is sent after all the objects, so the remote does not name a partial folder
    assertThat(folder.list("cache/")).hasSize(5).noneMatch(k -> k.endsWith(".dir"));
    DataTransfer resumed = Data.builder(p).remote(folder).build().push();
    assertThat(resumed.alreadyPresent()).isEqualTo(5);
    assertThat(resumed.transferred()).isEqualTo(18);
    assertThat(folder.list("cache/")).hasSize(23);
  }

  @Test
  void diff_betweenTwoGitRevisions_listsAddedRemovedAndModifiedFiles() throws Exception {
    Path p = project();
    git(p, "init", "-q");
    Data data = Data.builder(p).linkFiles(false).build();
    data.add(Path.of("data/raw.csv"));
    data.add(Path.of("data/images"));
    git(p, "add", "-A");
    git(p, "commit", "-q", "-m", "v1");
    Files.writeString(p.resolve("data/images/y.txt"), "changed\n");
    Files.writeString(p.resolve("data/images/z.txt"), "new\n");
    Files.delete(p.resolve("data/images/x/a.txt"));
    data.add(Path.of("data/images"));
    Files.writeString(p.resolve("data/other.csv"), "other\n");
    data.add(Path.of("data/other.csv"));
    git(p, "add", "-A");
    git(p, "commit", "-q", "-m", "v2");
    DataDiff d = data.diff("HEAD~1", "HEAD");
    assertThat(d.paths(DataDiff.ChangeType.ADDED))
        .containsExactly("data/images/z.txt", "data/other.csv");
    assertThat(d.paths(DataDiff.ChangeType.REMOVED)).containsExactly("data/images/x/a.txt");
    assertThat(d.paths(DataDiff.ChangeType.MODIFIED)).containsExactly("data/images/y.txt");
    assertThat(data.diff("HEAD", null).changes()).isEmpty();
    assertThatThrownBy(() -> data.diff("no-such-rev", null))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("git ls-tree -r -z --name-only no-such-rev failed");
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t"));
    cmd.addAll(List.of(args));
    Process pr = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
    assertThat(pr.waitFor()).isZero();
  }
}
