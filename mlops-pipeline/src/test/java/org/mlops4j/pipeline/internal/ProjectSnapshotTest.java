package org.mlops4j.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectSnapshotTest {
  @TempDir Path tmp;
  Path root;
  ProjectSnapshot snapshot;

  @BeforeEach
  void setUp() throws Exception {
    root = tmp.toRealPath();
    Files.writeString(root.resolve("raw.csv"), "r");
    snapshot =
        new ProjectSnapshot(root, Set.of(".mlops", "mlops.lock", ".git", "out", "model/w.bin"));
    snapshot.take();
  }

  @Test
  void filesPresentAtTheSnapshot_orInSkippedPaths_areNotReported() throws Exception {
    Files.createDirectories(root.resolve(".mlops/cache"));
    Files.writeString(root.resolve(".mlops/cache/obj"), "o");
    Files.writeString(root.resolve("mlops.lock"), "l");
    Files.createDirectories(root.resolve("out/deep"));
    Files.writeString(root.resolve("out/deep/x"), "x");
    Files.createDirectories(root.resolve("model"));
    Files.writeString(root.resolve("model/w.bin"), "w");
    Files.writeString(root.resolve("raw.csv"), "changed content is not a new file");
    snapshot.check("s");
  }

  @Test
  void aNewFile_failsTheStageThatRan_once() throws Exception {
    Files.createDirectories(root.resolve("data"));
    Files.writeString(root.resolve("data/stray.csv"), "s");
    Files.writeString(root.resolve("b.txt"), "b");
    assertThatThrownBy(() -> snapshot.check("prepare"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "stage 'prepare' wrote undeclared file(s) in the project: [b.txt, data/stray.csv]; "
                + "write outputs to ctx.output(...) and declare them with output(...)");
    // remembered: the next stage is not blamed for it
    snapshot.check("train");
  }

  @Test
  void take_listsOnce_laterCallsKeepTheFirstList() throws Exception {
    Files.writeString(root.resolve("new.txt"), "n");
    snapshot.take();
    assertThatThrownBy(() -> snapshot.check("s")).hasMessageContaining("[new.txt]");
  }
}
