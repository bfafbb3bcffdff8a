package org.mlops4j.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mlops4j.api.MlopsException;
import org.mlops4j.report.internal.Json;
import org.mlops4j.slices.SliceData;
import org.mlops4j.slices.SliceFinder;
import org.mlops4j.slices.SliceReport;

/**
 * The slices of a slice report on a card ({@link ModelCard.Builder#slices(SliceReport)}), on the
 * rows of {@link CardFixtures#slices()}. Expected numbers, numpy 2.4.6 and scipy 1.17.1:
 *
 * <pre>
 * z = norm.ppf(0.975); n = 50; p = 30 / n                       # the slice region=N|band=x
 * c = (p + z*z/(2n)) / (1 + z*z/n); h = z/(1 + z*z/n) * sqrt(p(1-p)/n + z*z/(4n*n))
 *   -> Wilson [0.4618143774758936, 0.7239161026974346]
 * rest = 40 / 150 = 0.266667; pooled = 70 / 200
 * zz = (0.6 - rest) / sqrt(pooled (1 - pooled) (1/50 + 1/150)) = 4.279605; norm.sf(zz) = 9.3613e-06
 * false_discovery_control([0.5]*4 + [pv, pv] + [~1, ~1]) -> 3.74450716e-05 for both slices
 * </pre>
 */
class CardSliceTest {

  private static final double WILSON_LOWER = 0.4618143774758936;
  private static final double WILSON_UPPER = 0.7239161026974346;
  private static final double P_ADJUSTED = 3.74450716e-05;

  private static ModelCard card() {
    return ModelCard.builder().name("m").version("1").slices(CardFixtures.slices()).build();
  }

  private static CardSlice find(ModelCard card, String name) {
    return card.slices().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no slice " + name + " in " + card.slices()));
  }

  @Test
  void slices_becomeTheirOwnAnalysis_withTheReportsNumbers() {
    ModelCard card = card();

    assertEquals(2, card.slices().size(), card.slices().toString());
    CardSlice s = find(card, "region=N|band=x");
    assertEquals("error rate", s.measure());
    assertEquals(50, s.rows());
    assertEquals(0.6, s.value(), 1e-12);
    assertEquals(WILSON_LOWER, s.lower(), 1e-9);
    assertEquals(WILSON_UPPER, s.upper(), 1e-9);
    assertEquals(0.95, s.level(), 1e-12);
    assertEquals("wilson", s.method());
    assertEquals(150, s.restRows());
    assertEquals(40.0 / 150, s.restValue(), 1e-12);
    assertEquals(0.6 - 40.0 / 150, s.difference(), 1e-12);
    assertEquals(P_ADJUSTED, s.pAdjusted(), 1e-12);
    find(card, "region=S|band=y");
    // not mixed with the fairness groups: no analysis, no intersectional result
    assertTrue(card.analyses().isEmpty(), card.analyses().toString());
    assertEquals(70.0 / 200, card.sliceOverall().orElseThrow(), 1e-12);
  }

  @Test
  void slices_stateTheSearch_theUncertaintyAndTheFeaturesAsAFactor() {
    ModelCard card = card();

    assertEquals(
        "8 slices of up to 2 conditions examined over region, band, each of at least 30 rows;"
            + " its error rate compared with the rest's by a two-proportion z-test (pooled),"
            + " one-sided; Benjamini-Hochberg at 0.05, effect size at least 0.2: 2 significant",
        card.sliceSearch());
    assertTrue(
        card.uncertainty().startsWith("Slices: 95% Wilson score intervals"), card.uncertainty());
    assertEquals(
        List.of(
            "Slices over region, band and their combinations (searched for where the model errs"
                + " most)"),
        card.factors());
    assertFalse(card.completeness().missingSections().contains("quantitative analyses"));
    assertTrue(
        card.toString().contains("slices:       2 where the model errs most"), card.toString());
  }

  @Test
  void html_showsTheSlicesWithRestDifferenceAndAdjustedP() {
    String html = card().toHtml();

    assertTrue(html.contains(">Where the model errs most</h3>"), html);
    assertTrue(html.contains("Where the model errs most, largest effect size first"), html);
    assertTrue(html.contains("region=N | band=x"), html);
    assertTrue(html.contains("0.600 [0.462, 0.724]"), html);
    assertTrue(html.contains("0.267 (150 rows)"), html);
    assertTrue(html.contains("+0.333"), html);
    assertTrue(html.contains("3.7e-05"), html);
    assertTrue(chartTexts(html).contains("region=N · band=x"), chartTexts(html).toString());
    assertTrue(chartTexts(html).contains("all rows 0.350"), chartTexts(html).toString());
  }

  @Test
  void markdown_hasATableOfTheSlices() {
    String md = card().toMarkdown();

    assertTrue(md.contains("#### Where the model errs most\n"), md);
    assertTrue(
        md.contains("| slice | rows | error rate | interval | rest | difference | adjusted p |\n"),
        md);
    assertTrue(
        md.contains(
            "| region=N \\| band=x | 50 | 0.6 | [0.461814, 0.723916] | 0.266667 | +0.3333 |"
                + " 3.7e-05 |"),
        md);
    assertTrue(md.contains("error rate by slice"), "listed among the metrics reported");
  }

  @Test
  void json_holdsTheSlicesAsMetricsAndTheirTestsInTheDocumentation() throws Exception {
    String json = card().toJson();

    assertEquals(Set.of(), CardFixtures.validate(json));
    JsonNode root = Json.mapper().readTree(json);
    JsonNode found = null;
    for (JsonNode m : root.path("quantitative_analysis").path("performance_metrics")) {
      if (m.path("slice").asText().equals("region=N|band=x")) {
        found = m;
      }
    }
    assertEquals("error rate", found.path("type").asText());
    assertEquals("0.6", found.path("value").asText());
    assertEquals("0.461814", found.path("confidence_interval").path("lower_bound").asText());
    assertEquals("0.723916", found.path("confidence_interval").path("upper_bound").asText());
    String doc = root.path("model_details").path("documentation").asText();
    assertTrue(
        doc.contains(
            "- region=N|band=x: n=50, error rate 0.6000 [0.4618, 0.7239] vs rest 0.2667, diff"
                + " +0.3333, p_adj=3.74e-05"),
        doc);
  }

  @Test
  void reportWithoutASignificantSlice_saysSoInEveryForm() {
    // every cell errs 10 times in 50: no slice is worse than the rest
    boolean[] errors = new boolean[200];
    String[] region = new String[200];
    for (int i = 0; i < 200; i++) {
      region[i] = i < 100 ? "N" : "S";
      errors[i] = i % 5 == 0;
    }
    SliceReport none =
        SliceFinder.defaults().audit(SliceData.ofErrors(errors).feature("region", region));
    ModelCard card = ModelCard.builder().name("m").version("1").slices(none).build();

    assertTrue(card.slices().isEmpty());
    assertTrue(card.toHtml().contains("No significant slice"));
    assertTrue(card.toMarkdown().contains("_No significant slice._"));
    assertTrue(card.toJson().contains("none significant"));
  }

  @Test
  void aSecondReport_replacesTheFirst() {
    ModelCard card =
        ModelCard.builder()
            .name("m")
            .version("1")
            .slices(CardFixtures.slices())
            .slices(CardFixtures.slices())
            .build();

    assertEquals(2, card.slices().size());
  }

  @Test
  void badArguments_areRejected_namingTheArgument() {
    NullPointerException npe =
        assertThrows(NullPointerException.class, () -> ModelCard.builder().slices(null));
    assertEquals("report must not be null", npe.getMessage());
    IllegalArgumentException blank =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new CardSlice(" ", "error rate", 1, 0.5, 0.4, 0.6, 0.95, "", 1, 0.1, 0.4, 1, 0.01));
    assertEquals("name must be non-blank, but was ' '", blank.getMessage());
    IllegalArgumentException rows =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new CardSlice(
                    "a=1", "error rate", -1, 0.5, 0.4, 0.6, 0.95, "", 1, 0.1, 0.4, 1, 0.01));
    assertEquals("rows must be non-negative, but was -1", rows.getMessage());
  }

  @Test
  void aSavedReportOfAnUnknownMeasure_isRefused_namingTheFile() {
    String json = CardFixtures.slices().toJson().replace("\"error_rate\"", "\"median\"");
    MlopsException e =
        assertThrows(
            MlopsException.class,
            () -> ResultReader.slices(ModelCard.builder(), json, "slices/report.json"));
    assertEquals(
        "slices/report.json: measure must be error_rate or mean_loss, but was 'median'",
        e.getMessage());
  }

  @Test
  void sliceNamesFromTheData_areEscaped() {
    boolean[] errors = new boolean[200];
    String[] region = new String[200];
    for (int i = 0; i < 200; i++) {
      region[i] = i < 100 ? "<script>N" : "S";
      errors[i] = i < 100 ? i % 2 == 0 : i % 10 == 0;
    }
    ModelCard card =
        ModelCard.builder()
            .name("m")
            .version("1")
            .slices(
                SliceFinder.defaults().audit(SliceData.ofErrors(errors).feature("region", region)))
            .build();

    assertEquals("region=<script>N", card.slices().get(0).name());
    assertFalse(card.toHtml().contains("<script>N"));
    assertTrue(card.toHtml().contains("region=&lt;script&gt;N"));
    assertTrue(card.toMarkdown().contains("region=&lt;script&gt;N"));
  }

  /** The texts of the page's charts: every {@code <text>} and {@code <tspan>} of its SVGs. */
  static List<String> chartTexts(String html) {
    List<String> out = new ArrayList<>();
    Matcher svg = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
    while (svg.find()) {
      Matcher t = Pattern.compile("<(text|tspan)[^>]*>([^<]*)(?=<|$)").matcher(svg.group());
      while (t.find()) {
        if (!t.group(2).isBlank()) {
          out.add(t.group(2).strip());
        }
      }
    }
    return out;
  }
}
