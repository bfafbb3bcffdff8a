package org.mlops4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.cli.internal.CsvTable.Type;
import org.mlops4j.drift.ColumnType;

class DriftInputsTest {

  @TempDir Path dir;

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  DriftInputs read(Path ref, Path cur, List<String> exclude, List<String> categorical) {
    return DriftInputs.read(ref, cur, null, exclude, categorical, CsvFormat.defaults());
  }

  @Test
  void numericInOneFile_andTextInTheOther_areComparedAsText_andTheReasonNamesBoth()
      throws IOException {
    Path ref = write("r.csv", "k,n\n1,1\n2,2\n");
    Path cur = write("c.csv", "k,n\n1,1\nx,2\n");
    DriftInputs in = read(ref, cur, List.of(), List.of());
    DriftInputs.Decision k = in.decision("k");
    assertThat(k.type()).isEqualTo(Type.CATEGORICAL);
    assertThat(k.reason())
        .isEqualTo(
            "numeric in "
                + ref
                + "; categorical in "
                + cur
                + " (1 of 2 values are not numbers ('x'; row 2), more than 1 %): compared as"
                + " categorical");
    assertThat(k.noteworthy()).isTrue();
    assertThat(in.referenceColumns().type("k")).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(in.referenceColumns().categorical("k")).containsExactly("1", "2");
    assertThat(in.decision("n").reason()).isEqualTo("every value is a number");
    assertThat(in.decision("n").noteworthy()).isFalse();
  }

  @Test
  void aColumnWithoutValuesInOneFile_takesTheOthersType() throws IOException {
    Path ref = write("r.csv", "a,b\nx,1\ny,2\n");
    Path cur = write("c.csv", "a,b\n,NA\n,\n");
    DriftInputs in = read(ref, cur, List.of(), List.of());
    assertThat(in.decision("a").type()).isEqualTo(Type.CATEGORICAL);
    assertThat(in.decision("a").reason()).isEqualTo("text (" + cur + " has no values)");
    assertThat(in.currentColumns().categorical("a")).containsExactly(null, null);
    assertThat(in.decision("b").type()).isEqualTo(Type.NUMERIC);
    assertThat(in.decision("b").reason())
        .isEqualTo("every value is a number (" + cur + " has no values)");
    assertThat(in.currentColumns().numeric("b")).containsExactly(Double.NaN, Double.NaN);
  }

  @Test
  void noValuesInEitherFile_isEmpty_andGoesToTheLibraryAsAllMissingNumbers() throws IOException {
    Path f = write("r.csv", "e,x\n,1\nNA,2\n");
    DriftInputs in = read(f, f, List.of(), List.of());
    assertThat(in.decision("e").typeKey()).isEqualTo("empty");
    assertThat(in.decision("e").reason())
        .isEqualTo("no values in either file: every cell is empty or a missing-value token");
    assertThat(in.referenceColumns().numeric("e")).containsExactly(Double.NaN, Double.NaN);
  }

  @Test
  void datesAgainstNumbers_areText_andDatesAgainstDatesAreTime() throws IOException {
    Path ref = write("r.csv", "d,t\n2013-01-27,2013-01-27\n2013-01-28,2013-01-28 10:00:00\n");
    Path cur = write("c.csv", "d,t\n5,2014-01-27T00:00:00Z\n6,2014-02-27\n");
    DriftInputs in = read(ref, cur, List.of(), List.of());
    assertThat(in.decision("d").type()).isEqualTo(Type.CATEGORICAL);
    assertThat(in.decision("d").reason())
        .isEqualTo("date in " + ref + "; numeric in " + cur + ": compared as categorical");
    assertThat(in.decision("t").type()).isEqualTo(Type.DATE);
    assertThat(in.referenceColumns().type("t")).isEqualTo(ColumnType.NUMERIC);
    assertThat(in.referenceColumns().numeric("t")).containsExactly(1359244800.0, 1359367200.0);
  }

  @Test
  void excludeAndCategorical_nameColumnsOfTheReference() throws IOException {
    Path f = write("r.csv", "id,x,code\n1,0.5,007\n2,0.7,008\n");
    DriftInputs in = read(f, f, List.of("id"), List.of("code"));
    assertThat(in.names()).containsExactly("x", "code");
    assertThat(in.excluded()).containsExactly("id");
    assertThat(in.decision("code").reason()).isEqualTo("read as text (--categorical)");
    assertThat(in.referenceColumns().categorical("code")).containsExactly("007", "008");
    assertThatThrownBy(() -> read(f, f, List.of("nope"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(f + ": unknown column 'nope' (columns: id, x, code)");
  }

  @Test
  void toJson_givesEachColumnsTypeReasonAndCellsPerFile() throws IOException {
    StringBuilder sb = new StringBuilder("x\n");
    for (int i = 0; i < 150; i++) {
      sb.append(i == 9 ? "?" : i == 10 ? "NA" : i == 11 ? "\"\"" : Integer.toString(i))
          .append('\n');
    }
    Path f = write("r.csv", sb.toString());
    DriftInputs in = read(f, f, List.of(), List.of());
    Map<String, Object> x = in.toJson().get(0);
    assertThat(x).containsOnlyKeys("name", "type", "reason", "reference", "current");
    assertThat(x.get("type")).isEqualTo("numeric");
    assertThat(x.get("reason"))
        .isEqualTo(
            "numeric but for 1 cell of "
                + f
                + " that is not a number ('?'; row 10) and 1 cell of "
                + f
                + " that is not a number ('?'; row 10): read as missing (--categorical x keeps"
                + " them as text)");
    assertThat(x.get("reference"))
        .isEqualTo(
            Map.of(
                "missing",
                3,
                "empty",
                1,
                "missingTokens",
                Map.of("NA", 1),
                "unparsed",
                1,
                "unparsedRows",
                List.of(10L),
                "unparsedValues",
                List.of("?")));
    assertThat(in.decision("x").unparsed()).isTrue();
  }

  @Test
  void aFewMarksAmongNumbers_inASmallFile_areNamedWithTheNaValuesThatReadsThem()
      throws IOException {
    Path ref = write("r.csv", "x\n1\n2\n3\n4\n");
    Path cur = write("c.csv", "x\n1\n?\n3\n-\n5\n");
    assertThat(read(ref, cur, List.of(), List.of()).decision("x").reason())
        .isEqualTo(
            "numeric in "
                + ref
                + "; categorical in "
                + cur
                + " (2 of 5 values are not numbers ('?', '-'; rows 2, 4), more than 1 %;"
                + " --na-values ?,- reads them as missing): compared as categorical");
    DriftInputs read =
        DriftInputs.read(
            ref, cur, null, List.of(), List.of(), CsvFormat.of(null, List.of("?", "-"), true));
    assertThat(read.decision("x").type()).isEqualTo(Type.NUMERIC);
  }
}
