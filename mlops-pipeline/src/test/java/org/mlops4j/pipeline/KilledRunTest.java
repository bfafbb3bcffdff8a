package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.pipeline.internal.FileHasher;

/**
 * A JVM killed in the middle of a stage leaves neither a partial output in place nor a partial
 * object in the cache; the next run redoes the stage.
 */
class KilledRunTest {
  @TempDir Path tmp;

  static Pipeline pipeline(Path root, String version, StageWork work) {
    return Pipeline.builder(root)
        .stage(
            Stage.named("slow")
                .input("in.txt")
                .output("out.txt")
                .output("outdir")
                .codeVersion(version)
                .work(work))
        .build();
  }

  /** The child JVM: writes half of the outputs, signals, then waits to be killed. */
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    Path marker = Path.of(args[1]);
    pipeline(
            root,
            "v2",
            ctx -> {
              Files.writeString(ctx.output("out.txt"), "partial");
              Files.createDirectories(ctx.output("outdir"));
              Files.writeString(ctx.output("outdir").resolve("part-0"), "partial");
              Files.writeString(marker, "ready");
              Thread.sleep(60_000);
            })
        .run();
  }

  @Test
  void jvmKilledMidStage_leavesThePreviousGoodOutputs_andTheNextRunRedoesTheStage()
      throws Exception {
    Path root = Files.createDirectories(tmp.resolve("project")).toRealPath();
    Files.writeString(root.resolve("in.txt"), "input");
    StageWork good =
        ctx -> {
          Files.writeString(ctx.output("out.txt"), "good " + ctx.stageName());
          Files.createDirectories(ctx.output("outdir"));
          Files.writeString(ctx.output("outdir").resolve("part-0"), "good part");
        };
    pipeline(root, "v1", good).run();
    String lockBefore = Files.readString(root.resolve("mlops.lock"));

    Path marker = tmp.resolve("marker");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                KilledRunTest.class.getName(),
                root.toString(),
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

    assertThat(root.resolve("out.txt")).hasContent("good slow");
    assertThat(root.resolve("outdir/part-0")).hasContent("good part");
    assertThat(Files.readString(root.resolve("mlops.lock"))).isEqualTo(lockBefore);
    try (Stream<Path> s = Files.walk(root.resolve(".mlops/cache"))) {
      List<Path> objects = s.filter(Files::isRegularFile).toList();
      for (Path f : objects) {
        String name =
            f.getParent().getFileName().toString() + f.getFileName().toString().replace(".dir", "");
        assertThat(FileHasher.sha256(f)).as("cache object %s", f).isEqualTo(name);
        assertThat(Files.readString(f)).doesNotContain("partial");
      }
    }

    PipelineResult r =
        pipeline(
                root,
                "v2",
                ctx -> {
                  Files.writeString(ctx.output("out.txt"), "new");
                  Files.createDirectories(ctx.output("outdir"));
                  Files.writeString(ctx.output("outdir").resolve("part-0"), "new part");
                })
            .run();
    assertThat(r.ran()).containsExactly("slow");
    assertThat(r.stage("slow").reason()).isEqualTo("code version changed: v1 -> v2");
    assertThat(root.resolve("out.txt")).hasContent("new");
    assertThat(root.resolve("outdir/part-0")).hasContent("new part");
    assertThat(root.resolve(".mlops/tmp")).isEmptyDirectory();
  }
}
