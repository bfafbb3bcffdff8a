package org.mlops4j.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CardFormatTest {

  @Test
  void fromKey_readsTheCliWords() {
    assertEquals(CardFormat.JSON, CardFormat.fromKey("json"));
    assertEquals(CardFormat.MARKDOWN, CardFormat.fromKey("md"));
    assertEquals(CardFormat.MARKDOWN, CardFormat.fromKey("Markdown"));
    assertEquals(CardFormat.HTML, CardFormat.fromKey("HTML"));
    assertEquals("model-card.md", CardFormat.MARKDOWN.fileName());
  }

  @Test
  void fromKey_refusesAnUnknownWord() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CardFormat.fromKey("pdf"));
    assertEquals("format must be one of json, md, html, but was 'pdf'", e.getMessage());
  }
}
