package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;

class ExecutionTest {
  @TempDir Path tmp;
  Path root;

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(tmp.resolve("project")).toRealPath();
    Files.writeString(root.resolve("in.txt"), "x");
  }

  @Test
  void aCheckedExceptionFromTheWork_isTheCauseOfAPipelineExceptionNamingTheStage() {
    IOException disk = new IOException("disk full");
    Pipeline p =
        Pipeline.builder(root)
            .stage(
                Stage.named("a")
                    .input("in.txt")
                    .output("a.txt")
                    .work(
                        ctx -> {
                          throw disk;
                        }))
            .build();
    assertThatThrownBy(p::run)
        .isInstanceOf(PipelineException.class)
        .isInstanceOf(MlopsException.class)
        .hasMessage("stage 'a' failed: disk full")
        .hasCause(disk)
        .satisfies(
            e ->
                assertThat(((PipelineException) e).result().stage("a").reason())
                    .isEqualTo("disk full"));
  }

  @Test
  void severalFailures_nameTheFirst_theOthers_andTheStagesNotRun() {
    Pipeline p =
        Pipeline.builder(root)
            .parallelism(1)
            .stage(
                Stage.named("a")
                    .input("in.txt")
                    .output("a.txt")
                    .work(
                        ctx -> {
                          throw new IOException();
                        }))
            .stage(
                Stage.named("b")
                    .input("in.txt")
                    .output("b.txt")
                    .work(
                        ctx -> {
                          throw new IllegalStateException("b broke");
                        }))
            .stage(Stage.named("c").input("a.txt").output("c.txt").work(ctx -> {}))
            .build();
    // an exception without a message is described by its class
    assertThatThrownBy(p::run)
        .hasMessage("stage 'a' failed: java.io.IOException; also failed: [b]; not run: [c]")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void anInputDeletedAfterBuild_failsTheRun_butIsStaleInAStatus() throws Exception {
    Pipeline p =
        Pipeline.builder(root)
            .stage(
                Stage.named("a")
                    .input("in.txt")
                    .output("a.txt")
                    .work(ctx -> Files.writeString(ctx.output("a.txt"), "a")))
            .build();
    Files.delete(root.resolve("in.txt"));
    assertThat(p.status().stage("a").reason()).isEqualTo("input 'in.txt' is missing");
    assertThatThrownBy(p::run)
        .isInstanceOf(PipelineException.class)
        .hasMessage("stage 'a' failed: stage 'a' input 'in.txt' does not exist")
        .hasCauseInstanceOf(MlopsException.class);
  }

  @Test
  void aStatus_runsNoWork_andWritesNeitherTheLockNorTheCache() {
    Pipeline p =
        Pipeline.builder(root)
            .stage(
                Stage.named("a")
                    .input("in.txt")
                    .output("a.txt")
                    .work(ctx -> Files.writeString(ctx.output("a.txt"), "a")))
            .build();
    assertThat(p.status().stale()).containsExactly("a");
    assertThat(root.resolve("a.txt")).doesNotExist();
    assertThat(root.resolve("mlops.lock")).doesNotExist();
    assertThat(root.resolve(".mlops/cache")).doesNotExist();
    assertThat(root.resolve(".mlops/locks")).doesNotExist();
  }

  @Test
  void aStageWithoutOutputs_runsOnce_thenIsUpToDate() {
    int[] runs = {0};
    java.util.function.Supplier<Pipeline> make =
        () ->
            Pipeline.builder(root)
                .stage(Stage.named("check").input("in.txt").work(ctx -> runs[0]++))
                .build();
    assertThat(make.get().run().ran()).containsExactly("check");
    assertThat(make.get().run().skipped()).containsExactly("check");
    assertThat(runs[0]).isEqualTo(1);
  }
}
