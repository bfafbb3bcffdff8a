package org.mlops4j.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputSandboxTest {
  @TempDir Path tmp;

  @Test
  void create_makesTheParentOfEveryOutputAndTheScratchFolder_inAFolderOfItsOwn() throws Exception {
    OutputSandbox a = OutputSandbox.create(tmp, "s", List.of("data/deep/x.csv", "model"));
    OutputSandbox b = OutputSandbox.create(tmp, "s", List.of("model"));
    assertThat(a.output("data/deep/x.csv").getParent()).isDirectory();
    assertThat(a.output("data/deep/x.csv")).doesNotExist();
    assertThat(a.output("model")).doesNotExist();
    assertThat(a.scratchDir()).isDirectory().isNotEqualTo(b.scratchDir());
    assertThat(a.toString()).startsWith(tmp.resolve("s-").toString());
  }

  @Test
  void check_passesWhenExactlyTheDeclaredOutputsWereWritten_includingFilesInsideADirectoryOutput()
      throws Exception {
    OutputSandbox box = OutputSandbox.create(tmp, "s", List.of("a.txt", "model"));
    Files.writeString(box.output("a.txt"), "a");
    Files.createDirectories(box.output("model").resolve("sub"));
    Files.writeString(box.output("model").resolve("sub/w.bin"), "w");
    Files.writeString(box.scratchDir().resolve("tmp.txt"), "scratch is not an output");
    box.check();
  }

  @Test
  void check_failsOnUndeclaredOutputs_sortedAndNamed() throws Exception {
    OutputSandbox box = OutputSandbox.create(tmp, "prepare", List.of("data/train.csv"));
    Files.writeString(box.output("data/train.csv"), "t");
    Files.writeString(box.output("data/z.csv"), "z");
    Files.writeString(box.output("data/extra.csv"), "e");
    assertThatThrownBy(box::check)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "stage 'prepare' wrote undeclared output(s) [data/extra.csv, data/z.csv]; "
                + "declare them with output(...) or write temporary files to scratchDir()");
  }

  @Test
  void check_failsOnAMissingDeclaredOutput() throws Exception {
    OutputSandbox box = OutputSandbox.create(tmp, "prepare", List.of("data/train.csv"));
    assertThatThrownBy(box::check)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "stage 'prepare' did not write its declared output 'data/train.csv' "
                + "(write it to ctx.output(\"data/train.csv\"))");
  }

  @Test
  void aStageWithoutOutputs_passesTheCheck() throws Exception {
    OutputSandbox.create(tmp, "check", List.of()).check();
  }

  @Test
  void delete_removesTheSandboxWithWhatIsLeftInIt() throws Exception {
    OutputSandbox box = OutputSandbox.create(tmp, "s", List.of("o/x"));
    Files.writeString(box.output("o/x"), "x");
    box.delete();
    try (var s = Files.list(tmp)) {
      assertThat(s).isEmpty();
    }
    box.delete();
  }
}
