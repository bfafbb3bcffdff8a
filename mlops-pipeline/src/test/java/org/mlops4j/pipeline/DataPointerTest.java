package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mlops4j.api.MlopsException;

/** The hash is SHA-256("hello\n") from Python's hashlib (see {@link DataTest}). */
class DataPointerTest {
  static final String H = DataTest.HELLO;

  @Test
  void aPointer_readsBackWhatItWrites() {
    DataPointer p = new DataPointer("it's.csv", H, 6, 1, false);
    assertThat(DataPointer.parse(p.toYaml(), "x", "it's.csv")).isEqualTo(p);
    assertThat(p.toString()).isEqualTo("it's.csv " + H + " 6 bytes");
  }

  @Test
  void aNewerFormatVersion_isRefusedNamingBoth() {
    String text =
        new DataPointer("a", H, 6, 1, false)
            .toYaml()
            .replace("formatVersion: 1", "formatVersion: 2");
    assertThatThrownBy(() -> DataPointer.parse(text, "a.mlops", "a"))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            "a.mlops: not a data pointer: formatVersion 2 is newer than the formatVersion 1 this"
                + " library reads: upgrade mlops4j");
  }

  @Test
  void aPointerNamingAnotherFile_isRefused() {
    String text = new DataPointer("b", H, 6, 1, false).toYaml();
    assertThatThrownBy(() -> DataPointer.parse(text, "a.mlops", "a"))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            "a.mlops: not a data pointer: path must be 'a', the name beside the pointer, but was"
                + " \"b\"");
  }

  @Test
  void anUnknownFieldOrAnotherFormat_isRefused() {
    String text = new DataPointer("a", H, 6, 1, false).toYaml();
    assertThatThrownBy(() -> DataPointer.parse(text + "extra: 1\n", "a.mlops", "a"))
        .hasMessage("a.mlops: not a data pointer: unknown field 'extra'");
    assertThatThrownBy(() -> DataPointer.parse("outs: []\n", "a.dvc", null))
        .hasMessage("a.dvc: not a data pointer: format must be mlops4j.data-pointer, but was null");
  }

  @Test
  void badParts_areRefusedNamingTheArgument() {
    assertThatThrownBy(() -> new DataPointer("../a", H, 1, 1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path must be a relative path (it has a '..' segment), but was ../a");
    assertThatThrownBy(() -> new DataPointer("a", H, 1, 2, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("files must be 1 for a file, but was 2");
  }
}
