package org.mlops4j.explain;

import static org.mlops4j.explain.internal.Files.num;
import static org.mlops4j.explain.internal.Files.pad;
import static org.mlops4j.explain.internal.Files.padLeft;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.MetricKeys;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.explain.internal.Files;
import org.mlops4j.fairness.GroupCodes;
import org.mlops4j.report.BarChart;
import org.mlops4j.report.Element;
import org.mlops4j.report.Page;
import org.mlops4j.report.PageContent;
import org.mlops4j.report.Section;
import org.mlops4j.report.Table;
import org.mlops4j.report.internal.Json;

/**
 * The result of {@link KernelShap}: the SHAP value of every feature for every explained row, their
 * standard errors (0 when exact), the expected value {@code E[f]} over the background, and the
 * local accuracy gap {@code Σ_i φ_i − (f(x) − E[f])} of each row. Global summaries: {@link
 * #meanAbs()} (mean |SHAP| per feature) and {@link #byGroup(String, String[])}.
 *
 * <p>JSON ({@code format} {@value #FORMAT}, version 1): the header, then {@code method} ({@code
 * exact} or {@code sampled}), {@code features}, {@code expectedValue}, {@code backgroundRows}
 * (after a k-means summary), {@code backgroundSize}, {@code coalitions}, {@code modelCalls}, {@code
 * seed}, {@code maxLocalAccuracyGap}, {@code meanAbs}, {@code rows}: objects with {@code features}
 * (the row's values), {@code prediction}, {@code values}, {@code standardErrors} (null with {@code
 * standardErrorsReason} when not computed) and {@code localAccuracyGap}; and {@code groups} when
 * {@link #byGroup(String, String[])} was applied.
 *
 * @since 0.1.0
 */
public final class ShapReport implements PageContent {

  /** The {@code format} of the JSON document, {@value}. */
  public static final String FORMAT = "mlops4j.shap-values";

  /** The {@code formatVersion} of the JSON document written by this version. */
  public static final int FORMAT_VERSION = 1;

  private final List<String> features;
  private final double[][] rows;
  private final double[] predictions;
  private final double[][] values;
  private final double[][] errors;
  private final double[] gaps;
  private final double expectedValue;
  private final String method;
  private final int backgroundRows;
  private final int backgroundSize;
  private final int coalitions;
  private final long modelCalls;
  private final long seed;
  private final @Nullable ShapGroups groups;

  ShapReport(
      List<String> features,
      double[][] rows,
      double[] predictions,
      double[][] values,
      double[][] errors,
      double[] gaps,
      double expectedValue,
      String method,
      int backgroundRows,
      int backgroundSize,
      int coalitions,
      long modelCalls,
      long seed,
      @Nullable ShapGroups groups) {
    this.features = List.copyOf(features);
    this.rows = rows;
    this.predictions = predictions;
    this.values = values;
    this.errors = errors;
    this.gaps = gaps;
    this.expectedValue = expectedValue;
    this.method = method;
    this.backgroundRows = backgroundRows;
    this.backgroundSize = backgroundSize;
    this.coalitions = coalitions;
    this.modelCalls = modelCalls;
    this.seed = seed;
    this.groups = groups;
  }

  /**
   * @return the feature names, in column order
   */
  public List<String> features() {
    return features;
  }

  /**
   * @return the number of explained rows
   */
  public int rows() {
    return rows.length;
  }

  /**
   * @return {@code "exact"} (all coalitions) or {@code "sampled"} (Kernel SHAP estimate)
   */
  public String method() {
    return method;
  }

  /**
   * @return {@code E[f]}: the weighted mean of the model over the background (or its summary)
   */
  public double expectedValue() {
    return expectedValue;
  }

  /**
   * @return the background rows the values were computed against (the k-means centres when
   *     summarised)
   */
  public int backgroundRows() {
    return backgroundRows;
  }

  /**
   * @return the rows of the background sample given
   */
  public int backgroundSize() {
    return backgroundSize;
  }

  /**
   * @return the coalitions per row: {@code 2^M} when exact, the budget when sampled
   */
  public int coalitions() {
    return coalitions;
  }

  /**
   * @return the model calls made in all
   */
  public long modelCalls() {
    return modelCalls;
  }

  /**
   * @return the seed of the sampling and of the k-means summary
   */
  public long seed() {
    return seed;
  }

  /**
   * @param row the explained row, from 0
   * @return {@code f(x)} of that row
   */
  public double prediction(int row) {
    return predictions[check(row)];
  }

  /**
   * @param row the explained row, from 0
   * @return a copy of its SHAP values, one per feature
   */
  public double[] values(int row) {
    return values[check(row)].clone();
  }

  /**
   * @param row the explained row, from 0
   * @param feature a feature's name
   * @return the SHAP value of the feature in that row
   * @throws IllegalArgumentException if the row is out of range or the feature unknown
   */
  public double value(int row, String feature) {
    return values[check(row)][indexOf(feature)];
  }

  /**
   * @param row the explained row, from 0
   * @return a copy of the standard errors of its values (0 when exact; NaN without bootstrap)
   */
  public double[] standardErrors(int row) {
    return errors[check(row)].clone();
  }

  /**
   * @param row the explained row, from 0
   * @return {@code Σ_i φ_i − (f(x) − E[f])} for that row: 0 up to rounding
   */
  public double localAccuracyGap(int row) {
    return gaps[check(row)];
  }

  /**
   * @return the largest |local accuracy gap| over the rows
   */
  public double maxLocalAccuracyGap() {
    double g = 0;
    for (double v : gaps) {
      g = Math.max(g, Math.abs(v));
    }
    return g;
  }

  /**
   * @return the mean |SHAP| of each feature over the rows, in column order: the global importance
   */
  public double[] meanAbs() {
    double[] out = new double[features.size()];
    for (double[] v : values) {
      for (int i = 0; i < out.length; i++) {
        out[i] += Math.abs(v[i]) / values.length;
      }
    }
    return out;
  }

  /**
   * @return the SHAP values by group, when {@link #byGroup(String, String[])} made this report
   */
  public Optional<ShapGroups> groups() {
    return Optional.ofNullable(groups);
  }

  /**
   * The same report with the mean SHAP and mean |SHAP| per feature for each group of a sensitive
   * attribute (as the group columns of the fairness module's {@code Decisions}).
   *
   * @param attribute the attribute's name
   * @param groupOfRow the group of each explained row
   * @return a new report that carries the summary by group
   * @throws IllegalArgumentException if there is not one group per row
   */
  public ShapReport byGroup(String attribute, String[] groupOfRow) {
    return byGroup(
        attribute, GroupCodes.encode(Require.nonNull(attribute, "attribute"), groupOfRow));
  }

  /**
   * As {@link #byGroup(String, String[])}, with the groups already encoded.
   *
   * @param attribute the attribute's name
   * @param codes the group codes of the rows
   * @return a new report that carries the summary by group
   * @throws IllegalArgumentException if there is not one code per row
   */
  public ShapReport byGroup(String attribute, GroupCodes codes) {
    Require.nonNull(attribute, "attribute");
    Require.nonNull(codes, "codes");
    int[] c = codes.codes();
    Require.sameLength(c.length, "groups", rows.length, "the explained rows");
    int g = codes.names().size();
    int m = features.size();
    int[] counts = new int[g];
    double[][] mean = new double[g][m];
    double[][] abs = new double[g][m];
    for (int r = 0; r < c.length; r++) {
      counts[c[r]]++;
      for (int i = 0; i < m; i++) {
        mean[c[r]][i] += values[r][i];
        abs[c[r]][i] += Math.abs(values[r][i]);
      }
    }
    for (int k = 0; k < g; k++) {
      for (int i = 0; i < m; i++) {
        mean[k][i] /= counts[k];
        abs[k][i] /= counts[k];
      }
    }
    return new ShapReport(
        features,
        rows,
        predictions,
        values,
        errors,
        gaps,
        expectedValue,
        method,
        backgroundRows,
        backgroundSize,
        coalitions,
        modelCalls,
        seed,
        new ShapGroups(attribute, codes.names(), counts, mean, abs));
  }

  private int check(int row) {
    Require.argument(row >= 0 && row < rows.length, "row", "in [0, " + rows.length + ")", row);
    return row;
  }

  private int indexOf(String feature) {
    Require.nonNull(feature, "feature");
    int i = features.indexOf(feature);
    Require.argument(i >= 0, "feature", "one of " + features, "'" + feature + "'");
    return i;
  }

  private Integer[] byImportance() {
    double[] ma = meanAbs();
    Integer[] order = new Integer[ma.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -ma[i]));
    return order;
  }

  /**
   * @return the JSON document described above
   */
  public String toJson() {
    Map<String, Object> m = Json.document(FORMAT, FORMAT_VERSION);
    m.put("method", method);
    m.put("features", features);
    m.put("expectedValue", expectedValue);
    m.put("backgroundRows", backgroundRows);
    m.put("backgroundSize", backgroundSize);
    m.put("coalitions", coalitions);
    m.put("modelCalls", modelCalls);
    m.put("seed", seed);
    m.put("maxLocalAccuracyGap", maxLocalAccuracyGap());
    m.put("meanAbs", meanAbs());
    List<Map<String, Object>> list = new ArrayList<>();
    for (int r = 0; r < rows.length; r++) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("features", rows[r]);
      o.put("prediction", predictions[r]);
      o.put("values", values[r]);
      if (Arrays.stream(errors[r]).allMatch(Double::isFinite)) {
        o.put("standardErrors", errors[r]);
      } else {
        o.put("standardErrors", null);
        o.put("standardErrorsReason", "no bootstrap resamples");
      }
      o.put("localAccuracyGap", gaps[r]);
      list.add(o);
    }
    m.put("rows", list);
    if (groups != null) {
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("attribute", groups.attribute());
      g.put("groups", groups.groups());
      g.put("counts", groups.counts());
      g.put("mean", groups.mean());
      g.put("meanAbs", groups.meanAbs());
      m.put("groups", g);
    }
    return Json.write(m);
  }

  /**
   * @return the SHAP summary as a section: a bar chart of mean |SHAP| per feature (of the signed
   *     values when there is one row), the values of the first rows (up to 10) in a table, and the
   *     values by group when present
   */
  @Override
  public Section toSection() {
    double[] ma = meanAbs();
    Integer[] order = byImportance();
    BarChart.Builder chart =
        BarChart.builder()
            .title("Mean |SHAP| per feature")
            .subtitle(
                method
                    + " SHAP values of "
                    + rows.length
                    + " rows against "
                    + backgroundRows
                    + " background rows")
            .axisLabel("mean |SHAP value| (model output units)");
    if (rows.length == 1) {
      chart =
          BarChart.builder()
              .title("SHAP values of the row")
              .subtitle(
                  "f(x) = "
                      + num(predictions[0])
                      + " = E[f] "
                      + num(expectedValue)
                      + " + the sum of the bars; "
                      + method
                      + ", "
                      + backgroundRows
                      + " background rows")
              .axisLabel("SHAP value (model output units)");
      for (int i : order) {
        chart.bar(features.get(i) + " = " + num(rows[0][i]), values[0][i]);
      }
    } else {
      for (int i : order) {
        chart.bar(features.get(i), ma[i]);
      }
    }
    List<Element> elements = new ArrayList<>();
    elements.add(
        Element.note(
            String.format(
                Locale.ROOT,
                "Kernel SHAP (Lundberg and Lee 2017), interventional; E[f] = %s; largest local"
                    + " accuracy gap %s; %d model calls; seed %d.",
                num(expectedValue),
                num(maxLocalAccuracyGap()),
                modelCalls,
                seed)));
    elements.add(chart.build());
    int shown = Math.min(10, rows.length);
    List<String> cols = new ArrayList<>();
    cols.add("row");
    cols.add("f(x)");
    for (int i : order) {
      cols.add(features.get(i));
    }
    int[] numeric = new int[cols.size() - 1];
    for (int k = 0; k < numeric.length; k++) {
      numeric[k] = k + 1;
    }
    Table.Builder t =
        Table.builder()
            .caption(
                shown == 1
                    ? "SHAP values of the row"
                    : "SHAP values of the first " + shown + " rows")
            .columns(cols.toArray(new String[0]))
            .numeric(numeric);
    for (int r = 0; r < shown; r++) {
      Object[] cells = new Object[cols.size()];
      cells[0] = r;
      cells[1] = predictions[r];
      for (int k = 0; k < order.length; k++) {
        cells[k + 2] = values[r][order[k]];
      }
      t.row(cells);
    }
    elements.add(t.build());
    if (groups != null) {
      List<Element> panels = new ArrayList<>();
      double[][] abs = groups.meanAbs();
      for (int k = 0; k < groups.groups().size(); k++) {
        BarChart.Builder b =
            BarChart.builder()
                .title(groups.attribute() + " = " + groups.groups().get(k))
                .subtitle(groups.counts()[k] + " rows")
                .axisLabel("mean |SHAP value|");
        for (int i : order) {
          b.bar(features.get(i), abs[k][i]);
        }
        panels.add(b.build());
      }
      elements.add(Section.of("SHAP by " + groups.attribute(), Element.grid(panels)));
    }
    return Section.of("SHAP values", elements);
  }

  /**
   * @return a self-contained HTML page of {@link #toSection()}
   */
  public String toHtml() {
    return Page.builder()
        .title("SHAP values")
        .about("method", method)
        .about("rows", rows.length)
        .about("background rows", backgroundRows)
        .about("E[f]", expectedValue)
        .about("model calls", modelCalls)
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
   * Logs {@code explain.shap.expected_value}, {@code explain.shap.max_local_accuracy_gap}, {@code
   * explain.shap.<feature>.mean_abs} per feature, {@code
   * explain.shap.group.<group>.<feature>.mean_abs} when grouped, and the artifacts {@code
   * explain/shap.json} and {@code explain/shap.html}.
   *
   * @param run the run
   * @return this report
   * @throws NullPointerException if run is null
   */
  public ShapReport logTo(Run run) {
    Require.nonNull(run, "run");
    run.logMetric(MetricKeys.key("explain", "shap", "expected_value"), expectedValue);
    run.logMetric(
        MetricKeys.key("explain", "shap", "max_local_accuracy_gap"), maxLocalAccuracyGap());
    double[] ma = meanAbs();
    for (int i = 0; i < ma.length; i++) {
      run.logMetric(MetricKeys.key("explain", "shap", features.get(i), "mean_abs"), ma[i]);
    }
    if (groups != null) {
      double[][] abs = groups.meanAbs();
      for (int k = 0; k < abs.length; k++) {
        for (int i = 0; i < ma.length; i++) {
          run.logMetric(
              MetricKeys.key(
                  "explain", "shap", "group", groups.groups().get(k), features.get(i), "mean_abs"),
              abs[k][i]);
        }
      }
    }
    run.logText("explain/shap.json", toJson());
    run.logText("explain/shap.html", toHtml());
    return this;
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "SHAP values (%s, %d %s, %d background rows; E[f] = %s; max local accuracy"
                    + " gap %s; %d model calls)%s%n",
                method,
                rows.length,
                rows.length == 1 ? "row" : "rows",
                backgroundRows,
                num(expectedValue),
                num(maxLocalAccuracyGap()),
                modelCalls,
                groups == null ? "" : "; mean |shap| by " + groups.attribute()));
    int w = 7;
    for (String f : features) {
      w = Math.max(w, f.length());
    }
    double[] ma = meanAbs();
    Integer[] order = byImportance();
    if (rows.length == 1) {
      sb.append("f(x) = ").append(num(predictions[0])).append('\n');
      sb.append(pad("feature", w))
          .append(padLeft("value", 11))
          .append(padLeft("shap", 11))
          .append(padLeft("std err", 11))
          .append('\n');
      for (int i : order) {
        sb.append(pad(features.get(i), w))
            .append(padLeft(num(rows[0][i]), 11))
            .append(padLeft(num(values[0][i]), 11))
            .append(padLeft(num(errors[0][i]), 11))
            .append('\n');
      }
    } else {
      sb.append(pad("feature", w)).append(padLeft("mean |shap|", 13));
      if (groups != null) {
        for (String g : groups.groups()) {
          sb.append(padLeft(g, Math.max(11, g.length() + 2)));
        }
      }
      sb.append('\n');
      double[][] abs = groups == null ? new double[0][] : groups.meanAbs();
      for (int i : order) {
        sb.append(pad(features.get(i), w)).append(padLeft(num(ma[i]), 13));
        if (groups != null) {
          for (int k = 0; k < abs.length; k++) {
            String g = groups.groups().get(k);
            sb.append(padLeft(num(abs[k][i]), Math.max(11, g.length() + 2)));
          }
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }
}
