package org.mlops4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected: the escape forms chosen in TerminalText's javadoc, written out by hand. */
class TerminalTextTest {

  @Test
  void escape_writesLineBreaksAndTabsAsBackslashLetters() {
    assertThat(TerminalText.escape("a\nb\tc\rd")).isEqualTo("a\\nb\\tc\\rd");
  }

  @Test
  void escape_writesOtherC0_Del_andC1AsTwoHexDigits() {
    assertThat(TerminalText.escape("\u0000\u0007\u001b[31mred\u001b[0m\u007f\u0080\u009b\u009f"))
        .isEqualTo("\\x00\\x07\\x1b[31mred\\x1b[0m\\x7f\\x80\\x9b\\x9f");
  }

  @Test
  void escape_writesLineSeparatorsAndBidiControlsAsFourHexDigits() {
    assertThat(TerminalText.escape("\u2028\u2029\u202a\u202b\u202c\u202d\u202e"))
        .isEqualTo("\\u2028\\u2029\\u202a\\u202b\\u202c\\u202d\\u202e");
    assertThat(TerminalText.escape("\u2066\u2067\u2068\u2069"))
        .isEqualTo("\\u2066\\u2067\\u2068\\u2069");
  }

  @Test
  void escape_keepsPrintableText_asTheSameString() {
    String text = "café 日本 naïve \\n <b> \u00a0\u00ff\u2027\u202f\u2065\u206a 🙂";
    assertThat(TerminalText.escape(text)).isSameAs(text);
  }

  @Test
  void escape_makesAMessageOneLine() {
    assertThat(TerminalText.escape("a\r\nb\u000bc\u000cd\u0085e"))
        .isEqualTo("a\\r\\nb\\x0bc\\x0cd\\x85e")
        .doesNotContain("\n");
  }

  @Test
  void escapeLines_escapesEachLine_andEndsWithOneLineFeed() {
    assertThat(TerminalText.escapeLines("a\u001b[31m\r\nb\tc\n\n"))
        .isEqualTo("a\\x1b[31m\nb\\tc\n");
    assertThat(TerminalText.escapeLines("one")).isEqualTo("one\n");
    assertThat(TerminalText.escapeLines("")).isEmpty();
  }
}
