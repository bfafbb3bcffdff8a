package org.mlops4j.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mlops4j.fairness.Decisions;
import org.mlops4j.fairness.FairnessAuditor;
import org.mlops4j.fairness.FairnessReport;

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

  private static ModelCard.Builder bare() {
    return ModelCard.builder().name("m").version("1");
  }

  private static QuantitativeResult rate(String slice, double value, long rows, String flag) {
    return new QuantitativeResult(
        "selection rate", slice, value, value - 0.1, value + 0.1, 0.95, "wilson", rows, flag);
  }

  @Test
  void chartLabels_keepTheFeatureName_ofRangesAndComparisons() {
    String html =
        bare()
            .analysis(rate("age=[24, 29)", 0.4, 300, ""))
            .analysis(rate("score<=0.5", 0.3, 300, ""))
            .analysis(rate("score>=0.5", 0.2, 300, ""))
            .analysis(rate("age<24|sex=F", 0.5, 300, ""))
            .analysis(rate("age>=52|sex=M", 0.6, 300, ""))
            .build()
            .toHtml();

    List<String> texts = CardSliceTest.chartTexts(html);
    for (String label :
        List.of(
            "age=[24, 29)",
            "score&lt;=0.5",
            "score&gt;=0.5",
            "age&lt;24 · sex=F",
            "age&gt;=52 · sex=M")) {
      assertTrue(texts.contains(label), label + " in " + texts);
    }
  }

  @Test
  void longChartLabels_ofThreeConditions_areDrawnWhole() {
    // 45 and 47 characters: the report toolkit's default label column keeps 27 (180 px / 6.6 px)
    String label = "age=[24, 29) · priors_count=[0, 1) · sex=Male";
    assertEquals(45, label.length());
    assertEquals(47, "age=[29, 35) · priors_count=[1, 3) · sex=Female".length());
    String html =
        bare()
            .analysis(rate("age=[24, 29)|priors_count=[0, 1)|sex=Male", 0.4, 300, ""))
            .analysis(rate("age=[29, 35)|priors_count=[1, 3)|sex=Female", 0.3, 300, ""))
            .build()
            .toHtml();

    List<String> texts = CardSliceTest.chartTexts(html);
    assertTrue(texts.contains(label), label + " in " + texts);
    assertTrue(texts.contains("age=[29, 35) · priors_count=[1, 3) · sex=Female"), texts.toString());
    assertTrue(texts.stream().noneMatch(t -> t.contains("…")), texts.toString());
  }

  @Test
  void chartLabels_ofGroupsOfTheSameFeatures_nameTheFeaturesOnce() {
    CardHtml.ChartLabels same =
        CardHtml.chartLabels(List.of("race=A|sex=F", "race=B|sex=M", "race=A|sex=M"));
    assertEquals(List.of("A · F", "B · M", "A · M"), same.labels());
    assertEquals("race · sex", same.features());
    CardHtml.ChartLabels mixed = CardHtml.chartLabels(List.of("race=A", "sex=F"));
    assertEquals(List.of("race=A", "sex=F"), mixed.labels());
    assertEquals("", mixed.features());
    CardHtml.ChartLabels ranges = CardHtml.chartLabels(List.of("age=[24, 29)", "age=[29, 35)"));
    assertEquals(List.of("age=[24, 29)", "age=[29, 35)"), ranges.labels());
    assertEquals("", ranges.features());
  }

  @Test
  void onlyAGroupTooSmallToJudge_isHatched() {
    String other =
        bare()
            .analysis(rate("g=a", 0.5, 200, "estimated on a subsample"))
            .analysis(rate("g=b", 0.4, 200, ""))
            .build()
            .toHtml();
    String small =
        bare()
            .analysis(rate("g=a", 0.5, 32, "n=32 < 100, too small to judge"))
            .analysis(rate("g=b", 0.4, 200, ""))
            .build()
            .toHtml();

    assertEquals(0, hatchedBars(other), "a note that is not 'too small' draws a plain bar");
    assertTrue(other.contains("estimated on a subsample"), "the note stays in the table");
    assertEquals(1, hatchedBars(small));
  }

  @Test
  void tooSmallNotes_fitInsideTheChart() {
    String html =
        bare()
            .analysis(rate("race=Asian", 0.25, 32, "n=32 < 100, too small to judge"))
            .analysis(rate("race=Native American", 0.667, 18, "n=18 < 100, too small to judge"))
            .analysis(rate("race=African-American", 0.588, 3696, ""))
            .build()
            .toHtml();

    List<String> texts = CardSliceTest.chartTexts(html);
    assertTrue(texts.contains("n=32, too small"), texts.toString());
    // every value with its note ends inside its chart: x + characters * 6.6 px (the toolkit's
    // width of an 11 px character) <= the chart's width
    Matcher svg =
        Pattern.compile("<svg[^>]* width=\"([0-9.]+)\".*?</svg>", Pattern.DOTALL).matcher(html);
    int notes = 0;
    while (svg.find()) {
      double width = Double.parseDouble(svg.group(1));
      Matcher t =
          Pattern.compile("<text x=\"([0-9.]+)\"[^>]*>([^<]*)<tspan[^>]*>([^<]*)</tspan>")
              .matcher(svg.group());
      while (t.find()) {
        notes++;
        double end = Double.parseDouble(t.group(1)) + (t.group(2) + t.group(3)).length() * 6.6;
        assertTrue(end <= width, t.group() + " ends at " + end + " > " + width);
      }
    }
    assertEquals(2, notes);
  }

  @Test
  void aTooSmallGroup_isSaidOnce_inTheLegendAndTheNotes() {
    FairnessReport report =
        FairnessAuditor.builder()
            .bootstrap(200, 7)
            .calibration(true)
            .minGroupSize(50)
            .build()
            .audit(
                Decisions.ofScores(CardFixtures.labels(), CardFixtures.scores(), 0.5)
                    .groups("race", CardFixtures.race())
                    .groups("sex", CardFixtures.sex()));
    String undefined = "undefined: PPV undefined for group 'g=a': no positive predictions";
    String html =
        bare()
            .fairness(report)
            .analysis(rate("g=a|h=b", 0.0, 2, "n=2 < 100, too small to judge"))
            .analysis(
                new QuantitativeResult(
                    "precision (PPV)",
                    "g=a|h=b",
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    "",
                    2,
                    "n=2 < 100, too small to judge; " + undefined))
            .build()
            .toHtml();

    List<String> texts = CardSliceTest.chartTexts(html);
    // race A is 80 of the 240 rows, 40 of each sex (CardFixtures): below 50, too small
    assertTrue(texts.contains("n=40, too small"), texts.toString());
    assertFalse(texts.stream().anyMatch(t -> t.contains("n=40, n=40")), texts.toString());
    assertEquals(1, count(html, "n=2 &lt; 100, too small to judge"), "the note of g=a|h=b");
    assertTrue(texts.contains("undefined: no positive predictions, n=2"), texts.toString());
  }

  private static int hatchedBars(String html) {
    return count(html, "fill=\"url(#");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void bareCard_rendersWithTheMissingSectionsCalledOut() {
    String html = ModelCard.builder().name("bare").version("1").build().toHtml();
    assertTrue(html.contains("Incomplete: 17 sections missing"), html);
  }
}
