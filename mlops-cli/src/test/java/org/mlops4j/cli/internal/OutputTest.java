package org.mlops4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;

class OutputTest {

  @TempDir Path dir;

  @Test
  void table_padsColumns_andAlignsNumbersRight() {
    List<String[]> rows = Output.rows("name", "value", "note");
    rows.add(new String[] {"a", "1.5", "x"});
    rows.add(new String[] {"long name", "-20", "0.1.0-SNAPSHOT"});
    assertThat(Output.table(rows)).isEqualTo(
        "name       value  note\n"
            + "a            1.5  x\n"
            + "long name    -20  0.1.0-SNAPSHOT\n");
    assertThat(Output.table(rows, false)).contains("a          1.5    x\n");
  }

  @Test
  void num_printsIntegersWhole_fourDecimals_orScientific_andDashForNaN() {
    assertThat(Output.num(3)).isEqualTo("3");
    assertThat(Output.num(0.123456)).isEqualTo("0.1235");
    assertThat(Output.num(1.554e-5)).isEqualTo("1.554e-05");
    assertThat(Output.num(Double.NaN)).isEqualTo("-");
  }

  @Test
  void putNumber_writesNullForNaNAndInfinity() {
    ObjectNode o = Output.object();
    assertThat(Output.putNumber(o, "a", 0.5)).isTrue();
    assertThat(Output.putNumber(o, "b", Double.NaN)).isFalse();
    assertThat(Output.putNumber(o, "c", Double.POSITIVE_INFINITY)).isFalse();
    assertThat(Output.json(o)).isEqualTo("{\n  \"a\" : 0.5,\n  \"b\" : null,\n  \"c\" : null\n}\n");
  }

  @Test
  void write_replacesTheFileAtomically_orPrintsForDash() throws IOException {
    Path f = dir.resolve("out.json");
    Files.writeString(f, "old");
    StringWriter sw = new StringWriter();
    Output.write(f.toString(), "new", new PrintWriter(sw));
    assertThat(Files.readString(f)).isEqualTo("new");
    assertThat(sw.toString()).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(f);
    }
    Output.write("-", "to stdout", new PrintWriter(sw));
    assertThat(sw.toString()).isEqualTo("to stdout");
  }

  @Test
  void write_intoAMissingFolder_namesIt() {
    Path f = dir.resolve("nope/out.json");
    assertThatThrownBy(() -> Output.write(f.toString(), "x", new PrintWriter(new StringWriter())))
        .isInstanceOf(MlopsException.class)
        .hasMessage(f + ": cannot write: folder " + dir.resolve("nope") + " does not exist");
  }

  @Test
  void html_escapesMarkup() {
    assertThat(Output.html("<a href=\"x\">'&'</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  }
}
