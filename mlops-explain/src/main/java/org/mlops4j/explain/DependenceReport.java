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
import org.mlops4j.report.LineChart;
import org.mlops4j.report.Page;
import org.mlops4j.report.PageContent;
import org.mlops4j.report.Section;
import org.mlops4j.report.Table;
import org.mlops4j.report.internal.Json;

/**
 * The result of {@link PartialDependence}: one {@link DependenceCurve} per feature.
 *
 * <p>JSON ({@code format} {@value #FORMAT}, version 1): the header, then {@code rows} and {@code
 * curves}: objects with {@code feature}, {@code categorical}, {@code grid}, {@code labels}, {@code
 * average}, {@code share}, {@code iceRows} and {@code ice} (one array per kept row).
 *
 * @param rows the number of rows averaged over
 * @param curves one per feature, in the order asked
 * @since 0.1.0
 */
public record DependenceReport(int rows, List<DependenceCurve> curves) implements PageContent {

  /** The {@code format} of the JSON document, {@value}. */
  public static final String FORMAT = "mlops4j.partial-dependence";

  /** The {@code formatVersion} of the JSON document written by this version. */
  public static final int FORMAT_VERSION = 1;

  /** The most ICE curves drawn per chart (all are in the JSON). */
  private static final int ICE_DRAWN = 5;

  /**
   * Copies the list.
   *
   * @throws NullPointerException if curves is null
   */
  public DependenceReport {
    curves = List.copyOf(Require.nonNull(curves, "curves"));
  }

  /**
   * @param feature a feature's name
   * @return its curve
   * @throws IllegalArgumentException if there is no curve of that feature
   */
  public DependenceCurve curve(String feature) {
    Require.nonNull(feature, "feature");
    for (DependenceCurve c : curves) {
      if (c.feature().equals(feature)) {
        return c;
      }
    }
    List<String> names = curves.stream().map(DependenceCurve::feature).toList();
    throw new IllegalArgumentException(
        Require.mustBe("feature", "one of " + names, "'" + feature + "'"));
  }

  /**
   * @return the JSON document described above
   */
  public String toJson() {
    Map<String, Object> m = Json.document(FORMAT, FORMAT_VERSION);
    m.put("rows", rows);
    List<Map<String, Object>> list = new ArrayList<>();
    for (DependenceCurve c : curves) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("feature", c.feature());
      o.put("categorical", c.categorical());
      o.put("grid", c.grid());
      o.put("labels", c.labels());
      o.put("average", c.average());
      o.put("share", c.share());
      o.put("iceRows", c.iceRows());
      o.put("ice", c.ice());
      list.add(o);
    }
    m.put("curves", list);
    return Json.write(m);
  }

  /**
   * @return the curves as a section: per numeric feature a line chart of the partial dependence
   *     with a few ICE curves, per categorical feature a bar chart, and a table of the values with
   *     the share of rows behind each grid value
   */
  @Override
  public Section toSection() {
    List<Element> panels = new ArrayList<>();
    List<Element> tables = new ArrayList<>();
    for (DependenceCurve c : curves) {
      double[] grid = c.grid();
      double[] avg = c.average();
      double[] share = c.share();
      if (c.categorical()) {
        BarChart.Builder b =
            BarChart.builder()
                .title("Partial dependence on " + c.feature())
                .subtitle("mean model output with the feature set to each category")
                .axisLabel("model output");
        for (int k = 0; k < grid.length; k++) {
          b.bar(
              c.labels().get(k) + String.format(Locale.ROOT, " (%.1f%% of rows)", 100 * share[k]),
              avg[k]);
        }
        panels.add(b.build());
      } else {
        LineChart.Builder l =
            LineChart.builder()
                .title("Partial dependence on " + c.feature())
                .subtitle(
                    "PD: mean over "
                        + rows
                        + " rows; ICE: "
                        + Math.min(ICE_DRAWN, c.iceRows().length)
                        + " rows")
                .xLabel(c.feature())
                .yLabel("model output")
                .series("PD (average)", grid, avg);
        double[][] ice = c.ice();
        int[] iceRows = c.iceRows();
        for (int r = 0; r < Math.min(ICE_DRAWN, ice.length); r++) {
          l.series("ICE row " + iceRows[r], grid, ice[r]);
        }
        panels.add(l.build());
      }
      Table.Builder t =
          Table.builder()
              .caption("Partial dependence on " + c.feature())
              .columns(c.feature(), "partial dependence", "share of rows")
              .numeric(1, 2)
              .visibleRows(10);
      for (int k = 0; k < grid.length; k++) {
        t.row(c.labels().get(k), avg[k], share[k]);
      }
      tables.add(t.build());
    }
    List<Element> all = new ArrayList<>();
    all.add(
        Element.note(
            "Partial dependence (Friedman 2001) and ICE curves (Goldstein et al. 2015): the model's"
                + " output with one feature set to each grid value, all else as in the data. The"
                + " share is the share of rows nearest to each grid value."));
    all.add(Element.grid(panels));
    all.add(Element.details("Values", tables.toArray(new Element[0])));
    return Section.of("Partial dependence", all);
  }

  /**
   * @return a self-contained HTML page of {@link #toSection()}
   */
  public String toHtml() {
    return Page.builder()
        .title("Partial dependence")
        .about("rows", rows)
        .about("features", curves.stream().map(DependenceCurve::feature).toList())
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
   * Logs {@code explain.partial_dependence.<feature>.range} (largest minus smallest partial
   * dependence) per feature, and the artifacts {@code explain/partial_dependence.json} and {@code
   * explain/partial_dependence.html}.
   *
   * @param run the run
   * @return this report
   * @throws NullPointerException if run is null
   */
  public DependenceReport logTo(Run run) {
    Require.nonNull(run, "run");
    for (DependenceCurve c : curves) {
      run.logMetric(
          MetricKeys.key("explain", "partial_dependence", c.feature(), "range"), c.range());
    }
    run.logText("explain/partial_dependence.json", toJson());
    run.logText("explain/partial_dependence.html", toHtml());
    return this;
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("Partial dependence (" + rows + " rows)" + System.lineSeparator());
    for (DependenceCurve c : curves) {
      double[] avg = c.average();
      double[] share = c.share();
      sb.append(c.feature())
          .append(c.categorical() ? " (categorical)" : "")
          .append(": ")
          .append(avg.length)
          .append(" grid values, range ")
          .append(num(c.range()))
          .append(", ")
          .append(c.iceRows().length)
          .append(" ICE curves\n");
      int w = Math.max(6, c.labels().stream().mapToInt(String::length).max().orElse(0));
      sb.append("  ")
          .append(pad("value", w))
          .append(padLeft("pd", 12))
          .append(padLeft("share", 9))
          .append('\n');
      for (int k = 0; k < avg.length; k++) {
        sb.append("  ")
            .append(pad(c.labels().get(k), w))
            .append(padLeft(num(avg[k]), 12))
            .append(padLeft(String.format(Locale.ROOT, "%.1f%%", 100 * share[k]), 9))
            .append('\n');
      }
    }
    return sb.toString();
  }
}
