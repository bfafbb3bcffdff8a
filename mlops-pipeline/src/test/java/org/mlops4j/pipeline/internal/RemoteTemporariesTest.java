package org.mlops4j.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.internal.AtomicFiles;

/**
 * The clean-up a remote shared by several machines relies on, through the one implementation in
 * {@link AtomicFiles}: temporaries of this machine's gone processes go, another machine's only once
 * untouched for an hour, live ones stay.
 */
class RemoteTemporariesTest {
  @TempDir Path tmp;

  /** The pid and start time of a process that has ended. */
  private static String deadOwner() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
    long start = p.toHandle().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    p.getInputStream().readAllBytes();
    p.waitFor();
    return p.pid() + "-" + start;
  }

  @Test
  void aCacheShardOfARemote_losesTheTemporariesOfGoneProcessesOfThisMachine_andOldOnesOfOthers()
      throws Exception {
    String mine = AtomicFiles.temporaryName("live");
    assumeTrue(mine.matches(".*\\.m[0-9a-f]{8}$"), "no machine identity here");
    String thisMachine = mine.substring(mine.length() - 10);
    String otherMachine = thisMachine.equals(".m00000000") ? ".m11111111" : ".m00000000";
    Path shard = Files.createDirectories(tmp.resolve("cache/ab"));
    Path live = Files.writeString(shard.resolve(mine), "x");
    Path dead =
        Files.writeString(
            shard.resolve(
                AtomicFiles.TMP_PREFIX + deadOwner() + "-obj-" + UUID.randomUUID() + thisMachine),
            "partial");
    // another machine's temporary, of a pid that is not running here: kept while recent
    Path foreignRecent =
        Files.writeString(
            shard.resolve(
                AtomicFiles.TMP_PREFIX + "999999999-1-obj-" + UUID.randomUUID() + otherMachine),
            "being written elsewhere");
    Path foreignOld =
        Files.writeString(
            shard.resolve(
                AtomicFiles.TMP_PREFIX + "999999999-1-obj-" + UUID.randomUUID() + otherMachine),
            "abandoned");
    Files.setLastModifiedTime(foreignOld, FileTime.from(Instant.now().minusSeconds(7200)));
    Path object = Files.writeString(shard.resolve("cdef"), "an object");

    assertThat(AtomicFiles.removeStaleTemporaries(tmp.resolve("cache"), 1)).isEqualTo(2);
    assertThat(live).exists();
    assertThat(dead).doesNotExist();
    assertThat(foreignRecent).exists();
    assertThat(foreignOld).doesNotExist();
    assertThat(object).exists();
    assertThat(AtomicFiles.removeStaleTemporaries(tmp.resolve("absent"), 1)).isZero();
  }
}
