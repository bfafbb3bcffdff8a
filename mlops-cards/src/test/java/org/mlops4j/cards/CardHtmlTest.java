package org.mlops4j.cards;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CardHtmlTest {

  @Test
  void hostileStrings_areEscaped() {
    String html = CardFixtures.hostile().toHtml();
    assertFalse(html.contains("<script"), "a script tag got through");
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
  }

  @Test
  void page_isSelfContained() {
    String html = CardFixtures.full().build().toHtml();
    assertFalse(html.contains("<script"));
    assertFalse(Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//").matcher(html).find());
    assertFalse(html.contains("@import"));
    assertFalse(html.contains("url(http"));
    assertTrue(html.contains("@media print"), "the toolkit's print stylesheet");
  }

  @Test
  void page_hasChartsTablesCalibrationAndGates() {
    String html = CardFixtures.full().build().toHtml();
    assertTrue(html.contains("<svg"));
    assertTrue(html.contains("Intersectional groups"));
    assertTrue(html.contains("Calibration by group"));
    assertTrue(html.contains("Promotion gates"));
    assertTrue(html.contains("Drift of the evaluation data"));
    assertTrue(html.contains("race=A | sex=F"));
    assertTrue(html.contains("A · F"), "a chart label of an intersectional group");
  }

  @Test
  void bareCard_rendersWithTheMissingSectionsCalledOut() {
    String html = ModelCard.builder().name("bare").version("1").build().toHtml();
    assertTrue(html.contains("Incomplete: 17 sections missing"), html);
  }
}
