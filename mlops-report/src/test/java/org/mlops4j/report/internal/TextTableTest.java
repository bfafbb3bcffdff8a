package org.mlops4j.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void padsColumnsToTheWidestCellAndRulesTheHeader() {
    // expected text written by hand: widths 5 ("alpha") and 5 ("value"), two spaces between
    TextTable t =
        new TextTable("name", "value").row("alpha", 1).row("b", null).row("two\nlines", 2.5);
    assertThat(t.size()).isEqualTo(3);
    assertThat(t.toString())
        .isEqualTo(
            "name       value\n"
                + "----------------\n"
                + "alpha      1\n"
                + "b\n"
                + "two lines  2.5\n");
  }

  @Test
  void missingCellsAreEmptyAndExtraCellsAreDropped() {
    TextTable t = new TextTable("a", "b").row("x").row("y", "z", "ignored");
    assertThat(t.toString()).isEqualTo("a  b\n----\nx\ny  z\n");
  }
}
