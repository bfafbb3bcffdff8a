package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.pipeline.internal.FileHasher;

/**
 * Restores are verified, and {@link Pipeline#verify()} re-hashes the cache, quarantines what is
 * corrupt and lists what is missing, so that the next run rebuilds it (issue 11).
 */
class CacheVerificationTest {
  @TempDir Path tmp;
  Path root;
  final AtomicInteger runs = new AtomicInteger();

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(tmp.resolve("project")).toRealPath();
    Files.writeString(root.resolve("in.txt"), "input");
  }

  private Pipeline pipeline(boolean link) {
    return Pipeline.builder(root)
        .linkOutputs(link)
        .stage(
            Stage.named("make")
                .input("in.txt")
                .output("out.txt")
                .output("model")
                .work(
                    ctx -> {
                      runs.incrementAndGet();
                      Files.writeString(ctx.output("out.txt"), "the result");
                      Path m = Files.createDirectories(ctx.output("model"));
                      Files.writeString(m.resolve("w.bin"), "weights");
                    }))
        .build();
  }

  private Path object(String content) {
    String h = FileHasher.sha256(content);
    return root.resolve(".mlops/cache").resolve(h.substring(0, 2)).resolve(h.substring(2));
  }

  /** Changes the bytes of a file, keeping its size, inode and modification time. */
  private static void corruptQuietly(Path f, String sameLength) throws Exception {
    FileTime mtime = Files.getLastModifiedTime(f);
    f.toFile().setWritable(true);
    try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(
          java.nio.ByteBuffer.wrap(sameLength.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    Files.setLastModifiedTime(f, mtime);
  }

  @Test
  void anObjectChangedWithoutANewSizeOrMtime_isNotRestored_theWorkRunsAgain() throws Exception {
    pipeline(true).run();
    Path obj = object("the result");
    Object inode = Files.readAttributes(obj, "unix:ino").get("ino");
    Files.delete(root.resolve("out.txt")); // so that no hard link shares the damaged bytes
    corruptQuietly(obj, "THE RESULT");
    assertThat(Files.readAttributes(obj, "unix:ino").get("ino")).isEqualTo(inode);

    PipelineResult r = pipeline(true).run();
    assertThat(r.ran()).containsExactly("make");
    assertThat(runs).hasValue(2);
    assertThat(root.resolve("out.txt")).hasContent("the result");
    assertThat(obj).hasContent("the result");
    assertThat(root.resolve(".mlops/cache-quarantine")).isNotEmptyDirectory();
  }

  private Pipeline big() {
    return Pipeline.builder(root)
        .stage(
            Stage.named("big")
                .input("in.txt")
                .output("big.bin")
                .work(
                    ctx -> {
                      runs.incrementAndGet();
                      Files.write(ctx.output("big.bin"), new byte[2 << 20]);
                    }))
        .build();
  }

  @Test
  void aLargeObjectWhoseStatChanged_isHashedBeforeARestore_andNotRestoredWhenCorrupt()
      throws Exception {
    big().run();
    Path obj =
        root.resolve(".mlops/cache")
            .resolve(FileHasher.sha256(new byte[2 << 20]).substring(0, 2))
            .resolve(FileHasher.sha256(new byte[2 << 20]).substring(2));
    Files.delete(root.resolve("big.bin"));
    obj.toFile().setWritable(true);
    try (var ch = java.nio.channels.FileChannel.open(obj, java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {1}), 1 << 20);
    }
    PipelineResult r = big().run();
    assertThat(r.ran()).containsExactly("big");
    assertThat(Files.readAllBytes(root.resolve("big.bin"))).containsOnly(0);
  }

  @Test
  void aLargeObjectChangedWithoutANewStat_isFoundByVerify_thoughARestoreTrustsItsRecord()
      throws Exception {
    big().run();
    String h = FileHasher.sha256(new byte[2 << 20]);
    Path obj = root.resolve(".mlops/cache").resolve(h.substring(0, 2)).resolve(h.substring(2));
    Files.delete(root.resolve("big.bin"));
    FileTime mtime = Files.getLastModifiedTime(obj);
    obj.toFile().setWritable(true);
    try (var ch = java.nio.channels.FileChannel.open(obj, java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {1}), 1 << 20);
    }
    Files.setLastModifiedTime(obj, mtime);
    // the documented limit: above 1 MiB a restore trusts size, mtime and inode
    assertThat(big().status().stage("big").reason()).isEqualTo("output 'big.bin' is missing");
    VerifyResult v = big().verify();
    assertThat(v.corrupt()).containsExactly(h);
    PipelineResult r = big().run();
    assertThat(r.ran()).containsExactly("big");
    assertThat(Files.readAllBytes(root.resolve("big.bin"))).containsOnly(0);
  }

  @Test
  void verify_findsCorruptAndMissingObjects_quarantinesTheCorrupt_andTheNextRunRebuildsThem()
      throws Exception {
    pipeline(false).run();
    Path out = object("the result");
    Path weights = object("weights");
    corruptQuietly(out, "THE RESULT");
    weights.toFile().setWritable(true);
    Files.delete(weights);

    VerifyResult v = pipeline(false).verify();
    assertThat(v.corrupt()).containsExactly(FileHasher.sha256("the result"));
    assertThat(v.missing()).containsExactly(FileHasher.sha256("weights"));
    assertThat(v.ok()).isFalse();
    assertThat(v.checked()).isEqualTo(2); // out.txt's object and model's manifest
    assertThat(out).doesNotExist();
    assertThat(v.quarantine()).isEqualTo(root.resolve(".mlops/cache-quarantine"));
    assertThat(v.quarantine()).isNotEmptyDirectory();
    assertThat(v.toString())
        .startsWith("verify: 2 checked (")
        .contains("1 corrupt", "1 missing", "corrupt " + FileHasher.sha256("the result"));

    // the workspace copies are sound and match the lock: nothing to do
    assertThat(pipeline(false).run().upToDate()).isTrue();
    // once an output must be restored, the run-cache entry naming the lost objects is not used
    Files.delete(root.resolve("out.txt"));
    PipelineResult r = pipeline(false).run();
    assertThat(r.ran()).containsExactly("make");
    assertThat(runs).hasValue(2);
    VerifyResult again = pipeline(false).verify();
    assertThat(again.ok()).isTrue();
    assertThat(again.corrupt()).isEmpty();
    assertThat(again.missing()).isEmpty();
  }

  @Test
  void verify_ofAHardLinkedOutputCorruptedInPlace_makesTheOutputStaleToo() throws Exception {
    pipeline(true).run();
    corruptQuietly(root.resolve("out.txt"), "THE RESULT");
    assertThat(pipeline(true).status().upToDate()).isTrue(); // the stat did not change

    VerifyResult v = pipeline(true).verify();
    assertThat(v.corrupt()).containsExactly(FileHasher.sha256("the result"));
    PipelineResult st = pipeline(true).status();
    assertThat(st.stage("make").reason()).isEqualTo("output 'out.txt' was modified");
    PipelineResult r = pipeline(true).run();
    assertThat(r.ran()).containsExactly("make");
    assertThat(root.resolve("out.txt")).hasContent("the result");
  }

  @Test
  void verify_withASampleFraction_checksAtMostTheWholeCache_andRefusesABadFraction() {
    pipeline(true).run();
    assertThat(pipeline(true).verify(1.0).checked()).isEqualTo(3);
    assertThat(pipeline(true).verify(0.5).checked()).isBetween(0, 3);
    assertThatThrownBy(() -> pipeline(true).verify(0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fraction must be in (0, 1], but was 0.0");
  }
}
