package org.mlops4j.explain;

import static org.mlops4j.explain.internal.Files.num;
import static org.mlops4j.explain.internal.Files.pad;
import static org.mlops4j.explain.internal.Files.padLeft;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.api.internal.MetricKeys;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.explain.internal.Files;
import org.mlops4j.report.BarChart;
import org.mlops4j.report.Element;
import org.mlops4j.report.Page;
import org.mlops4j.report.PageContent;
import org.mlops4j.report.Section;
import org.mlops4j.report.Table;
import org.mlops4j.report.internal.Json;

/**
 * The result of {@link PermutationImportance}: one {@link FeatureImportance} per feature or group,
 * most important first.
 *
 * <p>JSON ({@code format} {@value #FORMAT}, version 1): the header, then {@code metric}, {@code
 * higherIsBetter}, {@code baselineScore}, {@code rows}, {@code repeats}, {@code seed}, {@code
 * level}, and {@code importances}: objects with {@code name}, {@code features}, {@code mean},
 * {@code std}, {@code lower}, {@code upper} (null with {@code lowerReason}/{@code upperReason} with
 * one repeat) and {@code importances}.
 *
 * @param metric the metric's name
 * @param higherIsBetter whether a higher score of the metric is better
 * @param baselineScore the metric on the unpermuted data
 * @param rows the number of rows scored
 * @param repeats the shuffles per feature
 * @param seed the seed of the shuffles
 * @param level the confidence level of the intervals
 * @param importances one per feature or group, most important first
 * @since 0.1.0
 */
public record ImportanceReport(
    String metric,
    boolean higherIsBetter,
    double baselineScore,
    int rows,
    int repeats,
    long seed,
    double level,
    List<FeatureImportance> importances)
    implements PageContent {

  /** The {@code format} of the JSON document, {@value}. */
  public static final String FORMAT = "mlops4j.permutation-importance";

  /** The {@code formatVersion} of the JSON document written by this version. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Copies the list.
   *
   * @throws NullPointerException if metric or importances is null
   */
  public ImportanceReport {
    Require.nonNull(metric, "metric");
    importances = List.copyOf(Require.nonNull(importances, "importances"));
  }

  /**
   * @param name a feature's or group's name
   * @return its importance
   * @throws IllegalArgumentException if there is none of that name
   */
  public FeatureImportance importance(String name) {
    Require.nonNull(name, "name");
    for (FeatureImportance f : importances) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    List<String> names = importances.stream().map(FeatureImportance::name).toList();
    throw new IllegalArgumentException(
        Require.mustBe("feature", "one of " + names, "'" + name + "'"));
  }

  /**
   * @return the JSON document described above
   */
  public String toJson() {
    Map<String, Object> m = Json.document(FORMAT, FORMAT_VERSION);
    m.put("metric", metric);
    m.put("higherIsBetter", higherIsBetter);
    Json.putNumber(m, "baselineScore", baselineScore, "the metric is not finite on the data");
    m.put("rows", rows);
    m.put("repeats", repeats);
    m.put("seed", seed);
    m.put("level", level);
    List<Map<String, Object>> list = new ArrayList<>();
    for (FeatureImportance f : importances) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", f.name());
      o.put("features", f.features());
      Json.putNumber(o, "mean", f.mean(), "the metric is not finite");
      Json.putNumber(o, "std", f.std(), "the metric is not finite");
      Json.putNumber(o, "lower", f.lower(), "an interval needs at least 2 repeats");
      Json.putNumber(o, "upper", f.upper(), "an interval needs at least 2 repeats");
      List<Double> each = new ArrayList<>();
      for (double v : f.importances()) {
        each.add(Json.finiteOrNull(v));
      }
      o.put("importances", each);
      list.add(o);
    }
    m.put("importances", list);
    return Json.write(m);
  }

  /**
   * @return the importances as a section: a bar chart with the intervals as error bars, and a table
   *     (for a model card's quantitative analyses, or any {@link Page})
   */
  @Override
  public Section toSection() {
    BarChart.Builder chart =
        BarChart.builder()
            .title("Permutation importance")
            .subtitle(
                String.format(
                    Locale.ROOT,
                    "drop of %s when the feature is shuffled; %d repeats, %.0f%% t intervals",
                    metric,
                    repeats,
                    100 * level))
            .axisLabel("importance (" + metric + ")");
    Table.Builder table =
        Table.builder()
            .caption("Permutation importance, most important first")
            .columns("feature", "features", "mean", "std", "lower", "upper")
            .numeric(2, 3, 4, 5)
            .visibleRows(20);
    for (FeatureImportance f : importances) {
      if (Double.isFinite(f.lower())) {
        chart.bar(f.name(), f.mean(), f.lower(), f.upper());
      } else {
        chart.bar(f.name(), f.mean());
      }
      table.row(f.name(), String.join(", ", f.features()), f.mean(), f.std(), f.lower(), f.upper());
    }
    return Section.of(
        "Permutation importance",
        Element.note(
            String.format(
                Locale.ROOT,
                "Baseline %s %s on %d rows (%s is better); seed %d. Breiman (2001), as"
                    + " scikit-learn's permutation_importance.",
                metric,
                num(baselineScore),
                rows,
                higherIsBetter ? "higher" : "lower",
                seed)),
        chart.build(),
        table.build());
  }

  /**
   * @return a self-contained HTML page of {@link #toSection()}
   */
  public String toHtml() {
    return Page.builder()
        .title("Permutation importance")
        .about("metric", metric)
        .about("baseline score", baselineScore)
        .about("rows", rows)
        .about("repeats", repeats)
        .about("seed", seed)
        .add(toSection())
        .build()
        .toHtml();
  }

  /**
   * Writes the report, atomically: HTML when the file name ends in {@code .html}, else JSON.
   *
   * @param file where to write
   * @throws NullPointerException if file is null
   * @throws org.mlops4j.api.MlopsException if the file cannot be written
   */
  public void save(Path file) {
    Files.save(file, this::toJson, this::toHtml);
  }

  /**
   * Logs {@code explain.importance.baseline_score}, and per feature {@code
   * explain.importance.<feature>.mean}, {@code .std}, {@code .lower}, {@code .upper} (when
   * defined), and the artifacts {@code explain/importance.json} and {@code
   * explain/importance.html}.
   *
   * @param run the run
   * @return this report
   * @throws NullPointerException if run is null
   */
  public ImportanceReport logTo(Run run) {
    Require.nonNull(run, "run");
    if (Double.isFinite(baselineScore)) {
      run.logMetric(MetricKeys.key("explain", "importance", "baseline_score"), baselineScore);
    }
    for (FeatureImportance f : importances) {
      log(run, f.name(), "mean", f.mean());
      log(run, f.name(), "std", f.std());
      log(run, f.name(), "lower", f.lower());
      log(run, f.name(), "upper", f.upper());
    }
    run.logText("explain/importance.json", toJson());
    run.logText("explain/importance.html", toHtml());
    return this;
  }

  private static void log(Run run, String feature, String measure, double value) {
    if (Double.isFinite(value)) {
      run.logMetric(MetricKeys.key("explain", "importance", feature, measure), value);
    }
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Permutation importance (%s, %s is better; baseline %s; %d rows, %d repeats,"
                    + " seed %d, %.0f%% t intervals)%n",
                metric,
                higherIsBetter ? "higher" : "lower",
                num(baselineScore),
                rows,
                repeats,
                seed,
                100 * level));
    int w = 7;
    for (FeatureImportance f : importances) {
      w = Math.max(w, f.name().length());
    }
    sb.append(pad("feature", w))
        .append(padLeft("mean", 11))
        .append(padLeft("std", 11))
        .append("   interval\n");
    for (FeatureImportance f : importances) {
      sb.append(pad(f.name(), w))
          .append(padLeft(num(f.mean()), 11))
          .append(padLeft(num(f.std()), 11))
          .append("   [")
          .append(num(f.lower()))
          .append(", ")
          .append(num(f.upper()))
          .append("]\n");
    }
    return sb.toString();
  }
}
