package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lock file written by version 0.1.0 is still read, understood and kept byte for byte. */
class GoldenLockTest {
  @TempDir Path tmp;

  @Test
  void lockWrittenByVersion010_isReadAndItsStageIsUpToDate_andTheFileIsKeptByteForByte()
      throws Exception {
    Path root = Files.createDirectories(tmp.resolve("p")).toRealPath();
    Files.createDirectories(root.resolve("data"));
    Files.writeString(root.resolve("data/raw.csv"), "id,x\n1,2\n");
    // expected hashes in the golden file: printf 'id,x\n1,2\n' | sha256sum ; printf
    // 'split=0.2\nid,x\n1,2\n' | sha256sum
    Files.writeString(root.resolve("data/train.csv"), "split=0.2\nid,x\n1,2\n");
    byte[] golden;
    try (InputStream in = GoldenLockTest.class.getResourceAsStream("golden/mlops-v1.lock")) {
      golden = in.readAllBytes();
    }
    Files.write(root.resolve("mlops.lock"), golden);
    Pipeline p =
        Pipeline.builder(root)
            .seed(42)
            .stage(
                Stage.named("prepare")
                    .input("data/raw.csv")
                    .param("split", 0.2)
                    .output("data/train.csv")
                    .codeVersion("v1")
                    .work(
                        ctx -> {
                          throw new AssertionError("must not run");
                        }))
            .build();
    assertThat(p.status().upToDate()).isTrue();
    PipelineResult r = p.run();
    assertThat(r.skipped()).containsExactly("prepare");
    assertThat(Files.readAllBytes(root.resolve("mlops.lock"))).isEqualTo(golden);
  }

  @Test
  void runKeyFormat_isStable() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("q")).toRealPath();
    Files.createDirectories(root.resolve("data"));
    Files.writeString(root.resolve("data/raw.csv"), "id,x\n1,2\n");
    Pipeline p =
        Pipeline.builder(root)
            .seed(42)
            .stage(
                Stage.named("prepare")
                    .input("data/raw.csv")
                    .param("split", 0.2)
                    .output("data/train.csv")
                    .codeVersion("v1")
                    .work(
                        ctx ->
                            Files.writeString(
                                ctx.output("data/train.csv"), "split=0.2\nid,x\n1,2\n")))
            .build();
    p.run();
    // the same key as in the golden lock written by version 0.1.0
    assertThat(Files.readString(root.resolve("mlops.lock")))
        .contains("runKey: aff975e0c28b1013d0d85e831b23f2bae0994f2dc2a770c87890a89db535935f\n");
  }
}
