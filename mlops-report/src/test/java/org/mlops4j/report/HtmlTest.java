package org.mlops4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escape_replacesTheFiveCharactersOwaspNames() {
    // Expected text written by hand from OWASP XSS prevention rule #1.
    assertThat(Html.escape("<a href=\"x\">Tom & 'Jerry'</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  }

  @Test
  void escape_returnsPlainTextAsIs() {
    String s = "age_years";
    assertThat(Html.escape(s)).isSameAs(s);
  }

  @Test
  void escape_null_isNamed() {
    assertThatThrownBy(() -> Html.escape(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text must not be null");
  }
}
