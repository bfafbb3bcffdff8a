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
}
