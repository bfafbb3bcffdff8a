package org.mlops4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;

class FileInputsTest {

  @TempDir Path dir;

  @Test
  void of_givesThePathTheSha256AndTheSize() throws IOException {
    Path f = Files.writeString(dir.resolve("gates.json"), "abc");
    // FIPS 180-2, appendix B.1: SHA-256("abc")
    assertThat(FileInputs.of(f))
        .containsEntry("path", f.toString())
        .containsEntry("sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        .containsEntry("bytes", 3L);
  }

  @Test
  void of_aMissingFile_isNamed() {
    Path f = dir.resolve("none.json");
    assertThatThrownBy(() -> FileInputs.of(f))
        .isInstanceOf(MlopsException.class)
        .hasMessage(f + ": no such file");
  }
}
