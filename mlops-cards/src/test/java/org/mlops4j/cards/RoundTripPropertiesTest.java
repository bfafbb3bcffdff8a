package org.mlops4j.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.StringLength;
import org.mlops4j.report.internal.Json;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Any user string comes back unchanged from the front matter and the JSON, and never as a tag. */
class RoundTripPropertiesTest {

  @Property(tries = 300)
  void yamlScalar_readsBackAsWritten(@ForAll @StringLength(max = 60) String s) {
    Object back =
        new Yaml(new SafeConstructor(new LoaderOptions())).load("k: " + CardMarkdown.yaml(s));
    assertEquals(Map.of("k", s), back);
  }

  @Property(tries = 100)
  @SuppressWarnings("unchecked")
  void modelName_readsBackFromFrontMatterAndJson(@ForAll @NotBlank @StringLength(max = 40) String s)
      throws Exception {
    ModelCard card =
        ModelCard.builder().name(s).version("1").performance("accuracy", 0.5).tag(s).build();
    Map<String, Object> y = CardMarkdownTest.frontMatter(card.toMarkdown());
    assertEquals(s, ((List<Map<String, Object>>) y.get("model-index")).get(0).get("name"));
    assertEquals(s, ((List<Object>) y.get("tags")).get(2).toString());
    assertEquals(
        s, Json.mapper().readTree(card.toJson()).path("model_details").path("name").asText());
    assertFalse(card.toHtml().contains("<script>" + s), "escaped");
  }
}
