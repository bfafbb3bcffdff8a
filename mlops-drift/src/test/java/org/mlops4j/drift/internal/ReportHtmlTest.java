package org.mlops4j.drift.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.FeatureDrift;
import org.mlops4j.report.Page;
import org.mlops4j.report.Section;

class ReportHtmlTest {

  /**
   * The example of the screenshot script: synthetic, seeded data of 2,000 reference and 1,500
   * current rows; income shifted by half a standard deviation, a steady age, a sales channel that
   * gains a category ("app") in the current, a binary membership flag, a small count (prior
   * purchases, 0 to 6, binomial with 6 trials: a chance of 0.30 per trial in the reference, 0.34 in
   * the current), a column without a value, the date of the last order (time: over 2025 in the
   * reference, the current's a quarter later), a customer number (a numeric identifier, skipped)
   * and a free-text column the caller left out.
   */
  static final DriftReport EXAMPLE = example();

  private static DriftReport example() {
    Columns reference = columns(new SplittableRandom(7), 2000, false);
    Columns current = columns(new SplittableRandom(8), 1500, true);
    DriftReport r = DriftDetector.defaults().compare(reference, current);
    return new DriftReport(
        r.features(),
        r.correction(),
        r.alpha(),
        r.driftedCount(),
        r.driftedShare(),
        r.datasetDriftShare(),
        r.datasetDrift(),
        Instant.parse("2026-06-30T12:00:00Z"));
  }

  private static Columns columns(SplittableRandom random, int n, boolean shifted) {
    double[] income = new double[n];
    double[] age = new double[n];
    double[] member = new double[n];
    double[] purchases = new double[n];
    double[] empty = new double[n];
    double[] lastOrder = new double[n];
    double[] customer = new double[n];
    String[] channel = new String[n];
    double start =
        Instant.parse(shifted ? "2025-04-01T00:00:00Z" : "2025-01-01T00:00:00Z").getEpochSecond();
    String[] channels = {"web", "store", "phone"};
    for (int i = 0; i < n; i++) {
      income[i] = 52_000 + 12_000 * gauss(random) + (shifted ? 6_000 : 0);
      age[i] = Math.max(18, 41 + 12 * gauss(random));
      member[i] = random.nextDouble() < (shifted ? 0.33 : 0.30) ? 1 : 0;
      for (int t = 0; t < 6; t++) {
        purchases[i] += random.nextDouble() < (shifted ? 0.34 : 0.30) ? 1 : 0;
      }
      empty[i] = Double.NaN;
      lastOrder[i] = start + Math.floor(random.nextDouble() * 365) * 86_400;
      customer[i] = (shifted ? 30_000 : 10_000) + 3 * i + (i % 3);
      double u = random.nextDouble();
      channel[i] =
          shifted && u < 0.15 ? "app" : channels[(int) (random.nextDouble() * channels.length)];
    }
    return Columns.builder()
        .numeric("income", income)
        .numeric("age", age)
        .categorical("channel", channel)
        .numeric("is_member", member)
        .numeric("prior_purchases", purchases)
        .numeric("referral_score", empty)
        .timeSeconds("last_order", lastOrder)
        .numeric("customer_id", customer)
        .untested(
            "comment",
            org.mlops4j.drift.ColumnType.CATEGORICAL,
            org.mlops4j.drift.ColumnKind.EXCLUDED,
            "excluded by the caller: free text")
        .build();
  }

  /** Irwin–Hall: the sum of four uniforms, centred, scaled to a standard deviation of one. */
  private static double gauss(SplittableRandom r) {
    return (r.nextDouble() + r.nextDouble() + r.nextDouble() + r.nextDouble() - 2) * Math.sqrt(3);
  }

  @Test
  void thePageSaysWhatWasComparedThenTheVerdictThenEveryFeature() {
    String html = EXAMPLE.toHtml();
    assertThat(html)
        .contains("What this is about", "reference rows", "2,000", "1,500")
        .contains("benjamini-hochberg", "2026-06-30T12:00:00Z")
        .contains("drifted share", "features drifted", "largest PSI", "columns not tested")
        .contains("income", "age", "channel", "is_member", "prior_purchases", "referral_score")
        .contains(">unseen<")
        .contains("not tested: the reference has no value");
    assertThat(html.indexOf("Verdict")).isLessThan(html.indexOf("Features"));
    assertThat(html.indexOf("Features")).isLessThan(html.indexOf("Distributions"));
    // one histogram per feature that has values
    assertThat(html.split("<svg", -1).length - 1).isGreaterThanOrEqualTo(4);
  }

  @Test
  void featuresAreSortedDriftedFirstThenByPsi() {
    List<FeatureDrift> sorted = ReportHtml.sorted(EXAMPLE);
    assertThat(sorted.get(0).drifted()).isTrue();
    List<String> names = new ArrayList<>();
    sorted.forEach(f -> names.add(f.feature()));
    // last_order (a quarter later), channel (a new category) and income (shifted) drift, in
    // that order of PSI; the columns not tested come last
    assertThat(names)
        .startsWith("last_order", "channel", "income")
        .endsWith("comment", "customer_id", "referral_score");
    assertThat(sorted.get(0).metric("psi")).isGreaterThan(sorted.get(1).metric("psi"));
    String html = EXAMPLE.toHtml();
    int table = html.indexOf("<table", html.indexOf("Features"));
    assertThat(html.indexOf("income", table)).isLessThan(html.indexOf("referral_score", table));
  }

  @Test
  void aDiscreteColumnIsDrawnAsItsValuesInNumericOrderAndAContinuousOneOnItsBins() {
    // purchases: integers 0..7, reference 100 rows of each, current 10, 20, ..., 80 rows
    double[] refPurchases = new double[800];
    double[] curPurchases = new double[360];
    for (int i = 0; i < 800; i++) {
      refPurchases[i] = (i * 3) % 8;
    }
    for (int v = 0, i = 0; v < 8; v++) {
      for (int k = 0; k < 10 * (v + 1); k++) {
        curPurchases[i++] = v;
      }
    }
    SplittableRandom random = new SplittableRandom(3);
    double[] refIncome = new double[800];
    double[] curIncome = new double[360];
    for (int i = 0; i < 800; i++) {
      refIncome[i] = 50_000 + 10_000 * gauss(random);
    }
    for (int i = 0; i < 360; i++) {
      curIncome[i] = 55_000 + 10_000 * gauss(random);
    }
    DriftReport r =
        DriftDetector.defaults()
            .compare(
                Columns.builder()
                    .numeric("purchases", refPurchases)
                    .numeric("income", refIncome)
                    .build(),
                Columns.builder()
                    .numeric("purchases", curPurchases)
                    .numeric("income", curIncome)
                    .build());
    String html = r.toHtml();
    String purchases = chart(html, "purchases");
    assertThat(axisNumbers(purchases)).containsExactly("0", "1", "2", "3", "4", "5", "6", "7");
    assertThat(purchases).contains("purchases (value)");
    String income = chart(html, "income");
    assertThat(income).doesNotContain("(value)").doesNotContain("(category)");
    assertThat(axisNumbers(income)).doesNotContain("0", "1", "2", "3", "4", "5", "6", "7");
  }

  /** The SVG of the chart titled {@code feature}. */
  private static String chart(String html, String feature) {
    for (String part : html.split("<svg", -1)) {
      String svg = part.substring(0, Math.max(0, part.indexOf("</svg>")));
      if (svg.contains(">" + feature + "</text>")) {
        return svg;
      }
    }
    throw new AssertionError("no chart titled " + feature);
  }

  /** The whole numbers written centred under a chart's axis (category labels or numeric ticks). */
  private static List<String> axisNumbers(String svg) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("text-anchor=\"middle\"[^>]*>(-?[0-9]+)</text>")
            .matcher(svg);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void numericBinEdgesAreReadBackFromTheirLabels() {
    assertThat(ReportHtml.edges(List.of("(-inf, 1.5)", "[1.5, 2.5)", "[2.5, +inf)")))
        .containsExactly(Double.NEGATIVE_INFINITY, 1.5, 2.5, Double.POSITIVE_INFINITY);
    assertThat(ReportHtml.edges(List.of("(-inf, +inf)"))).isNull();
    assertThat(ReportHtml.edges(List.of("a", "b"))).isNull();
  }

  @Test
  void toHtmlIsTheSameOnEveryCall() {
    assertThat(EXAMPLE.toHtml()).isEqualTo(EXAMPLE.toHtml());
  }

  @Test
  void theReportIsOneSectionOnAPageOfTheUsersOwn() {
    Section s = EXAMPLE.toSection();
    assertThat(s.heading()).isEqualTo("Data drift");
    String html = Page.builder().title("Review").add(EXAMPLE).build().toHtml();
    assertThat(html).contains("Data drift", "income", "<svg");
  }

  @Test
  void saveJsonAndSaveHtmlWriteWhateverTheName(@TempDir Path dir) throws Exception {
    EXAMPLE.saveJson(dir.resolve("a.html"));
    EXAMPLE.saveHtml(dir.resolve("b.json"));
    assertThat(Files.readString(dir.resolve("a.html"))).isEqualTo(EXAMPLE.toJson());
    assertThat(Files.readString(dir.resolve("b.json"))).isEqualTo(EXAMPLE.toHtml());
  }

  @Test
  void timesShowTheMillisecondAtMost_andTimeColumnsAreDrawnOnACalendarAxis() {
    // issue 12: the "created" line showed Instant.toString's nanoseconds
    DriftReport r =
        new DriftReport(
            EXAMPLE.features(),
            EXAMPLE.correction(),
            EXAMPLE.alpha(),
            EXAMPLE.driftedCount(),
            EXAMPLE.driftedShare(),
            EXAMPLE.datasetDriftShare(),
            EXAMPLE.datasetDrift(),
            Instant.parse("2026-11-29T19:09:10.411984459Z"));
    String html = r.toHtml();
    assertThat(html).contains("2026-11-29T19:09:10.411Z").doesNotContain("411984459");
    assertThat(html)
        .contains("last_order (UTC)")
        .containsPattern(">2025-(0[1-9]|1[0-2])</text>")
        .contains("time · ks")
        .contains("skipped (excluded)", "excluded by the caller: free text")
        .contains("skipped (identifier)");
  }

  /**
   * Writes the example page to the folder named by the system property {@code mlops.examples} (the
   * screenshot script sets it); without it, checks only that it is made.
   */
  @Test
  void examplePage_isWrittenWhereTheScreenshotScriptAsks() {
    assertThat(EXAMPLE.toHtml()).startsWith("<!DOCTYPE html>");
    String dir = System.getProperty("mlops.examples");
    if (dir != null && !dir.isBlank()) {
      EXAMPLE.saveHtml(Path.of(dir, "drift.html"));
    }
  }
}
