package org.mlops4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;
import org.mlops4j.report.internal.Json;

class DocumentsTest {

  @TempDir Path dir;

  @Test
  void json_writesNullForNaNAndInfinity_withTheLibrarysConvention_andAFinalNewline() {
    Map<String, Object> o = new LinkedHashMap<>();
    Json.putNumber(o, "a", 0.5, "unused");
    Json.putNumber(o, "b", Double.NaN, "value is NaN");
    Json.putNumber(o, "c", Double.POSITIVE_INFINITY, "value is Infinity");
    assertThat(Documents.json(o))
        .isEqualTo(
            "{\n  \"a\" : 0.5,\n  \"b\" : null,\n  \"bReason\" : \"value is NaN\",\n"
                + "  \"c\" : null,\n  \"cReason\" : \"value is Infinity\"\n}\n");
  }

  @Test
  void document_keepsTheLibrarysFieldsInOrder_soTheCommandCanAddItsOwn() {
    Map<String, Object> doc =
        Documents.document("{\"format\":\"x\",\"b\":[1,2.5],\"a\":{\"c\":null}}");
    doc.put("inputs", List.of());
    assertThat(doc.keySet()).containsExactly("format", "b", "a", "inputs");
    assertThat(Documents.json(doc)).contains("\"b\" : [ 1, 2.5 ]").contains("\"c\" : null");
    assertThatThrownBy(() -> Documents.document("[1]"))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith("cannot read the library's JSON: ");
  }

  @Test
  void write_replacesTheFileAtomically_orPrintsForDash() throws IOException {
    Path f = dir.resolve("out.json");
    Files.writeString(f, "old");
    StringWriter sw = new StringWriter();
    Documents.write(f.toString(), "new", new PrintWriter(sw));
    assertThat(Files.readString(f)).isEqualTo("new");
    assertThat(sw.toString()).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(f);
    }
    Documents.write("-", "to stdout", new PrintWriter(sw));
    assertThat(sw.toString()).isEqualTo("to stdout");
  }

  @Test
  void write_intoAMissingFolder_namesIt() {
    Path f = dir.resolve("nope/out.json");
    assertThatThrownBy(
            () -> Documents.write(f.toString(), "x", new PrintWriter(new StringWriter())))
        .isInstanceOf(MlopsException.class)
        .hasMessage(f + ": cannot write: folder " + dir.resolve("nope") + " does not exist");
  }
}
