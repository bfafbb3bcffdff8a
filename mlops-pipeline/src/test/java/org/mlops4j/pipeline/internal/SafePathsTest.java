package org.mlops4j.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;

class SafePathsTest {
  @TempDir Path tmp;
  Path root;
  Path outside;

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(tmp.resolve("root")).toRealPath();
    outside = Files.createDirectories(tmp.resolve("outside")).toRealPath();
  }

  @Test
  void problem_acceptsTheRelativePathsAManifestHas() {
    assertThat(SafePaths.problem("a.txt")).isEmpty();
    assertThat(SafePaths.problem("sub/deeper/w.bin")).isEmpty();
    assertThat(SafePaths.problem("..hidden/x..y/.z")).isEmpty();
    assertThat(SafePaths.problem("café 12:30.csv")).isEmpty();
  }

  @Test
  void problem_refusesEveryPathThatCouldLeaveItsFolder_sayingWhy() {
    assertThat(SafePaths.problem("")).hasValue("it is empty");
    assertThat(SafePaths.problem("/etc/passwd")).hasValue("it is absolute");
    assertThat(SafePaths.problem("../x")).hasValue("it has a '..' segment");
    assertThat(SafePaths.problem("a/../../x")).hasValue("it has a '..' segment");
    assertThat(SafePaths.problem("a/./x")).hasValue("it has a '.' segment");
    assertThat(SafePaths.problem("a//x")).hasValue("it has an empty segment");
    assertThat(SafePaths.problem("a/")).hasValue("it has an empty segment");
    assertThat(SafePaths.problem("a\\..\\..\\x")).hasValue("it has a backslash");
    assertThat(SafePaths.problem("a\0b")).hasValue("it has a NUL character");
  }

  @Test
  void placeInside_createsMissingFolders_andAcceptsALinkThatStaysInsideTheRoot() throws Exception {
    Path target = SafePaths.placeInside(root, root.resolve("a/b/c.txt"));
    assertThat(target).isEqualTo(root.resolve("a/b/c.txt"));
    assertThat(root.resolve("a/b")).isDirectory();

    Files.createDirectories(root.resolve("real"));
    Files.createSymbolicLink(root.resolve("alias"), root.resolve("real"));
    assertThat(SafePaths.placeInside(root, root.resolve("alias/x/y.txt")))
        .isEqualTo(root.resolve("real/x/y.txt"));
    assertThat(root.resolve("real/x")).isDirectory();
  }

  @Test
  void placeInside_refusesALinkLeadingOutside_aDanglingLink_andAFileInTheWay() throws Exception {
    Files.createSymbolicLink(root.resolve("out"), outside);
    assertThatThrownBy(() -> SafePaths.placeInside(root, root.resolve("out/sub/x.txt")))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            root.resolve("out")
                + ": is a symbolic link to "
                + outside
                + ", outside the project root "
                + root
                + "; outputs are not placed through it: remove the link");
    assertThat(outside).isEmptyDirectory();

    Files.createSymbolicLink(root.resolve("gone"), outside.resolve("missing"));
    assertThatThrownBy(() -> SafePaths.placeInside(root, root.resolve("gone/x.txt")))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith(root.resolve("gone") + ": is a symbolic link that leads nowhere");
    assertThat(outside.resolve("missing")).doesNotExist();

    Files.writeString(root.resolve("file"), "x");
    assertThatThrownBy(() -> SafePaths.placeInside(root, root.resolve("file/x.txt")))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            root.resolve("file")
                + ": is not a folder, so "
                + root.resolve("file/x.txt")
                + " cannot be placed");
    assertThatThrownBy(() -> SafePaths.placeInside(root, tmp.resolve("elsewhere.txt")))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("is not inside the project root");
  }
}
