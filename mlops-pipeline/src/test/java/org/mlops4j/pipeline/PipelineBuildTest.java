package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineBuildTest {
  @TempDir Path tmp;
  Path root;
  static final StageWork NOTHING = ctx -> {};

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(tmp.resolve("project")).toRealPath();
    Files.writeString(root.resolve("raw.csv"), "x");
  }

  @Test
  void cycle_isRejectedNamingTheStagesInDataFlowOrder() {
    assertThatThrownBy(
            () ->
                Pipeline.builder(root)
                    .stage(Stage.named("a").input("c.txt").output("a.txt").work(NOTHING))
                    .stage(Stage.named("b").input("a.txt").output("b.txt").work(NOTHING))
                    .stage(Stage.named("c").input("b.txt").output("c.txt").work(NOTHING))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stages form a cycle: a -> b -> c -> a");
  }

  @Test
  void twoStagesDeclaringTheSameOutput_areRejected() {
    assertThatThrownBy(
            () ->
                Pipeline.builder(root)
                    .stage(Stage.named("a").input("raw.csv").output("out/x.csv").work(NOTHING))
                    .stage(Stage.named("b").input("raw.csv").output("out/./x.csv").work(NOTHING))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("output 'out/x.csv' is declared by both stage 'a' and stage 'b'");
  }

  @Test
  void nestedOutputs_areRejected() {
    assertThatThrownBy(
            () ->
                Pipeline.builder(root)
                    .stage(Stage.named("a").input("raw.csv").output("out").work(NOTHING))
                    .stage(Stage.named("b").input("raw.csv").output("out/x.csv").work(NOTHING))
                    .build())
        .hasMessage(
            "output 'out/x.csv' of stage 'b' and output 'out' of stage 'a' overlap (one is inside"
                + " the other)");
  }

  @Test
  void inputThatNoStageOrFileProvides_isRejected() {
    assertThatThrownBy(
            () ->
                Pipeline.builder(root)
                    .stage(
                        Stage.named("train")
                            .input("data/missing.csv")
                            .output("m.bin")
                            .work(NOTHING))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "stage 'train' input 'data/missing.csv' is neither an existing file or directory under"
                + " the project root nor an output of any stage");
  }

  @Test
  void pathsOutsideTheRoot_areRejected() {
    assertThatThrownBy(
            () ->
                Pipeline.builder(root)
                    .stage(Stage.named("prepare").input("../secret.txt").output("x").work(NOTHING))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stage 'prepare' input '../secret.txt' is outside the project root " + root);
    assertThatThrownBy(
            () ->
                Pipeline.builder(root)
                    .stage(
                        Stage.named("prepare").input("raw.csv").output("/etc/passwd").work(NOTHING))
                    .build())
        .hasMessage("stage 'prepare' output '/etc/passwd' is outside the project root " + root);
  }

  @Test
  void symlinkPointingOutsideTheRoot_isRejectedBeforeAnythingRuns() throws Exception {
    Path secret = Files.writeString(tmp.toRealPath().resolve("secret.txt"), "s");
    Files.createSymbolicLink(root.resolve("link.csv"), secret);
    assertThatThrownBy(
            () ->
                Pipeline.builder(root)
                    .stage(Stage.named("prepare").input("link.csv").output("x").work(NOTHING))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "stage 'prepare' input 'link.csv' leads through a symbolic link to "
                + secret
                + ", outside the project root "
                + root);

    Path outsideDir = Files.createDirectories(tmp.toRealPath().resolve("elsewhere"));
    Files.createSymbolicLink(root.resolve("out"), outsideDir);
    assertThatThrownBy(
            () ->
                Pipeline.builder(root)
                    .stage(
                        Stage.named("prepare").input("raw.csv").output("out/x.csv").work(NOTHING))
                    .build())
        .hasMessage(
            "stage 'prepare' output 'out/x.csv' leads through a symbolic link to "
                + outsideDir
                + ", outside the project root "
                + root);
  }

  @Test
  void symlinkCreatedAfterBuild_isRejectedWhenRunStarts() throws Exception {
    Pipeline p =
        Pipeline.builder(root)
            .stage(
                Stage.named("prepare")
                    .input("raw.csv")
                    .output("out/x.csv")
                    .work(ctx -> Files.writeString(ctx.output("out/x.csv"), "x")))
            .build();
    Path outsideDir = Files.createDirectories(tmp.toRealPath().resolve("elsewhere"));
    Files.createSymbolicLink(root.resolve("out"), outsideDir);
    assertThatThrownBy(p::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "stage 'prepare' output 'out/x.csv' leads through a symbolic link to "
                + outsideDir
                + ", outside the project root "
                + root);
    assertThat(root.resolve("mlops.lock")).doesNotExist();
  }

  @Test
  void otherBadDeclarations_areRejectedWithMessagesNamingThem() {
    assertThatThrownBy(
            () ->
                Pipeline.builder(root)
                    .stage(Stage.named("a").input("raw.csv").output("a.txt"))
                    .build())
        .hasMessage("stage 'a' has no work: call work(...)");
    assertThatThrownBy(
            () ->
                Pipeline.builder(root)
                    .stage(Stage.named("a").input("raw.csv").output("a.txt").work(NOTHING))
                    .stage(Stage.named("a").input("raw.csv").output("b.txt").work(NOTHING))
                    .build())
        .hasMessage("stage name 'a' is declared twice");
    assertThatThrownBy(
            () ->
                Pipeline.builder(root)
                    .stage(Stage.named("a").input("raw.csv").output(".mlops/x").work(NOTHING))
                    .build())
        .hasMessage(
            "stage 'a' output '.mlops/x' would overwrite mlops4j's own files (mlops.lock, .mlops/"
                + " or the root)");
    assertThatThrownBy(() -> Pipeline.builder(root).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a pipeline needs at least one stage: add one with stage(...)");
    assertThatThrownBy(() -> Pipeline.builder(root.resolve("nope")).build())
        .hasMessage("projectRoot must be an existing directory, but was " + root.resolve("nope"));
    assertThatThrownBy(() -> Pipeline.builder(root).parallelism(0))
        .hasMessage("parallelism must be at least 1, but was 0");
  }

  @Test
  void badStageNamesAndParams_areRejectedWithMessagesNamingThem() {
    assertThatThrownBy(() -> Stage.named("no spaces"))
        .hasMessage(
            "stage name must be 1-100 letters, digits, '_', '.' or '-' (not starting with '.' or"
                + " '-'), but was 'no spaces'");
    assertThatThrownBy(() -> Stage.named("s").param("lr", Double.NaN))
        .hasMessage("stage 's' param 'lr' must be finite, but was NaN");
    assertThatThrownBy(() -> Stage.named("s").param("cols", java.util.List.of("a")))
        .hasMessageStartingWith(
            "stage 's' param 'cols' must be a String, Boolean, integer or floating-point number, "
                + "but was java.util.");
    assertThatThrownBy(() -> Stage.named("s").input("a").input("a"))
        .hasMessage("stage 's' input must be a path not declared before, but was 'a'");
    assertThatThrownBy(() -> Stage.named("s").output(" "))
        .hasMessage("stage 's' output must be a non-blank path, but was ' '");
  }

  @Test
  void stage_isImmutable() {
    Stage base = Stage.named("s").input("raw.csv");
    Stage more = base.param("k", 3).output("o");
    assertThat(base.params()).isEmpty();
    assertThat(base.outputs()).isEmpty();
    assertThat(more.params()).containsEntry("k", 3L);
    assertThat(more.toString())
        .isEqualTo("Stage[s, inputs=[raw.csv], params={k=3}, outputs=[o], codeVersion=0]");
  }

  @Test
  void inputUnderAnotherStagesOutputDirectory_makesADependency() {
    Pipeline p =
        Pipeline.builder(root)
            .stage(Stage.named("use").input("models/best/w.bin").output("r.txt").work(NOTHING))
            .stage(Stage.named("make").input("raw.csv").output("models").work(NOTHING))
            .build();
    assertThat(p.stages()).extracting(Stage::name).containsExactly("make", "use");
    assertThat(p.upstreamOf("use")).containsExactly("make");
  }
}
