package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.pipeline.internal.CrashPoints;

/**
 * A JVM killed while a restore puts a stage's outputs in place leaves some outputs new and some
 * old; the next {@link Pipeline#status()} says so, and the next {@link Pipeline#run()} puts the
 * whole set in place (issue 11).
 */
class InterruptedCheckoutTest {
  @TempDir Path tmp;

  static Pipeline pipeline(Path root, String version) {
    return Pipeline.builder(root)
        .stage(
            Stage.named("two")
                .input("in.txt")
                .output("out.txt")
                .output("outdir")
                .codeVersion(version)
                .work(
                    ctx -> {
                      Files.writeString(ctx.output("out.txt"), "out " + version);
                      Files.createDirectories(ctx.output("outdir"));
                      Files.writeString(ctx.output("outdir").resolve("part-0"), "part " + version);
                    }))
        .build();
  }

  /** The child JVM: restores v1 and stops after the first output was switched, until killed. */
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    Path marker = Path.of(args[1]);
    CrashPoints.install(
        point -> {
          if (point.equals(CrashPoints.CHECKOUT_SWITCHED)) {
            try {
              Files.writeString(marker, "switched one");
              Thread.sleep(60_000);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
        });
    pipeline(root, args[2]).run();
  }

  @Test
  void jvmKilledBetweenTwoOutputsOfARestore_isReportedByStatus_andRepairedByTheNextRun()
      throws Exception {
    Path root = Files.createDirectories(tmp.resolve("project")).toRealPath();
    Files.writeString(root.resolve("in.txt"), "input");
    pipeline(root, "v1").run();
    pipeline(root, "v2").run();
    assertThat(root.resolve("out.txt")).hasContent("out v2");

    Path marker = tmp.resolve("marker");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                InterruptedCheckoutTest.class.getName(),
                root.toString(),
                marker.toString(),
                "v1")
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
    // the kill came between the two renames: one output is v1, the other still v2
    assertThat(root.resolve("out.txt")).hasContent("out v1");
    assertThat(root.resolve("outdir/part-0")).hasContent("part v2");

    PipelineResult st = pipeline(root, "v2").status();
    assertThat(st.stage("two").action()).isEqualTo(StageOutcome.Action.STALE);
    assertThat(st.stage("two").reason())
        .isEqualTo("outputs incomplete after an interrupted restore");
    assertThat(pipeline(root, "v1").status().stage("two").reason())
        .isEqualTo(
            "outputs incomplete after an interrupted restore; code version changed: v2 -> v1");

    PipelineResult r = pipeline(root, "v2").run();
    assertThat(r.restored()).containsExactly("two");
    assertThat(r.stage("two").reason())
        .isEqualTo("outputs incomplete after an interrupted restore; restored from run cache");
    assertThat(root.resolve("out.txt")).hasContent("out v2");
    assertThat(root.resolve("outdir/part-0")).hasContent("part v2");
    assertThat(pipeline(root, "v2").status().upToDate()).isTrue();
    assertThat(pipeline(root, "v2").run().upToDate()).isTrue();
    // nothing staged is left (the folder is removed with its content at the start of a run)
    assertThat(
            !Files.exists(root.resolve(".mlops/tmp"))
                || Files.list(root.resolve(".mlops/tmp")).findAny().isEmpty())
        .isTrue();
  }
}
