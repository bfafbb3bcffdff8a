package org.mlops4j.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.internal.AtomicFiles;

class TemporariesTest {
  @TempDir Path tmp;

  private static String tag() {
    String n = Temporaries.name("x");
    String rest = n.substring(AtomicFiles.TMP_PREFIX.length());
    String base = rest.split("-", 3)[2];
    return base.substring(0, base.indexOf('.') + 1);
  }

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
  void name_recordsThisProcessAndThisMachine() {
    String n = Temporaries.name("abc.json");
    ProcessHandle me = ProcessHandle.current();
    assertThat(n).startsWith(AtomicFiles.TMP_PREFIX + me.pid() + "-");
    assertThat(tag()).matches("h[0-9a-f]{8}\\.");
    assertThat(n).contains(tag() + "abc.json-");
  }

  @Test
  void removeStale_removesTemporariesOfGoneProcessesOfThisMachine_andOldOnesOfOthers()
      throws Exception {
    Path shard = Files.createDirectories(tmp.resolve("cache/ab"));
    Path mine = Files.writeString(shard.resolve(Temporaries.name("live")), "x");
    Path dead =
        Files.writeString(
            shard.resolve(
                AtomicFiles.TMP_PREFIX + deadOwner() + "-" + tag() + "obj-" + UUID.randomUUID()),
            "partial");
    // another machine's temporary, of a pid that is not running here: kept while recent
    Path foreignRecent =
        Files.writeString(
            shard.resolve(
                AtomicFiles.TMP_PREFIX + "999999999-1-h00000000.obj-" + UUID.randomUUID()),
            "being written elsewhere");
    Path foreignOld =
        Files.writeString(
            shard.resolve(
                AtomicFiles.TMP_PREFIX + "999999999-1-h00000000.obj-" + UUID.randomUUID()),
            "abandoned");
    Files.setLastModifiedTime(foreignOld, FileTime.from(Instant.now().minusSeconds(7200)));
    Path object = Files.writeString(shard.resolve("cdef"), "an object");

    assertThat(Temporaries.removeStale(tmp.resolve("cache"), 1)).isEqualTo(2);
    assertThat(mine).exists();
    assertThat(dead).doesNotExist();
    assertThat(foreignRecent).exists();
    assertThat(foreignOld).doesNotExist();
    assertThat(object).exists();
    assertThat(Temporaries.removeStale(tmp.resolve("absent"), 1)).isZero();
  }
}
