package org.mlops4j.fairness.individual;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mlops4j.api.tracking.Run;

/**
 * The outcome of a {@link FlipTest}.
 *
 * @param attribute the sensitive attribute that was swapped
 * @param rows number of rows tested
 * @param flips rows whose decision changed under the swap
 * @param flipRate flips / rows
 * @param byGroup one entry per direction "group→counterfactual", in order of first appearance
 * @param examples flipped rows, in row order, at most the configured number
 * @since 0.1.0
 */
public record FlipTestResult(
    String attribute,
    int rows,
    int flips,
    double flipRate,
    List<GroupFlips> byGroup,
    List<FlipExample> examples) {

  /** Prefix of the metric names logged by {@link #logTo(Run)}. */
  public static final String METRIC_PREFIX = "fairness.individual.flip_rate";

  /** Copies the lists into unmodifiable ones. */
  public FlipTestResult {
    byGroup = List.copyOf(byGroup);
    examples = List.copyOf(examples);
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
      int index, String group, String counterfactual, String decision,
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
   * fairness.individual.flip_rate.<group>_to_<counterfactual>} (characters not allowed in metric
   * names become '_').
   *
   * @return this result
   * @throws IllegalArgumentException if run is null
   */
  public FlipTestResult logTo(Run run) {
    Checks.notNull(run, "run");
    run.logMetric(METRIC_PREFIX, flipRate);
    for (GroupFlips g : byGroup) {
      run.logMetric(
          Json.metricName(METRIC_PREFIX + "." + g.group() + "_to_" + g.counterfactual()),
          g.flipRate());
    }
    return this;
  }

  /**
   * @return a JSON object: attribute, rows, flips, flipRate, byGroup (objects with group,
   *     counterfactual, rows, flips, flipRate, transitions), examples (objects with index, group,
   *     counterfactual, decision, counterfactualDecision)
   */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("attribute", attribute);
    m.put("rows", rows);
    m.put("flips", flips);
    m.put("flipRate", flipRate);
    List<Map<String, Object>> groups = new ArrayList<>();
    for (GroupFlips g : byGroup) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("group", g.group());
      o.put("counterfactual", g.counterfactual());
      o.put("rows", g.rows());
      o.put("flips", g.flips());
      o.put("flipRate", g.flipRate());
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
