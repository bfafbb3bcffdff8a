package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.pipeline.internal.CrashPoints;

/**
 * Temporary files of killed processes do not stay: the next run, {@code gc}, {@code push} and
 * {@code pull} remove those whose process is gone, in the project and in the remote (issue 11).
 */
class StaleTemporariesTest {
  @TempDir Path tmp;
  Path root;

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(tmp.resolve("project")).toRealPath();
    Files.writeString(root.resolve("in.txt"), "input");
  }

  static Pipeline pipeline(Path root) {
    return Pipeline.builder(root)
        .stage(
            Stage.named("big")
                .input("in.txt")
                .output("big.bin")
                .work(ctx -> Files.write(ctx.output("big.bin"), new byte[3 << 20])))
        .build();
  }

  /** The child JVM: pushes, and stops once a copy is written under its temporary name. */
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    Path remote = Path.of(args[1]);
    Path marker = Path.of(args[2]);
    CrashPoints.install(
        point -> {
          if (point.equals(CrashPoints.COPY_WRITTEN)) {
            try {
              Files.writeString(marker, "copied");
              Thread.sleep(60_000);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
        });
    pipeline(root).push(remote);
  }

  private static List<Path> temporaries(Path top) throws Exception {
    try (Stream<Path> s = Files.walk(top)) {
      return s.filter(f -> f.getFileName().toString().startsWith(AtomicFiles.TMP_PREFIX)).toList();
    }
  }

  @Test
  void aPushKilledMidCopy_leavesATemporaryInTheRemote_thatTheNextPushRemoves() throws Exception {
    pipeline(root).run();
    Path remote = tmp.resolve("remote");
    Path marker = tmp.resolve("marker");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                StaleTemporariesTest.class.getName(),
                root.toString(),
                remote.toString(),
                marker.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    try {
      for (int i = 0; i < 400 && !Files.exists(marker) && child.isAlive(); i++) {
        Thread.sleep(50);
      }
      assertThat(marker).as("child log: %s", tmp.resolve("child.log")).exists();
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    assertThat(temporaries(remote)).hasSize(1);

    CacheTransfer t = pipeline(root).push(remote);
    assertThat(t.copied()).isEqualTo(2); // the run entry and big.bin
    assertThat(temporaries(remote)).isEmpty();
  }

  /** A temporary name as a process that has ended would have left it. */
  private static String deadTemporary(String base) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
    long start = p.toHandle().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    p.getInputStream().readAllBytes();
    p.waitFor();
    return AtomicFiles.TMP_PREFIX + p.pid() + "-" + start + "-" + base + "-" + UUID.randomUUID();
  }

  private List<Path> plantDeadTemporaries() throws Exception {
    Path mlops = root.resolve(".mlops");
    List<Path> planted =
        List.of(
            root.resolve(deadTemporary("mlops.lock")),
            mlops.resolve(deadTemporary("state.bin")),
            mlops.resolve("locks").resolve(deadTemporary("x.lock")),
            Files.createDirectories(mlops.resolve("cache/ab")).resolve(deadTemporary("cdef.dir")),
            Files.createDirectories(mlops.resolve("runs/ab")).resolve(deadTemporary("cdef.json")));
    for (Path f : planted) {
      Files.createDirectories(f.getParent());
      Files.writeString(f, "left by a killed process");
    }
    return planted;
  }

  @Test
  void temporariesOfDeadProcesses_areRemovedByTheNextRun_andByGc_thoseOfLiveOnesAreKept()
      throws Exception {
    pipeline(root).run();
    Path live = root.resolve(".mlops").resolve(AtomicFiles.temporaryName("mine"));
    Files.writeString(live, "being written by this process");

    List<Path> planted = plantDeadTemporaries();
    pipeline(root).run();
    assertThat(planted).allMatch(f -> !Files.exists(f));
    assertThat(live).exists();

    planted = plantDeadTemporaries();
    GcResult gc = pipeline(root).gc(10);
    assertThat(gc.temporariesRemoved()).isEqualTo(planted.size());
    assertThat(planted).allMatch(f -> !Files.exists(f));
    assertThat(live).exists();
  }
}
