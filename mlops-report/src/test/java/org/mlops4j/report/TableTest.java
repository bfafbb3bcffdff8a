package org.mlops4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void numericColumns_areAlignedRightAndNumbersRoundedToFourSignificantDigits() {
    String html =
        Table.builder()
            .caption("c <1>")
            .columns("name", "value")
            .numeric(1)
            .row("<a>", 0.123456)
            .row("b", null)
            .row("c", Double.NaN)
            .build()
            .toHtml();
    assertThat(html)
        .isEqualTo(
            "<table><caption>c &lt;1&gt;</caption><thead><tr><th>name</th>"
                + "<th class=\"num\">value</th></tr></thead><tbody>\n"
                + "<tr><td>&lt;a&gt;</td><td class=\"num\">0.1235</td></tr>\n"
                + "<tr><td>b</td><td class=\"num\">–</td></tr>\n"
                + "<tr><td>c</td><td class=\"num\">–</td></tr>\n"
                + "</tbody></table>\n");
  }

  @Test
  void toneRows_getTheirClass() {
    String html = Table.builder().columns("g").row(Tone.MUTED, "small").build().toHtml();
    assertThat(html).contains("<tr class=\"tone-muted\"><td>small</td></tr>");
  }

  @Test
  void visibleRows_showsTheFirstRowsAndFoldsTheWholeTableBelow() {
    Table.Builder b = Table.builder().columns("i").visibleRows(2);
    for (int i = 0; i < 5; i++) {
      b.row("row" + i);
    }
    String html = b.build().toHtml();
    int fold = html.indexOf("<details><summary>All 5 rows</summary>");
    assertThat(fold).isPositive();
    assertThat(html.substring(0, fold)).contains("row0", "row1").doesNotContain("row2");
    assertThat(html.substring(fold)).contains("row0", "row1", "row2", "row3", "row4");
  }

  @Test
  void shortTables_areNotFoldedButFoldedTablesAre() {
    assertThat(Table.builder().columns("i").visibleRows(2).row("x").build().toHtml())
        .doesNotContain("<details>");
    assertThat(Table.builder().columns("i").folded("Every <rate>").row("x").build().toHtml())
        .startsWith("<details><summary>Every &lt;rate&gt;</summary><table>");
  }

  @Test
  void misuse_saysWhatIsWrong() {
    assertThatThrownBy(() -> Table.builder().row("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Set the columns with columns(...) before adding rows.");
    assertThatThrownBy(() -> Table.builder().columns("a", "b").row("x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cells must be one per column (2), but was 1");
    assertThatThrownBy(() -> Table.builder().columns("a").numeric(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column must be a column index below 1, but was 1");
    assertThatThrownBy(() -> Table.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Set the columns with columns(...) before build().");
    assertThat(Table.builder().columns("a", "b").row("x", "y").build().size()).isEqualTo(1);
  }
}
