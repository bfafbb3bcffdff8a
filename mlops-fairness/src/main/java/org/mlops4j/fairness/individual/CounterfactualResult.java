package org.mlops4j.fairness.individual;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mlops4j.api.internal.MetricKeys;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.fairness.internal.ResultFiles;
import org.mlops4j.report.BarChart;
import org.mlops4j.report.Element;
import org.mlops4j.report.Figure;
import org.mlops4j.report.Tone;
import org.mlops4j.report.internal.Json;

/**
 * The outcome of a {@link Counterfactual} audit.
 *
 * @param attribute the sensitive attribute that was swapped
 * @param rows number of rows tested
 * @param flips rows whose decision changed under the swap
 * @param flipRate flips / rows
 * @param byGroup one entry per direction "group→counterfactual", in order of first appearance
 * @param examples flipped rows, in row order, at most the configured number
 * @since 0.1.0
 */
public record CounterfactualResult(
    String attribute,
    int rows,
    int flips,
    double flipRate,
    List<GroupFlips> byGroup,
    List<FlipExample> examples) {

  /** The metric key of the overall flip rate, and the prefix of the per-direction keys. */
  public static final String METRIC_PREFIX = "fairness.individual.flip_rate";

  /** The {@code format} of the JSON document, {@value}. */
  public static final String FORMAT = "mlops4j.counterfactual";

  /** The {@code formatVersion} of the JSON document written by this version. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Copies the lists into unmodifiable ones.
   *
   * @throws NullPointerException if attribute or a list is null
   */
  public CounterfactualResult {
    Require.nonNull(attribute, "attribute");
    byGroup = List.copyOf(Require.nonNull(byGroup, "byGroup"));
    examples = List.copyOf(Require.nonNull(examples, "examples"));
  }

  /**
   * Flips of the rows of one original group.
   *
   * @param group the rows' original group
   * @param counterfactual the group they were swapped to
   * @param rows rows of the group
   * @param flips of which changed decision
   * @param flipRate flips / rows
   * @param transitions count per change of decision, keyed "before→after" (for example "0→1"),
   *     sorted by key
   * @since 0.1.0
   */
  public record GroupFlips(
      String group,
      String counterfactual,
      int rows,
      int flips,
      double flipRate,
      Map<String, Integer> transitions) {

    /** Copies transitions into an unmodifiable sorted map. */
    public GroupFlips {
      transitions = Collections.unmodifiableMap(new TreeMap<>(transitions));
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%s→%s: %d of %d flipped (%.2f%%)%s",
          group,
          counterfactual,
          flips,
          rows,
          100 * flipRate,
          transitions.isEmpty() ? "" : " " + transitions);
    }
  }

  /**
   * A row whose decision flipped.
   *
   * @param index the row's index in the input list
   * @param group its original group
   * @param counterfactual the group it was swapped to
   * @param decision the model's decision on the row
   * @param counterfactualDecision the decision on the swapped row
   * @since 0.1.0
   */
  public record FlipExample(
      int index,
      String group,
      String counterfactual,
      String decision,
      String counterfactualDecision) {
    @Override
    public String toString() {
      return "row "
          + index
          + " ("
          + group
          + "→"
          + counterfactual
          + "): "
          + decision
          + "→"
          + counterfactualDecision;
    }
  }

  /**
   * Logs {@code fairness.individual.flip_rate} and, per direction, {@code
   * fairness.individual.flip_rate.<group>_to_<counterfactual>} (characters of a group name other
   * than letters, digits, {@code _} and {@code -} become {@code _}).
   *
   * @param run the run to log to
   * @return this result
   * @throws NullPointerException if run is null
   */
  public CounterfactualResult logTo(Run run) {
    Require.nonNull(run, "run");
    run.logMetric(METRIC_PREFIX, flipRate);
    for (GroupFlips g : byGroup) {
      run.logMetric(
          METRIC_PREFIX
              + "."
              + MetricKeys.segment(g.group())
              + "_to_"
              + MetricKeys.segment(g.counterfactual()),
          g.flipRate());
    }
    return this;
  }

  /**
   * @return the JSON document: the header ({@code format} {@value #FORMAT}, {@code formatVersion}
   *     1, {@code library}, {@code libraryVersion}, {@code createdAt}), then attribute, rows,
   *     flips, flipRate, byGroup (objects with group, counterfactual, rows, flips, flipRate,
   *     transitions), examples (objects with index, group, counterfactual, decision,
   *     counterfactualDecision)
   */
  public String toJson() {
    Map<String, Object> m = Json.document(FORMAT, FORMAT_VERSION);
    m.put("attribute", attribute);
    m.put("rows", rows);
    m.put("flips", flips);
    Json.putNumber(m, "flipRate", flipRate, "not a finite number");
    List<Map<String, Object>> groups = new ArrayList<>();
    for (GroupFlips g : byGroup) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("group", g.group());
      o.put("counterfactual", g.counterfactual());
      o.put("rows", g.rows());
      o.put("flips", g.flips());
      Json.putNumber(o, "flipRate", g.flipRate(), "not a finite number");
      o.put("transitions", g.transitions());
      groups.add(o);
    }
    m.put("byGroup", groups);
    List<Map<String, Object>> ex = new ArrayList<>();
    for (FlipExample e : examples) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("index", e.index());
      o.put("group", e.group());
      o.put("counterfactual", e.counterfactual());
      o.put("decision", e.decision());
      o.put("counterfactualDecision", e.counterfactualDecision());
      ex.add(o);
    }
    m.put("examples", ex);
    return Json.write(m);
  }

  /**
   * @return one self-contained HTML page: the flip rate, a bar chart and a table of the flip rates
   *     by direction, and the flipped rows kept as examples (the first ten shown, the rest folded)
   */
  public String toHtml() {
    ResultPage page =
        new ResultPage(
                "Counterfactual audit of '" + attribute + "'",
                String.format(
                    Locale.ROOT,
                    "%d of %d rows changed decision when only '%s' was swapped",
                    flips,
                    rows,
                    attribute))
            .about("attribute swapped", attribute)
            .about("rows", rows)
            .about("directions", byGroup.size())
            .about("examples kept", examples.size());
    page.figure(
        Figure.of(
            "flip rate",
            ResultPage.number(flipRate),
            flips + " of " + rows + " rows flipped; 0 is counterfactually fair",
            flips == 0 ? Tone.GOOD : Tone.BAD));
    List<List<Object>> groups = new ArrayList<>();
    BarChart.Builder chart =
        BarChart.builder()
            .title("Flip rate by direction")
            .subtitle("share of the group's rows whose decision changed")
            .axisLabel("flip rate (share of rows)")
            .width(560);
    for (GroupFlips g : byGroup) {
      String direction = g.group() + "→" + g.counterfactual();
      groups.add(
          List.of(
              direction,
              g.rows(),
              g.flips(),
              ResultPage.number(g.flipRate()),
              g.transitions().isEmpty()
                  ? "–"
                  : String.join(
                      ", ",
                      g.transitions().entrySet().stream()
                          .map(t -> t.getKey() + ": " + t.getValue())
                          .toList())));
      if (Double.isFinite(g.flipRate())) {
        chart.bar(direction, g.flipRate());
      } else {
        chart.undefined(direction, "no rows");
      }
    }
    if (Double.isFinite(flipRate)) {
      chart.reference("all rows", flipRate);
    }
    List<List<Object>> ex = new ArrayList<>();
    for (FlipExample e : examples) {
      ex.add(
          List.of(
              e.index(),
              e.group() + "→" + e.counterfactual(),
              e.decision() + "→" + e.counterfactualDecision()));
    }
    if (byGroup.isEmpty()) {
      page.section("By direction", Element.note("No row had a value to swap."));
    } else {
      page.section(
          "By direction",
          chart.build(),
          ResultPage.table(
              List.of("direction", "rows", "flipped", "flip rate", "changes"),
              new int[] {1, 2, 3},
              groups));
    }
    page.section(
        "Flipped rows (examples)",
        ex.isEmpty()
            ? Element.note("No row flipped.")
            : ResultPage.table(List.of("row", "direction", "decision"), new int[] {0}, ex));
    return page.end();
  }

  /**
   * Writes the result to a file, atomically: the HTML page when the file name ends in {@code .html}
   * (any case), else the JSON.
   *
   * @param file where to write
   * @throws NullPointerException if file is null
   * @throws org.mlops4j.api.MlopsException if the file cannot be written
   */
  public void save(Path file) {
    ResultFiles.save(file, this::toJson, this::toHtml);
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Flip test on '%s': %d of %d rows flipped (%.2f%%)",
                attribute,
                flips,
                rows,
                100 * flipRate));
    for (GroupFlips g : byGroup) {
      sb.append("\n  ").append(g);
    }
    if (!examples.isEmpty()) {
      sb.append("\n  examples: ");
      for (int i = 0; i < examples.size(); i++) {
        sb.append(i == 0 ? "" : "; ").append(examples.get(i));
      }
    }
    return sb.toString();
  }
}
