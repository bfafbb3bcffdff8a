package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageContextTest {
  @TempDir Path tmp;

  /** Work as a class rather than a lambda. */
  static final class Upper implements StageWork {
    final List<Throwable> misuse = new ArrayList<>();

    @Override
    public void run(StageContext ctx) throws Exception {
      String text = Files.readString(ctx.input("./in.txt"));
      Files.writeString(ctx.scratchDir().resolve("tmp.txt"), "scratch files are not outputs");
      Files.writeString(ctx.output("out/upper.txt"), text.toUpperCase() + ctx.param("suffix"));
      tryIt(() -> ctx.input("other.txt"));
      tryIt(() -> ctx.output("in.txt"));
      tryIt(() -> ctx.param("nope"));
      tryIt(() -> ctx.progress(1.5, "too far"));
      tryIt(() -> ctx.progress(Double.NaN, "nan"));
    }

    private void tryIt(Runnable r) {
      try {
        r.run();
      } catch (IllegalArgumentException e) {
        misuse.add(e);
      }
    }
  }

  @Test
  void workAsAClass_readsInputsParamsAndWritesOutputs_andMisuseIsReportedByName() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("p")).toRealPath();
    Files.writeString(root.resolve("in.txt"), "abc");
    Upper work = new Upper();
    PipelineResult r =
        Pipeline.builder(root)
            .stage(
                Stage.named("upper")
                    .input("in.txt")
                    .param("suffix", "!")
                    .output("out/upper.txt")
                    .work(work))
            .build()
            .run();
    assertThat(r.ran()).containsExactly("upper");
    assertThat(root.resolve("out/upper.txt")).hasContent("ABC!");
    assertThat(work.misuse)
        .extracting(Throwable::getMessage)
        .containsExactly(
            "stage 'upper' input must be one of [in.txt], but was 'other.txt'",
            "stage 'upper' output must be one of [out/upper.txt], but was 'in.txt'",
            "stage 'upper' param must be one of [suffix], but was 'nope'",
            "fraction must be in [0, 1], but was 1.5",
            "fraction must be in [0, 1], but was NaN");
  }
}
