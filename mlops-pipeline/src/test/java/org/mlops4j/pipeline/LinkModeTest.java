package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.pipeline.internal.FileHasher;

class LinkModeTest {
  @TempDir Path tmp;

  private Pipeline pipeline(Path root, boolean link) {
    return Pipeline.builder(root)
        .linkOutputs(link)
        .stage(
            Stage.named("make")
                .input("in.txt")
                .output("out.txt")
                .work(ctx -> Files.writeString(ctx.output("out.txt"), "result")))
        .build();
  }

  private static Object fileKey(Path p) throws Exception {
    return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
  }

  @Test
  void withLinks_theOutputIsTheCacheObjectItself_andCacheObjectsAreReadOnly() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("p")).toRealPath();
    Files.writeString(root.resolve("in.txt"), "x");
    pipeline(root, true).run();
    String h = FileHasher.sha256("result");
    Path obj = root.resolve(".mlops/cache").resolve(h.substring(0, 2)).resolve(h.substring(2));
    assertThat(fileKey(root.resolve("out.txt"))).isEqualTo(fileKey(obj));
    assertThat(Files.getPosixFilePermissions(obj)).noneMatch(p -> p.name().endsWith("WRITE"));
  }

  @Test
  void withCopies_editingTheOutputInPlace_leavesTheCacheIntact_andTheNextRunRestoresIt()
      throws Exception {
    Path root = Files.createDirectories(tmp.resolve("p")).toRealPath();
    Files.writeString(root.resolve("in.txt"), "x");
    pipeline(root, false).run();
    String h = FileHasher.sha256("result");
    Path obj = root.resolve(".mlops/cache").resolve(h.substring(0, 2)).resolve(h.substring(2));
    assertThat(fileKey(root.resolve("out.txt"))).isNotEqualTo(fileKey(obj));
    Files.writeString(root.resolve("out.txt"), "edited in place");
    assertThat(obj).hasContent("result");
    PipelineResult r = pipeline(root, false).run();
    assertThat(r.restored()).containsExactly("make");
    assertThat(root.resolve("out.txt")).hasContent("result");
  }

  @Test
  void withLinks_anOutputEditedInPlace_corruptsNoRestore_theWorkRunsAgain() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("p")).toRealPath();
    Files.writeString(root.resolve("in.txt"), "x");
    pipeline(root, true).run();
    String h = FileHasher.sha256("result");
    Path obj = root.resolve(".mlops/cache").resolve(h.substring(0, 2)).resolve(h.substring(2));
    // what the read-only bit is there to prevent (root ignores it): an edit through the shared
    // inode
    root.resolve("out.txt").toFile().setWritable(true);
    Files.writeString(root.resolve("out.txt"), "edited in place");
    assertThat(obj).hasContent("edited in place");
    PipelineResult r = pipeline(root, true).run();
    assertThat(r.ran()).containsExactly("make");
    assertThat(r.stage("make").reason()).isEqualTo("output 'out.txt' was modified");
    assertThat(root.resolve("out.txt")).hasContent("result");
    assertThat(obj).hasContent("result");
    assertThat(pipeline(root, true).run().upToDate()).isTrue();
  }
}
