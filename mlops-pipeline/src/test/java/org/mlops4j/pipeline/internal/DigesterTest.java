package org.mlops4j.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigesterTest {
  @TempDir Path tmp;

  @Test
  void directoryHash_isTheSha256OfItsSortedSha256sumListing() throws Exception {
    Path root = tmp.toRealPath();
    Path d = Files.createDirectories(root.resolve("data/sub"));
    Files.writeString(root.resolve("data/a.txt"), "a\n");
    Files.writeString(root.resolve("data/B.txt"), "B\n");
    Files.writeString(root.resolve("data/sub/b.txt"), "b\n");
    Files.createDirectories(root.resolve("data/empty"));
    Digester dg = new Digester(root, StateStore.inMemory());
    Digest digest = dg.digest(root.resolve("data")).orElseThrow();
    // expected: cd data && find . -type f | LC_ALL=C sort | xargs sha256sum | sed 's|  \./|  |' |
    // sha256sum
    assertThat(digest.hash())
        .isEqualTo("8ccc22f1052f3ea9630f6926175a8d316d37e59b1703c1c7940b35ab2d4a9d4f");
    assertThat(Digest.manifestText(digest.entries()))
        .isEqualTo(
            "c0cde77fa8fef97d476c10aad3d2d54fcc2f336140d073651c2dcccf1e379fd6  B.txt\n"
                + "87428fc522803d31065e7bce3cf03fe475096631e5e07bbd7a0fde60c4cf25c7  a.txt\n"
                + "0263829989b6fd954f72baaf2fc64bc2e2f01d692d4de72986ea808f6e99813f  sub/b.txt\n");
    assertThat(digest.files()).isEqualTo(3);
    assertThat(digest.size()).isEqualTo(6);
    assertThat(digest.directory()).isTrue();
    assertThat(d).exists();
  }

  @Test
  void missingPath_hasNoDigest() throws Exception {
    Digester dg = new Digester(tmp.toRealPath(), StateStore.inMemory());
    assertThat(dg.digest(tmp.toRealPath().resolve("nope"))).isEmpty();
  }

  @Test
  void symlinkInsideADirectoryPointingOutside_isRejected() throws Exception {
    Path root = Files.createDirectories(tmp.toRealPath().resolve("project"));
    Path outside = Files.writeString(tmp.toRealPath().resolve("secret.txt"), "s");
    Files.createDirectories(root.resolve("data"));
    Files.createSymbolicLink(root.resolve("data/link.txt"), outside);
    Digester dg = new Digester(root, StateStore.inMemory());
    assertThatThrownBy(() -> dg.digest(root.resolve("data")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "symbolic link data/link.txt points to "
                + outside
                + ", outside the project root "
                + root);
  }
}
