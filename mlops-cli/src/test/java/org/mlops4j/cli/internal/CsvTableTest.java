package org.mlops4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;
import org.mlops4j.cli.internal.CsvTable.CategoricalColumn;
import org.mlops4j.cli.internal.CsvTable.Kind;
import org.mlops4j.cli.internal.CsvTable.NumericColumn;

class CsvTableTest {

  @TempDir Path dir;

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void columnWithOnlyNumbers_isNumeric_andEmptyCellsAreMissing() throws IOException {
    CsvTable t = CsvTable.read(write("a.csv", "x,city\n1.5,Oslo\n,Lima\n3,\n"));
    assertThat(t.rows()).isEqualTo(3);
    NumericColumn x = (NumericColumn) t.column("x");
    assertThat(x.values()).containsExactly(1.5, Double.NaN, 3);
    assertThat(x.missing()).isEqualTo(1);
    assertThat(x.present()).containsExactly(1.5, 3);
    CategoricalColumn city = (CategoricalColumn) t.column("city");
    assertThat(city.levels()).containsExactly("Oslo", "Lima");
    assertThat(city.codes()).containsExactly(0, 1, -1);
    assertThat(city.present()).containsExactly("Oslo", "Lima");
  }

  @Test
  void columnThatTurnsCategoricalLate_keepsTheOriginalTextOfEarlierNumbers() throws IOException {
    CsvTable t = CsvTable.read(write("a.csv", "zip\n007\n1.50\n\"\"\nA1\n007\n"));
    CategoricalColumn zip = (CategoricalColumn) t.column("zip");
    assertThat(zip.levels()).containsExactly("007", "1.50", "A1");
    assertThat(zip.codes()).containsExactly(0, 1, -1, 2, 0);
    assertThat(zip.missing()).isEqualTo(1);
  }

  @Test
  void columnWhoseFirstCellsAreEmpty_thenText_isCategoricalWithMissingRows() throws IOException {
    CsvTable t = CsvTable.read(write("a.csv", "c,d\n,1\n,2\nx,3\n"));
    assertThat(((CategoricalColumn) t.column("c")).codes()).containsExactly(-1, -1, 0);
  }

  @Test
  void onlyRequestedColumnsAreKept_inTheOrderAsked() throws IOException {
    Map<String, Kind> want = new LinkedHashMap<>();
    want.put("c", Kind.AUTO);
    want.put("a", Kind.CATEGORICAL);
    CsvTable t = CsvTable.read(write("a.csv", "a,b,c\n1,2,3\n"), want);
    assertThat(t.columns().keySet()).containsExactly("c", "a");
    assertThat(t.column("a")).isInstanceOf(CategoricalColumn.class);
    assertThat(t.header()).containsExactly("a", "b", "c");
  }

  @Test
  void numericColumn_withText_isAnErrorNamingColumnRowAndValue() throws IOException {
    Path p = write("s.csv", "score\n0.1\n\"x\ny\"\nabc\n");
    assertThatThrownBy(() -> CsvTable.read(p, Map.of("score", Kind.NUMERIC)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(p + ": column 'score', row 2 (line 3): 'x\ny' is not a number");
  }

  @Test
  void raggedRow_isAnErrorNamingRowAndLine() throws IOException {
    Path p = write("r.csv", "a,b,c\n1,2,3\n\"multi\nline\",2,3\n4,5\n");
    assertThatThrownBy(() -> CsvTable.read(p))
        .isInstanceOf(MlopsException.class)
        .hasMessage(p + ": row 3 (line 5) has 2 fields but the header has 3");
  }

  @Test
  void unknownColumn_isAnErrorListingTheColumns() throws IOException {
    Path p = write("u.csv", "a,b\n1,2\n");
    assertThatThrownBy(() -> CsvTable.read(p, Map.of("z", Kind.AUTO)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(p + ": unknown column 'z' (columns: a, b)");
  }

  @Test
  void missingFile_emptyFile_andDuplicateHeader_areErrors() throws IOException {
    Path missing = dir.resolve("nope.csv");
    assertThatThrownBy(() -> CsvTable.read(missing))
        .isInstanceOf(MlopsException.class)
        .hasMessage(missing + ": no such file");
    Path empty = write("e.csv", "");
    assertThatThrownBy(() -> CsvTable.read(empty))
        .isInstanceOf(MlopsException.class)
        .hasMessage(empty + ": empty file (a header row is required)");
    Path dup = write("d.csv", "a,b,a\n");
    assertThatThrownBy(() -> CsvTable.read(dup))
        .isInstanceOf(MlopsException.class)
        .hasMessage(dup + ": line 1: duplicate column name 'a'");
  }

  @Test
  void withCategorical_rereadsANumericColumnAsText() throws IOException {
    Path p = write("n.csv", "k\n1\n02\n1\n");
    CsvTable t = CsvTable.read(p).withCategorical(p, "k");
    CategoricalColumn k = (CategoricalColumn) t.column("k");
    assertThat(k.levels()).containsExactly("1", "02");
    assertThat(k.codes()).containsExactly(0, 1, 0);
  }

  @Test
  void manyRows_growTheArrays() throws IOException {
    StringBuilder sb = new StringBuilder("i,c\n");
    for (int i = 0; i < 5000; i++) {
      sb.append(i).append(',').append(i % 3 == 0 ? "a" : "b").append('\n');
    }
    CsvTable t = CsvTable.read(write("m.csv", sb.toString()));
    double[] v = ((NumericColumn) t.column("i")).values();
    assertThat(v).hasSize(5000);
    assertThat(v[4999]).isEqualTo(4999);
    assertThat(((CategoricalColumn) t.column("c")).levels()).isEqualTo(List.of("a", "b"));
  }

  @Test
  void unnamedColumns_areSkippedWhenReadingEveryColumn() throws IOException {
    CsvTable t = CsvTable.read(write("t.csv", ",a,\n0,1,\n1,2,\n"));
    assertThat(t.columns().keySet()).containsExactly("a");
    assertThat(((NumericColumn) t.column("a")).values()).containsExactly(1, 2);
  }

  @Test
  void latin1Bytes_areAnErrorAskingForUtf8() throws IOException {
    Path p = dir.resolve("latin1.csv");
    Files.write(
        p, "city\nOslo\nK\u00f8ge\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> CsvTable.read(p))
        .isInstanceOf(MlopsException.class)
        .hasMessage(p + ": not valid UTF-8 text (save the file as UTF-8)");
  }

  /** Any finite doubles written with Double.toString read back exactly (missing cells as NaN). */
  @Property(tries = 100)
  void numericColumn_roundTripsExactly(@ForAll @Size(min = 1, max = 40) List<Double> values)
      throws IOException {
    Path p = Files.createTempFile("roundtrip", ".csv");
    try {
      StringBuilder sb = new StringBuilder("v,k\n");
      for (Double v : values) {
        sb.append(Double.isFinite(v) ? Double.toString(v) : "").append(",x\n");
      }
      Files.writeString(p, sb.toString());
      NumericColumn c = (NumericColumn) CsvTable.read(p).column("v");
      double[] expected =
          values.stream().mapToDouble(v -> Double.isFinite(v) ? v : Double.NaN).toArray();
      assertThat(c.values()).containsExactly(expected);
      assertThat(c.missing())
          .isEqualTo((int) values.stream().filter(v -> !Double.isFinite(v)).count());
    } finally {
      Files.delete(p);
    }
  }
}
