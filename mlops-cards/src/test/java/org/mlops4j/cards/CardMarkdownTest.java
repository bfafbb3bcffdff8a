package org.mlops4j.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The Hugging Face card: its front matter parsed by SnakeYAML, its body escaped. */
class CardMarkdownTest {

  @SuppressWarnings("unchecked")
  static Map<String, Object> frontMatter(String md) {
    assertTrue(md.startsWith("---\n"), md);
    int end = md.indexOf("\n---\n", 4);
    assertTrue(end > 0, md);
    Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(md.substring(4, end + 1));
    return (Map<String, Object>) doc;
  }

  @Test
  @SuppressWarnings("unchecked")
  void frontMatter_hasTheHuggingFaceStructure() {
    Map<String, Object> y = frontMatter(CardFixtures.full().build().toMarkdown());
    assertEquals("apache-2.0", y.get("license"));
    assertEquals(List.of("mlops4j", "model-card"), y.get("tags"));
    assertEquals(List.of("applications-2025", "applications-2026-q3"), y.get("datasets"));
    assertEquals("tabular-classification", y.get("pipeline_tag"));
    List<Object> metrics = (List<Object>) y.get("metrics");
    assertEquals("accuracy", metrics.get(0));
    assertTrue(metrics.contains("selection_rate"));
    List<Map<String, Object>> index = (List<Map<String, Object>>) y.get("model-index");
    assertEquals("credit-risk", index.get(0).get("name"));
    Map<String, Object> result = ((List<Map<String, Object>>) index.get(0).get("results")).get(0);
    assertEquals(
        Map.of("type", "tabular-classification", "name", "Tabular Classification"),
        result.get("task"));
    assertEquals(
        Map.of("name", "applications-2026-q3", "type", "applications_2026_q3"),
        result.get("dataset"));
    List<Map<String, Object>> m = (List<Map<String, Object>>) result.get("metrics");
    assertEquals(Map.of("type", "accuracy", "value", 0.4875, "name", "accuracy"), m.get(0));
    // overall selection rate: numpy pred.mean() over the 240 rows
    Map<String, Object> sel =
        m.stream().filter(x -> x.get("type").equals("selection_rate")).findFirst().orElseThrow();
    assertEquals("selection rate", sel.get("name"));
    assertTrue(sel.get("value") instanceof Double);
  }

  @Test
  @SuppressWarnings("unchecked")
  void hostileStrings_readBackUnchangedThroughYaml() {
    ModelCard card = CardFixtures.hostile();
    Map<String, Object> y = frontMatter(card.toMarkdown());
    String h = CardFixtures.HOSTILE;
    assertEquals("other", y.get("license"));
    assertEquals(List.of("mlops4j", "model-card", h), y.get("tags"));
    assertEquals(List.of(h), y.get("datasets"));
    assertEquals(h, y.get("pipeline_tag"));
    Map<String, Object> index = ((List<Map<String, Object>>) y.get("model-index")).get(0);
    assertEquals(h, index.get("name"));
    Map<String, Object> result = ((List<Map<String, Object>>) index.get("results")).get(0);
    assertEquals(h, ((Map<String, Object>) result.get("dataset")).get("name"));
    Map<String, Object> metric = ((List<Map<String, Object>>) result.get("metrics")).get(0);
    assertEquals(h, metric.get("name"));
  }

  @Test
  void yaml_escapesControlAndLineSeparatorCharacters() {
    String odd = "a\u0000b\u0085c\u2028d\te: #f";
    Object back =
        new Yaml(new SafeConstructor(new LoaderOptions())).load("k: " + CardMarkdown.yaml(odd));
    assertEquals(Map.of("k", odd), back);
  }

  @Test
  void body_escapesMarkupAndMarkdown() {
    String md = CardFixtures.hostile().toMarkdown();
    String body = md.substring(md.indexOf("\n---\n", 4) + 5);
    assertFalse(body.contains("<script>"), body);
    assertTrue(body.contains("&lt;script&gt;"), body);
    assertTrue(body.contains("\\[link\\](x)"), body);
    assertTrue(body.contains("\\# not a comment"), body);
    assertTrue(body.contains("\\|"), body);
  }

  @Test
  void body_followsTheHuggingFaceTemplateSections() {
    String md = CardFixtures.full().build().toMarkdown();
    List<String> headings = md.lines().filter(l -> l.startsWith("## ")).toList();
    assertEquals(
        List.of(
            "## Model Details",
            "## Uses",
            "## Bias, Risks, and Limitations",
            "## Training Details",
            "## Evaluation",
            "## Promotion Gates",
            "## Citation",
            "## Card Completeness"),
        headings);
    assertTrue(md.contains("#### Intersectional results"), md);
    assertTrue(
        md.contains("| selection rate | sex=F | 0.491667 | [0.403876, 0.579975] | 120 |"), md);
  }

  @Test
  void md_escapesLineStartsThatWouldBecomeLists() {
    assertEquals("\\- a", CardMarkdown.md("- a"));
    assertEquals("1\\. a", CardMarkdown.md("1. a"));
    assertEquals("a - b", CardMarkdown.md("a - b"));
  }
}
