package org.mlops4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElementTest {

  private static final String EVIL = "<script>x</script>";
  private static final String ESCAPED = "&lt;script&gt;x&lt;/script&gt;";

  @Test
  void everyFactory_escapesItsText() {
    Map<String, Object> kv = new LinkedHashMap<>();
    kv.put(EVIL, EVIL);
    List<Element> all =
        List.of(
            Element.paragraph(EVIL),
            Element.note(EVIL),
            Element.preformatted(EVIL),
            Element.callout(Tone.BAD, EVIL, EVIL),
            Element.keyValues(kv),
            Element.bullets(List.of(EVIL)),
            Element.figures(Figure.of(EVIL, EVIL, EVIL, Tone.NEUTRAL)),
            Element.details(EVIL, Element.paragraph(EVIL)),
            Element.grid(Element.paragraph(EVIL)));
    for (Element e : all) {
      assertThat(e.toHtml()).doesNotContain("<script").contains(ESCAPED);
    }
  }

  @Test
  void callout_showsTheTonesSignAndClass() {
    assertThat(Element.callout(Tone.BAD, "Four-fifths rule failed", "").toHtml())
        .isEqualTo(
            "<div class=\"callout tone-bad\"><div class=\"callout-title\"><span class=\"sign\""
                + " aria-hidden=\"true\">✖</span> Four-fifths rule failed</div></div>\n");
    assertThat(Element.callout(Tone.GOOD, "passed", "all").toHtml())
        .contains("tone-good")
        .contains("✔")
        .contains("<div class=\"callout-text\">all</div>");
  }

  @Test
  void keyValues_writeNumbersWithFourSignificantDigitsAndNullAsADash() {
    Map<String, Object> kv = new LinkedHashMap<>();
    kv.put("ratio", 0.123456);
    kv.put("rows", 5000);
    kv.put("reference", null);
    assertThat(Element.keyValues(kv).toHtml())
        .isEqualTo(
            "<dl class=\"kv\"><div><dt>ratio</dt><dd>0.1235</dd></div><div><dt>rows</dt>"
                + "<dd>5000</dd></div><div><dt>reference</dt><dd>–</dd></div></dl>\n");
  }

  @Test
  void figures_markAJudgedToneWithASign() {
    String html =
        Element.figures(
                Figure.of("ratio", "0.61", "A vs B", Tone.BAD),
                Figure.of("difference", "0.2", "", Tone.NEUTRAL))
            .toHtml();
    assertThat(html)
        .contains(
            "<div class=\"figure tone-bad\"><div class=\"figure-label\"><span class=\"sign\">✖")
        .contains("<div class=\"figure-value\">0.61</div><div class=\"figure-detail\">A vs B</div>")
        .contains("<div class=\"figure tone-neutral\"><div class=\"figure-label\">difference");
  }

  @Test
  void gridAndDetails_wrapTheirContent() {
    assertThat(Element.grid(Element.paragraph("a"), Element.paragraph("b")).toHtml())
        .isEqualTo(
            "<div class=\"grid\"><div class=\"panel\"><p>a</p>\n</div><div class=\"panel\">"
                + "<p>b</p>\n</div></div>\n");
    assertThat(Element.details("All 80", Element.paragraph("x")).toHtml())
        .isEqualTo("<details><summary>All 80</summary><p>x</p>\n</details>\n");
  }

  @Test
  void figure_checksItsComponents() {
    assertThatThrownBy(() -> Figure.of("a", "b", null, Tone.BAD))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("detail must not be null");
  }
}
