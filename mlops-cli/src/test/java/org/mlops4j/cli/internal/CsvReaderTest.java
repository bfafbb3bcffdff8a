package org.mlops4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.mlops4j.api.MlopsException;

class CsvReaderTest {

  static List<List<String>> records(String text) {
    List<List<String>> out = new ArrayList<>();
    try (CsvReader r = new CsvReader(new StringReader(text), "t.csv")) {
      while (r.next()) {
        List<String> rec = new ArrayList<>();
        for (int i = 0; i < r.fieldCount(); i++) {
          rec.add(r.field(i));
        }
        out.add(rec);
      }
    }
    return out;
  }

  @Test
  void quotedFields_keepCommasNewlinesAndDoubledQuotes() {
    // RFC 4180 section 2, rules 5-7
    String text = "a,b,c\r\n\"x, y\",\"line1\nline2\",\"say \"\"hi\"\"\"\r\n1,,3";
    assertThat(records(text))
        .containsExactly(
            List.of("a", "b", "c"),
            List.of("x, y", "line1\nline2", "say \"hi\""),
            List.of("1", "", "3"));
  }

  @Test
  void lineEnds_mayBeLfCrlfOrCr_andTheLastIsOptional() {
    assertThat(records("a\nb\r\nc\rd"))
        .containsExactly(List.of("a"), List.of("b"), List.of("c"), List.of("d"));
    assertThat(records("a,b\n")).containsExactly(List.of("a", "b"));
  }

  @Test
  void blankLines_andByteOrderMark_areSkipped() {
    assertThat(records("\uFEFFh\n\n1\n\n")).containsExactly(List.of("h"), List.of("1"));
  }

  @Test
  void trailingComma_makesAnEmptyLastField() {
    assertThat(records("a,b,\n\"\",x,"))
        .containsExactly(List.of("a", "b", ""), List.of("", "x", ""));
  }

  @Test
  void recordLine_isThePhysicalLineWhereTheRecordStarts() {
    try (CsvReader r = new CsvReader(new StringReader("h\n\"a\nb\"\nc\n"), "t.csv")) {
      r.next();
      assertThat(r.recordLine()).isEqualTo(1);
      r.next();
      assertThat(r.recordLine()).isEqualTo(2);
      r.next();
      assertThat(r.recordLine()).isEqualTo(4);
      assertThat(r.recordNumber()).isEqualTo(3);
    }
  }

  @Test
  void unclosedQuote_isAnErrorNamingTheLineWhereItOpened() {
    assertThatThrownBy(() -> records("a\n\"open\n\nstill"))
        .isInstanceOf(MlopsException.class)
        .hasMessage("t.csv: line 2: a quoted field is never closed (end of file inside quotes)");
  }

  @Test
  void quoteInsideUnquotedField_isAnError() {
    assertThatThrownBy(() -> records("a\nab\"c"))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            "t.csv: line 2: a quote inside an unquoted field (quote the field and double the"
                + " quote)");
  }

  @Test
  void textAfterClosingQuote_isAnError() {
    assertThatThrownBy(() -> records("\"a\"b"))
        .isInstanceOf(MlopsException.class)
        .hasMessage("t.csv: line 1: text after the closing quote of a field");
  }

  @Test
  void number_acceptsDecimalsOnly() {
    String text = "1,-2.5,.5,1e-3,+7, 8 ,NaN,Infinity,0x10,1d,abc,,1e999,-,1.,2E+2";
    try (CsvReader r = new CsvReader(new StringReader(text), "t.csv")) {
      r.next();
      double[] got = new double[r.fieldCount()];
      for (int i = 0; i < got.length; i++) {
        got[i] = r.number(i);
      }
      assertThat(got)
          .containsExactly(
              1,
              -2.5,
              .5,
              1e-3,
              7,
              8,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              1.0,
              200.0);
    }
  }

  @Test
  void number_readsLongIntegersExactlyAsJavaDoes() {
    try (CsvReader r =
        new CsvReader(new StringReader("123456789012345,1234567890123456789"), "t.csv")) {
      r.next();
      assertThat(r.number(0)).isEqualTo(123456789012345d);
      assertThat(r.number(1)).isEqualTo(Double.parseDouble("1234567890123456789"));
    }
  }

  @Test
  void fieldsLongerThanTheBuffer_areReadWhole() {
    String big = "x".repeat(200_000);
    assertThat(records("a," + big + "\n\"" + big + "\""))
        .containsExactly(List.of("a", big), List.of(big));
  }

  /** Writing any table with RFC 4180 quoting and reading it back gives the same cells. */
  @Property(tries = 200)
  void anyQuotedTable_readsBackUnchanged(
      @ForAll @Size(min = 1, max = 5)
          List<@Size(min = 1, max = 4) List<@StringLength(max = 6) String>> rows) {
    StringBuilder sb = new StringBuilder();
    List<List<String>> expected = new ArrayList<>();
    for (List<String> row : rows) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i).replace("\uFEFF", "");
        cells.add(cell);
        if (i > 0) {
          sb.append(',');
        }
        sb.append('"').append(cell.replace("\"", "\"\"")).append('"');
      }
      sb.append("\r\n");
      expected.add(cells);
    }
    assertThat(records(sb.toString())).isEqualTo(expected);
  }

  @Test
  void anotherDelimiter_separatesFields_andCommasAreThenText() {
    try (CsvReader r = new CsvReader(new StringReader("a;b\n\"x;y\";1,5\n"), "t.csv", ';')) {
      assertThat(r.next()).isTrue();
      assertThat(r.fieldCount()).isEqualTo(2);
      assertThat(r.next()).isTrue();
      assertThat(r.field(0)).isEqualTo("x;y");
      assertThat(r.field(1)).isEqualTo("1,5");
    }
    try (CsvReader r = new CsvReader(new StringReader("a\tb\n1\t2\n"), "t.csv", '\t')) {
      r.next();
      r.next();
      assertThat(r.number(1)).isEqualTo(2.0);
    }
  }

  @Test
  void aQuoteOrALineBreak_cannotBeTheDelimiter() {
    assertThatThrownBy(() -> new CsvReader(new StringReader(""), "t.csv", '"'))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delimiter must be neither a quote nor a line break, but was \"");
  }

  @Test
  void date_parsesIsoDatesOfAField() {
    try (CsvReader r = new CsvReader(new StringReader("2013-01-27,x\n"), "t.csv")) {
      r.next();
      assertThat(r.date(0)).isEqualTo(1359244800.0);
      assertThat(r.date(1)).isNaN();
    }
  }
}
