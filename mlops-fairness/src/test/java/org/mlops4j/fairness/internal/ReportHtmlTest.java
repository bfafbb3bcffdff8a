package org.mlops4j.fairness.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.RateMetric;
import org.mlops4j.report.Element;
import org.mlops4j.report.Page;
import org.mlops4j.report.Section;

class ReportHtmlTest {

  private static final FairnessReport COMPAS = ExampleReports.compasLike();

  @Test
  void page_putsTheVerdictAndTheHeadlineCriteriaBeforeTheCharts() {
    String html = COMPAS.toHtml();
    int about = html.indexOf("What this is about");
    int verdict = html.indexOf("<h2>Verdict</h2>");
    int tiles = html.indexOf("class=\"figures\"");
    int rates = html.indexOf("<h2>Rates by group</h2>");
    int calibration = html.indexOf("<h2>Calibration</h2>");
    int disparities = html.indexOf("<h2>Disparities</h2>");
    assertThat(about).isPositive();
    assertThat(verdict).isGreaterThan(about);
    assertThat(tiles).isGreaterThan(verdict).isLessThan(rates);
    assertThat(calibration).isGreaterThan(rates);
    assertThat(disparities).isGreaterThan(calibration);
    assertThat(html).contains("Four-fifths rule failed").contains("demographic parity ratio");
  }

  @Test
  void page_saysWhatItIsAbout() {
    String html = COMPAS.toHtml();
    assertThat(html)
        .contains("<dt>sensitive attribute</dt><dd>race</dd>")
        .contains("<dt>rows</dt><dd>7214</dd>")
        .contains("<dt>reference group</dt><dd>Caucasian</dd>")
        .contains("<dt>minimum group size</dt><dd>30 rows</dd>")
        .contains("500 resamples, seed 42")
        .contains("<dt>calibration</dt><dd>10 equal-width bins</dd>")
        .contains("<dt>created</dt><dd>" + COMPAS.createdAt() + "</dd>")
        .contains("<dt>library</dt><dd>mlops4j ");
  }

  @Test
  void groupOf18_isFlaggedTooSmallInTheVerdictTheBarsAndTheCalibrationCurves() {
    String html = COMPAS.toHtml();
    assertThat(html).contains("1 group too small to judge").contains("&#39;Native American&#39;");
    // bars: hatched, with the flag beside the value; calibration: flagged in the legend
    assertThat(html).contains("n=18, too small").contains("too small, not judged");
    assertThat(html).contains("Native American: ").contains("(n=18, too small)");
  }

  @Test
  void barCharts_haveOnePanelPerRateWithIntervalsAndTheOverallLine() {
    String html = COMPAS.toHtml();
    for (String title : new String[] {"Selection rate", "Base rate", "TPR", "FPR", "PPV"}) {
      assertThat(html).contains("aria-label=\"" + title + "\"");
    }
    assertThat(html).contains(", interval ").contains("all rows 0.");
  }

  @Test
  void longDisparityTables_showTheFirstFiveAndFoldTheRest() {
    String html = COMPAS.toHtml();
    assertThat(html).contains("<caption>Largest differences</caption>");
    assertThat(html).contains("<caption>Smallest ratios</caption>");
    assertThat(html).containsPattern("<details><summary>All [0-9]+ rows</summary>");
  }

  @Test
  void html_isTheSameEveryTimeItIsWritten() {
    assertThat(COMPAS.toHtml()).isEqualTo(COMPAS.toHtml());
  }

  @Test
  void toSection_putsTheReportOnAUsersPageWithItsSectionsOneLevelDown() {
    Section s = COMPAS.toSection();
    assertThat(s.heading()).isEqualTo("Fairness by race");
    String html =
        Page.builder()
            .title("Model review")
            .section("Our notes", Element.paragraph("Signed off."))
            .add(COMPAS)
            .build()
            .toHtml();
    assertThat(html)
        .contains("<h2>Fairness by race</h2>")
        .contains("<h3>Verdict</h3>")
        .contains("<h3>Rates by group</h3>")
        .contains("<h2>Our notes</h2>");
  }

  /**
   * The top of the COMPAS-like page: what it is about and the verdict, for a screenshot (with a
   * fixed time, so that the picture changes only when the page does).
   */
  private static Page verdictExcerpt() {
    Map<String, Object> about = new LinkedHashMap<>(ReportHtml.about(COMPAS));
    about.put("created", "2024-06-30T12:00:00Z");
    return Page.builder()
        .title("Fairness report")
        .subtitle(ReportHtml.subtitle(COMPAS))
        .about(about)
        .add(ReportHtml.sections(COMPAS).get(0))
        .build();
  }

  /** The charts of the COMPAS-like page without its tables, for a screenshot that fits. */
  private static Page chartsExcerpt() {
    return Page.builder()
        .title("Fairness report: the charts")
        .subtitle(ReportHtml.subtitle(COMPAS))
        .section(
            "Rates by group",
            Element.grid(
                ReportHtml.bars(COMPAS, RateMetric.SELECTION_RATE),
                ReportHtml.bars(COMPAS, RateMetric.TPR),
                ReportHtml.bars(COMPAS, RateMetric.FPR),
                ReportHtml.bars(COMPAS, RateMetric.PPV)))
        .section(
            "Calibration",
            Element.grid(ReportHtml.calibrationChart(COMPAS), ReportHtml.eceBars(COMPAS)))
        .build();
  }

  /**
   * Writes the example pages to the folder named by the system property {@code mlops.examples} (the
   * screenshot script sets it); without it, checks only that they are made.
   */
  @Test
  void examplePages_areWrittenWhereTheScreenshotScriptAsks() {
    String dir = System.getProperty("mlops.examples");
    var counterfactual = ExampleReports.counterfactual();
    var consistency = ExampleReports.consistency();
    assertThat(counterfactual.toHtml()).startsWith("<!DOCTYPE html>");
    assertThat(consistency.toHtml()).startsWith("<!DOCTYPE html>");
    Page charts = chartsExcerpt();
    Page verdict = verdictExcerpt();
    assertThat(charts.toHtml()).contains("<svg");
    assertThat(verdict.toHtml()).contains("Four-fifths rule failed");
    if (dir != null && !dir.isBlank()) {
      COMPAS.saveHtml(Path.of(dir, "fairness.html"));
      verdict.save(Path.of(dir, "fairness-verdict.html"));
      charts.save(Path.of(dir, "fairness-charts.html"));
      counterfactual.save(Path.of(dir, "counterfactual.html"));
      consistency.save(Path.of(dir, "consistency.html"));
    }
  }

  @Test
  void theCreatedTimeShowsTheMillisecondAtMost() {
    // issue 12: the "created" line showed Instant.toString's micro- or nanoseconds
    assertThat(COMPAS.toHtml())
        .contains(org.mlops4j.report.internal.Json.timestamp(COMPAS.createdAt()))
        .doesNotContainPattern("T\\d\\d:\\d\\d:\\d\\d\\.\\d{4,}Z");
  }
}
