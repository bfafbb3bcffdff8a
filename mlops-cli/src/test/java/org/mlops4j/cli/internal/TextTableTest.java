package org.mlops4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void table_padsColumns_andAlignsNumbersRight() {
    List<String[]> rows = TextTable.rows("name", "value", "note");
    rows.add(new String[] {"a", "1.5", "x"});
    rows.add(new String[] {"long name", "-20", "0.1.0-SNAPSHOT"});
    assertThat(TextTable.table(rows))
        .isEqualTo(
            "name       value  note\n"
                + "a            1.5  x\n"
                + "long name    -20  0.1.0-SNAPSHOT\n");
    assertThat(TextTable.table(rows, false)).contains("a          1.5    x\n");
  }

  @Test
  void num_printsIntegersWhole_fourDecimals_orScientific_andDashForNaN() {
    assertThat(TextTable.num(3)).isEqualTo("3");
    assertThat(TextTable.num(0.123456)).isEqualTo("0.1235");
    assertThat(TextTable.num(1.554e-5)).isEqualTo("1.554e-05");
    assertThat(TextTable.num(Double.NaN)).isEqualTo("-");
  }

  @Test
  void table_escapesControlCharactersInEveryCell_beforeMeasuringWidths() {
    List<String[]> rows = TextTable.rows("name", "value");
    rows.add(new String[] {"a\nb", "\u001b[31mred"});
    rows.add(new String[] {"t\tz", "\u202eevil"});
    // expected by hand: line feed and tab become 2 visible characters, ESC 4, U+202E 6; the columns
    // are as wide as the escaped cells
    assertThat(TextTable.table(rows))
        .isEqualTo("name  value\n" + "a\\nb  \\x1b[31mred\n" + "t\\tz  \\u202eevil\n");
  }
}
