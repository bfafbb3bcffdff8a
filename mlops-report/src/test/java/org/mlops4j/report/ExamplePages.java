package org.mlops4j.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An example page of every element and chart, made from fixed synthetic numbers (seeded), for the
 * screenshots of the README ({@code scripts/screenshots.sh}) and for the tests of the page.
 */
final class ExamplePages {
  private ExamplePages() {}

  /** A page with every kind of chart: what a drift section will look like, and a user's own. */
  static Page toolkit() {
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("reference", "applications-2023.csv (5,000 rows)");
    about.put("current", "applications-2024.csv (4,200 rows)");
    about.put("model", "gbm-7 (threshold 0.5)");
    about.put("settings", "alpha 0.05, 10 quantile bins");

    Histogram age =
        Histogram.builder()
            .title("age")
            .subtitle("KS p = 0.0003, PSI 0.147: drifted")
            .xLabel("age (years)")
            .edges(18, 25, 30, 35, 40, 45, 50, 55, 60, 70, 90)
            .series("reference", 520L, 610, 700, 690, 620, 560, 480, 400, 300, 120)
            .series("current", 700L, 720, 660, 580, 480, 380, 300, 230, 150, 50)
            .shares()
            .build();
    List<String> cities = new ArrayList<>();
    long[] refCities = new long[40];
    long[] curCities = new long[40];
    Random random = new Random(7);
    for (int i = 0; i < 40; i++) {
      cities.add(i == 3 ? "Saint-Rémy-de-Provence & <Co>" : "city " + (char) ('A' + i % 26) + i);
      refCities[i] = 40 + (long) (800 / (1.0 + i) + random.nextInt(20));
      curCities[i] = 30 + (long) (700 / (1.0 + i * 0.8) + random.nextInt(30));
    }
    Histogram city =
        Histogram.builder()
            .title("city")
            .subtitle("chi-square p < 0.0001: drifted; 40 categories, the 11 most frequent shown")
            .xLabel("city")
            .categories(cities)
            .series("reference", refCities)
            .series("current", curCities)
            .shares()
            .maxCategories(12)
            .build();
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    Instant[] weeks = new Instant[20];
    double[] psi = new double[20];
    double[] ks = new double[20];
    for (int i = 0; i < 20; i++) {
      weeks[i] = start.plus(Duration.ofDays(7L * i));
      psi[i] = 0.02 + 0.012 * i + 0.01 * Math.sin(i);
      ks[i] = 0.03 + 0.006 * i;
    }
    psi[7] = Double.NaN;
    LineChart trend =
        LineChart.builder()
            .title("Drift of 'income' per week")
            .subtitle("a gap: no data in week 8")
            .xLabel("week starting (UTC)")
            .yLabel("statistic")
            .timeSeries("PSI", weeks, psi)
            .timeSeries("KS distance", weeks, ks)
            .reference("PSI major shift", 0.25)
            .build();
    BarChart bars =
        BarChart.builder()
            .title("Approval rate")
            .subtitle("95% Wilson intervals; dashed line: all applicants")
            .axisLabel("share of applicants approved")
            .bar("18-25", 0.41, 0.37, 0.45)
            .bar("26-40", 0.55, 0.52, 0.58)
            .bar("41-65", 0.61, 0.58, 0.64)
            .bar("over 65", 0.35, 0.17, 0.58, "n=17, too small")
            .undefined("unknown", "no rows")
            .reference("overall", 0.54)
            .build();
    CalibrationChart calibration =
        CalibrationChart.builder()
            .title("Calibration by age band")
            .subtitle("10 equal-width bins")
            .curve(
                "18-25",
                new double[] {0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95},
                new double[] {0.04, 0.12, 0.2, 0.31, 0.4, 0.49, 0.58, 0.7, 0.8, 0.93},
                new long[] {80, 120, 160, 200, 210, 190, 150, 110, 70, 40})
            .curve(
                "41-65",
                new double[] {0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95},
                new double[] {0.08, 0.2, 0.3, 0.42, 0.52, 0.6, 0.7, 0.8, 0.88, 0.97},
                new long[] {60, 90, 130, 180, 230, 240, 200, 160, 90, 50})
            .curve(
                "over 65",
                new double[] {0.12, 0.38, 0.55, 0.8},
                new double[] {0.0, 0.6, 0.25, 1.0},
                new long[] {4, 5, 5, 3},
                "too small (under 30 rows)")
            .build();
    Table table =
        Table.builder()
            .caption("Features, most drifted first")
            .columns("feature", "type", "test", "statistic", "p-value", "drifted")
            .numeric(3, 4)
            .row(Tone.BAD, "age", "numeric", "KS", 0.0871, 0.0003, "yes")
            .row(Tone.BAD, "city", "categorical", "chi-square", 161.2, 1e-9, "yes")
            .row("income", "numeric", "KS", 0.021, 0.41, "no")
            .row("tenure", "numeric", "KS", 0.017, 0.66, "no")
            .row(Tone.MUTED, "customer_id", "identifier", "–", null, null, "not tested")
            .visibleRows(3)
            .build();
    return Page.builder()
        .title("Model review: credit scoring, June release")
        .subtitle("An example of the report toolkit: drift, fairness and our own numbers")
        .about(about)
        .createdAt(Instant.parse("2024-06-30T12:00:00Z"))
        .section(
            "Verdict",
            Element.callout(
                Tone.BAD, "Data drift", "2 of 4 testable features drifted (50%; threshold 50%)."),
            Element.figures(
                Figure.of("drifted features", "2 of 4", "age, city", Tone.BAD),
                Figure.of("largest PSI", "0.147", "age", Tone.WARNING),
                Figure.of("not tested", "1", "customer_id: an identifier", Tone.MUTED)),
            table)
        .section(
            "Distributions",
            Element.grid(age, city),
            Element.note("Bars: share of each data set's rows; hover for counts."))
        .section("Over time", trend)
        .section("Groups", Element.grid(bars, calibration))
        .build();
  }
}
