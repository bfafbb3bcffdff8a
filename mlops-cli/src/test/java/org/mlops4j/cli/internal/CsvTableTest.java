package org.mlops4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

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

  @Test
  void missingValueTokens_areMissing_countedPerToken_withTheirFirstRows() throws IOException {
    CsvTable t = CsvTable.read(write("a.csv", "x,c\n1,a\nNA,None\n3,b\nNaN,NA\n,\nnull,c\n"));
    NumericColumn x = (NumericColumn) t.column("x");
    assertThat(x.type()).isEqualTo(CsvTable.Type.NUMERIC);
    assertThat(x.values()).containsExactly(1, Double.NaN, 3, Double.NaN, Double.NaN, Double.NaN);
    assertThat(x.missing()).isEqualTo(4);
    assertThat(x.cells().empty()).isEqualTo(1);
    assertThat(x.cells().tokens())
        .containsExactly(entry("NA", 1), entry("NaN", 1), entry("null", 1));
    assertThat(x.cells().tokenRows())
        .containsExactly(entry(2L, "NA"), entry(4L, "NaN"), entry(6L, "null"));
    CategoricalColumn c = (CategoricalColumn) t.column("c");
    assertThat(c.levels()).containsExactly("a", "b", "c");
    assertThat(c.codes()).containsExactly(0, -1, 1, -1, -1, 2);
    assertThat(c.missingCell(1, "group")).isEqualTo("missing group 'None'");
    assertThat(c.missingCell(4, "group")).isEqualTo("empty group");
  }

  @Test
  void keepDefaultNaFalse_readsTheTokensAsText() throws IOException {
    Path p = write("a.csv", "c\nNA\nx\n");
    CategoricalColumn c =
        (CategoricalColumn)
            CsvTable.read(p, null, CsvFormat.of(null, List.of(), false)).column("c");
    assertThat(c.levels()).containsExactly("NA", "x");
    assertThat(c.missing()).isZero();
  }

  @Test
  void aFewNonNumbers_areMissingInANumericColumn_butMoreMakeItText() throws IOException {
    StringBuilder few = new StringBuilder("x\n");
    for (int i = 0; i < 200; i++) {
      few.append(i == 7 || i == 150 ? "?" : Integer.toString(i)).append('\n');
    }
    NumericColumn x = (NumericColumn) CsvTable.read(write("f.csv", few.toString())).column("x");
    // 2 of 200 = 1 %: at most FEW_UNPARSED
    assertThat(x.type()).isEqualTo(CsvTable.Type.NUMERIC);
    assertThat(x.missing()).isEqualTo(2);
    assertThat(x.cells().unparsed()).isEqualTo(2);
    assertThat(x.cells().unparsedRows()).containsExactly(8L, 151L);
    assertThat(x.cells().unparsedValues()).containsExactly("?");
    assertThat(x.cells().describeUnparsed()).isEqualTo("'?'; rows 8, 151");
    few.append("?\n");
    // 3 of 201: more than 1 %, read again as text
    CategoricalColumn c =
        (CategoricalColumn) CsvTable.read(write("m.csv", few.toString())).column("x");
    assertThat(c.levels()).hasSize(199).contains("?", "0", "199");
    assertThat(c.cells().numbers()).isEqualTo(198);
    assertThat(c.cells().unparsed()).isEqualTo(3);
  }

  @Test
  void isoDates_makeADateColumn_andDatesMixedWithNumbersAreText() throws IOException {
    CsvTable t =
        CsvTable.read(
            write("d.csv", "d,m\n2013-01-27,2013-01-27\n2013-01-27T14:30:00Z,5\nNA,2013-01-28\n"));
    NumericColumn d = (NumericColumn) t.column("d");
    assertThat(d.type()).isEqualTo(CsvTable.Type.DATE);
    assertThat(d.values()).containsExactly(1359244800.0, 1359297000.0, Double.NaN);
    assertThat(d.cells().dates()).isEqualTo(2);
    CategoricalColumn m = (CategoricalColumn) t.column("m");
    assertThat(m.levels()).containsExactly("2013-01-27", "5", "2013-01-28");
  }

  @Test
  void aColumnWithoutValues_isEmpty() throws IOException {
    NumericColumn e = (NumericColumn) CsvTable.read(write("e.csv", "e,x\n,1\nNA,2\n")).column("e");
    assertThat(e.type()).isEqualTo(CsvTable.Type.EMPTY);
    assertThat(e.values()).containsExactly(Double.NaN, Double.NaN);
    assertThat(e.missing()).isEqualTo(2);
  }

  @Test
  void delimiter_isDetectedAmongCommaSemicolonTabAndPipe() throws IOException {
    assertThat(CsvTable.detectDelimiter(write("c.csv", "a,b\n1,2\n"))).isEqualTo(',');
    assertThat(CsvTable.detectDelimiter(write("s.csv", "a;b\n1,5;2\n"))).isEqualTo(';');
    assertThat(CsvTable.detectDelimiter(write("t.csv", "a\tb\tc\n1\t2\t3\n"))).isEqualTo('\t');
    assertThat(CsvTable.detectDelimiter(write("p.csv", "a|b\n\"x|y\"|2\n"))).isEqualTo('|');
    // one column, a ragged file, an empty file: a comma, and the full read names the problem
    assertThat(CsvTable.detectDelimiter(write("o.csv", "a\n1\n"))).isEqualTo(',');
    assertThat(CsvTable.detectDelimiter(write("r.csv", "a,b\n1\n"))).isEqualTo(',');
    assertThat(CsvTable.detectDelimiter(write("e.csv", ""))).isEqualTo(',');
    // a semicolon in a quoted field does not make the file semicolon-separated
    assertThat(CsvTable.detectDelimiter(write("q.csv", "a,b\n\"x;y\",2\n"))).isEqualTo(',');
    CsvTable t = CsvTable.read(write("s2.csv", "a;b\n1;2\n"));
    assertThat(t.delimiter()).isEqualTo(';');
    assertThat(t.delimiterDetected()).isTrue();
    assertThat(t.delimiterNote()).isPresent();
    assertThat(CsvTable.read(write("c2.csv", "a,b\n1,2\n")).delimiterNote()).isEmpty();
  }

  @Test
  void maxDistinct_dropsTheDictionaryOfATextColumnOnceItHasMoreDistinctValues() throws IOException {
    StringBuilder sb = new StringBuilder("id,c\n");
    for (int i = 0; i < 5000; i++) {
      sb.append("case-").append(i).append(',').append(i % 3 == 0 ? "NA" : "v" + i % 7).append('\n');
    }
    Path f = dir.resolve("ids.csv");
    Files.writeString(f, sb.toString());
    CsvTable t = CsvTable.read(f, null, CsvFormat.defaults(), Progress.off(), 1000);
    CsvTable.Column id = t.column("id");
    assertThat(id.type()).isEqualTo(CsvTable.Type.IDENTIFIER);
    CsvTable.CappedColumn capped = (CsvTable.CappedColumn) id;
    assertThat(capped.size()).isEqualTo(5000);
    assertThat(capped.missing()).isZero();
    assertThat(capped.maxDistinct()).isEqualTo(1000);
    assertThat(capped.largestDictionary()).isLessThanOrEqualTo(1001);
    CsvTable.CategoricalColumn c = (CsvTable.CategoricalColumn) t.column("c");
    assertThat(c.levels()).hasSize(7);
    assertThat(c.missing()).isEqualTo(1667);
  }
}
