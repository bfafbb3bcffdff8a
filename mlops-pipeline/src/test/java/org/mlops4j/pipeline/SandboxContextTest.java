package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.pipeline.internal.OutputSandbox;

class SandboxContextTest {
  @TempDir Path tmp;
  Path root;
  OutputSandbox box;
  final List<String> events = new ArrayList<>();
  SandboxContext ctx;

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(tmp.resolve("p")).toRealPath();
    Stage s = Stage.named("s").input("data/in.txt").param("k", 3).output("out/o.txt").work(c -> {});
    box = OutputSandbox.create(root.resolve(".mlops/tmp"), "s", s.outputs());
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void progress(String stage, double fraction, String message) {
            events.add(stage + " " + fraction + " " + message);
          }
        };
    ctx = new SandboxContext(s, 99, root, box, listener);
  }

  @Test
  void inputsAreReadInPlace_outputsGoToTheSandbox_inAnySpellingThatNormalizesToTheDeclaredPath() {
    assertThat(ctx.input("data/in.txt")).isEqualTo(root.resolve("data/in.txt"));
    assertThat(ctx.input("./data/../data/in.txt")).isEqualTo(root.resolve("data/in.txt"));
    assertThat(ctx.output("out/o.txt"))
        .isEqualTo(box.output("out/o.txt"))
        .isNotEqualTo(root.resolve("out/o.txt"));
    assertThat(ctx.output("out/o.txt").getParent()).isDirectory();
    assertThat(ctx.scratchDir()).isEqualTo(box.scratchDir()).isDirectory();
    assertThat(ctx.stageName()).isEqualTo("s");
    assertThat(ctx.seed()).isEqualTo(99);
    assertThat(ctx.projectRoot()).isEqualTo(root);
    assertThat(ctx.param("k")).isEqualTo(3L);
    assertThat(ctx.params()).containsExactlyEntriesOf(java.util.Map.of("k", 3L));
  }

  @Test
  void undeclaredNames_andBadProgress_areRejectedNamingTheStageAndWhatIsDeclared() {
    assertThatThrownBy(() -> ctx.input("other.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stage 's' input must be one of [data/in.txt], but was 'other.txt'");
    assertThatThrownBy(() -> ctx.output("../outside.txt"))
        .hasMessage("stage 's' output must be one of [out/o.txt], but was '../outside.txt'");
    assertThatThrownBy(() -> ctx.param("nope"))
        .hasMessage("stage 's' param must be one of [k], but was 'nope'");
    assertThatThrownBy(() -> ctx.progress(-0.1, "x"))
        .hasMessage("fraction must be in [0, 1], but was -0.1");
    assertThatThrownBy(() -> ctx.input(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("path must not be null");
    assertThatThrownBy(() -> ctx.progress(0.5, null)).hasMessage("message must not be null");
  }

  @Test
  void progress_reachesTheListener_andAThrowingListenerDoesNotFailTheStage() {
    ctx.progress(0.5, "half");
    assertThat(events).containsExactly("s 0.5 half");
    SandboxContext loud =
        new SandboxContext(
            Stage.named("t").work(c -> {}),
            1,
            root,
            box,
            new ProgressListener() {
              @Override
              public void progress(String stage, double fraction, String message) {
                throw new IllegalStateException("listener bug");
              }
            });
    loud.progress(1, "done");
  }
}
